import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadLastModels, modelForUse, modelTitle, rememberModel } from '../../utils/settings/model-choice';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import { availableModels } from '../../utils/settings/target';

beforeEach(() => {
  fakeBrowser.reset();
});

function cityHall(): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.models = [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    { id: 'claude-sonnet-4-5', label: 'Claude', purpose: '文書作成・校正向き' },
    { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
  ];
  settings.defaultModel = 'gpt-4.1-mini';
  settings.actions.proofread.model = 'claude-sonnet-4-5';
  return settings;
}

describe('which model an action or the chat starts on', () => {
  const settings = cityHall();
  const offered = availableModels(settings, true);

  it("uses the administrator's model for an action until the user picks another for it", () => {
    expect(modelForUse(settings, offered, {}, 'proofread')).toBe('claude-sonnet-4-5');
    expect(modelForUse(settings, offered, { proofread: 'plamo-2.1-prime' }, 'proofread')).toBe(
      'plamo-2.1-prime',
    );
  });

  it('remembers each action and the chat separately', () => {
    const last = { summarize: 'plamo-2.1-prime', chat: 'claude-sonnet-4-5' };
    expect(modelForUse(settings, offered, last, 'summarize')).toBe('plamo-2.1-prime');
    expect(modelForUse(settings, offered, last, 'chat')).toBe('claude-sonnet-4-5');
    expect(modelForUse(settings, offered, last, 'translate')).toBe('gpt-4.1-mini');
  });

  it('forgets a choice the administrator no longer offers, falling back to the action model or default', () => {
    const last = { proofread: 'gpt-4o-old', chat: 'gpt-4o-old' };
    expect(modelForUse(settings, offered, last, 'proofread')).toBe('claude-sonnet-4-5');
    expect(modelForUse(settings, offered, last, 'chat')).toBe('gpt-4.1-mini');
  });

  it('stores the choices in storage.local and reads them back', async () => {
    await rememberModel('polite', 'plamo-2.1-prime');
    await rememberModel('chat', 'claude-sonnet-4-5');
    expect(await loadLastModels()).toEqual({ polite: 'plamo-2.1-prime', chat: 'claude-sonnet-4-5' });
    expect(await fakeBrowser.storage.local.get('lastModels')).toEqual({
      lastModels: { polite: 'plamo-2.1-prime', chat: 'claude-sonnet-4-5' },
    });
  });
});

describe('how a model is named in the picker', () => {
  it('shows the label and the purpose, or the id when there is no label', () => {
    expect(modelTitle({ id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' })).toBe(
      'PLaMo（国産） — 日本語の公用文',
    );
    expect(modelTitle({ id: 'gpt-4.1-mini' })).toBe('gpt-4.1-mini');
    expect(modelTitle({ id: 'gpt-4.1-mini', purpose: '要約向き' })).toBe('gpt-4.1-mini — 要約向き');
    expect(modelTitle(undefined, 'unknown-model')).toBe('unknown-model');
  });
});
