import { describe, expect, it } from 'vitest';
import { buildActionPrompt } from '../../utils/actions/prompt';
import { redact } from '../../utils/pii/redact';
import { redactForResend } from '../../utils/pii/resend';
import { type PiiConfig, screenText } from '../../utils/pii/screen';

const redactMode: PiiConfig = { mode: 'redact', bannedTerms: [], custom: [] };
const note = '窓口メモ：携帯は090-1234-5678です。念のため再掲：09012345678。個人番号 123456789018';

function firstSend(text: string, config = redactMode) {
  return redact(text, screenText(text, config).actionable);
}

describe('a second ask (retranslate, retry of a long summary) sends no more than the first', () => {
  it('finds the value again however it is written, with the first placeholder', () => {
    const first = firstSend(note);
    expect(first.text).not.toMatch(/090-?1234-?5678|123456789018/);
    const again = redactForResend(note, redactMode, first.mapping);
    expect(again.text).toBe(first.text);
    const prompt = buildActionPrompt('translate', again.text, { uiLanguage: 'ja', translateTarget: 'en' });
    expect(prompt.user).not.toMatch(/090-?1234-?5678|123456789018/);
    expect(again.mapping).toEqual(first.mapping);
  });

  it('in warn mode, after the user chose to redact, the resend is redacted too', () => {
    const first = firstSend(note);
    const again = redactForResend(note, { ...redactMode, mode: 'warn' }, first.mapping);
    expect(again.text).not.toMatch(/090-?1234-?5678|123456789018/);
  });

  it('a value new to the conversation gets the next number, and the notice names it', () => {
    const first = firstSend('電話 03-3528-4540');
    const again = redactForResend('電話 03-3528-4540、個人番号 123456789018', redactMode, first.mapping);
    expect(again.text).toBe('電話 [電話番号1]、個人番号 [マイナンバー2]');
    expect(again.used).toEqual(['[電話番号1]', '[マイナンバー2]']);
    expect(again.mapping.map((entry) => entry.placeholder)).toEqual(['[電話番号1]', '[マイナンバー2]']);
  });

  it('in warn mode, text the user chose to send as it is goes out as it is again', () => {
    const again = redactForResend(note, { ...redactMode, mode: 'warn' }, []);
    expect(again.text).toBe(note);
  });
});
