import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import managedSchema from '../../public/managed_schema.json';
import { ACTION_ORDER, ACTIONS } from '../../utils/actions/registry';
import { GATEWAY_PRESETS } from '../../utils/gateway/presets';
import { panelJobSchema } from '../../utils/messages';
import { builtInDetectors } from '../../utils/pii/registry';
import { DEFAULT_SETTINGS, settingsSchema } from '../../utils/settings/schema';

/**
 * "A feature is one place": an action, a detector or a gateway preset is one file and one registry entry.
 * These checks keep everything derived from the registries in step, and every entry labelled in both
 * languages, so the "how to add" steps in docs/architecture.md stay true.
 */
const read = (path: string) => readFileSync(resolve(import.meta.dirname, '../..', path), 'utf8');
const JAPANESE = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

describe('the action registry drives the menu, the policy and the messages', () => {
  it.each(ACTION_ORDER)('%s has a title in both languages, Japanese first', (id) => {
    const key = ACTIONS[id].title;
    expect(ja[key as keyof typeof ja]?.message).toMatch(JAPANESE);
    expect(en[key as keyof typeof en]?.message ?? '').not.toBe('');
  });

  it('the policy has one `actions` entry per registered action, in the schema, the defaults and managed_schema.json', () => {
    expect(Object.keys(DEFAULT_SETTINGS.actions)).toEqual(ACTION_ORDER);
    expect(Object.keys(settingsSchema.shape.actions.shape)).toEqual(ACTION_ORDER);
    const managed = managedSchema.properties.actions.properties as Record<string, unknown>;
    expect(Object.keys(managed)).toEqual(ACTION_ORDER);
  });

  it.each(ACTION_ORDER)('the admin reference documents actions.%s', (id) => {
    expect(read('docs/admin.md')).toContain(`\`actions.${id}.enabled\``);
  });

  it('a right-click job for every registered action is accepted, and an unknown one refused', () => {
    const job = {
      id: 'job-1',
      text: '令和8年度の住民税の納付期限',
      pageUrl: 'https://www.city.yaita.tochigi.jp/',
      pageTitle: '矢板市',
      tabId: 1,
      frameId: 0,
      windowId: 1,
      editable: false,
    };
    for (const action of ACTION_ORDER)
      expect(panelJobSchema.safeParse({ ...job, action }).success).toBe(true);
    expect(panelJobSchema.safeParse({ ...job, action: 'shorten' }).success).toBe(false);
  });
});

describe('the detector registry', () => {
  it.each(builtInDetectors.map((detector) => [detector.id, detector] as const))(
    '%s is labelled in both languages',
    (_, detector) => {
      expect(detector.label.ja).toMatch(JAPANESE);
      expect(detector.label.en.trim()).not.toBe('');
    },
  );

  it('has no two detectors with the same id', () => {
    const ids = builtInDetectors.map((detector) => detector.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('the gateway preset registry', () => {
  it.each(GATEWAY_PRESETS.map((preset) => [preset.id, preset] as const))(
    '%s has its note and placeholders in both languages, and is named in docs/gateways.md in both',
    (_, preset) => {
      expect(preset.note.ja).toMatch(JAPANESE);
      expect(preset.note.en.trim()).not.toBe('');
      for (const placeholder of Object.values(preset.placeholders)) {
        expect(placeholder.ja).toMatch(JAPANESE);
        expect(placeholder.en.trim()).not.toBe('');
      }
      const mentions = read('docs/gateways.md').split(preset.gateway.baseUrl).length - 1;
      expect(mentions).toBeGreaterThanOrEqual(2);
    },
  );
});
