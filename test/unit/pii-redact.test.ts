import { describe, expect, it } from 'vitest';
import { createStreamRestorer, redact, restore } from '../../utils/pii/redact';
import { type PiiConfig, screenText } from '../../utils/pii/screen';

const redactMode: PiiConfig = { mode: 'redact', bannedTerms: [], custom: [] };

const application = [
  '申請書の写し（児童手当）',
  '申請者：矢板 太郎　個人番号：1234 5678 9018',
  '電話：090-1234-5678　メール：taro@example.jp',
  '配偶者の個人番号欄にも 123456789018 と記入あり。緊急連絡先も09012345678。',
  '勤務先 法人番号 7000012050002',
].join('\n');

function redacted(text: string) {
  return redact(text, screenText(text, redactMode).actionable);
}

describe('redacting before sending', () => {
  it('sends none of the personal digits, only labelled placeholders', () => {
    const { text } = redacted(application);
    expect(text).not.toMatch(/1234 5678 9018|123456789018|090-?1234-?5678|taro@example\.jp/);
    expect(text).toContain('申請者：[氏名1]　個人番号：[マイナンバー2]');
    expect(text).toContain('電話：[電話番号3]');
    expect(text).toContain('メール：[メールアドレス4]');
  });

  it('gives the same value the same placeholder every time, however it is written', () => {
    const { text, mapping } = redacted(application);
    expect(text.match(/\[マイナンバー2\]/g)).toHaveLength(2);
    expect(text.match(/\[電話番号3\]/g)).toHaveLength(2);
    expect(mapping.map((entry) => entry.placeholder)).toEqual([
      '[氏名1]',
      '[マイナンバー2]',
      '[電話番号3]',
      '[メールアドレス4]',
    ]);
  });

  it('leaves the public 法人番号 in the text', () => {
    const screening = screenText(application, redactMode);
    expect(redact(application, screening.findings).text).toContain('法人番号 7000012050002');
  });

  it('does not reuse a placeholder the user already typed', () => {
    const text = 'メモ：[電話番号1]は後で確認。電話 03-1234-5678';
    const { text: sent, mapping } = redacted(text);
    expect(mapping.map((entry) => entry.placeholder)).toEqual(['[電話番号2]']);
    expect(restore(sent, mapping)).toBe(text);
  });

  it('keeps a custom label with brackets from breaking the placeholder', () => {
    const config: PiiConfig = {
      mode: 'redact',
      bannedTerms: [],
      custom: [{ name: '[住民]番号', pattern: 'J\\d{8}' }],
    };
    const text = '住民番号 J12345678';
    const { text: sent, mapping } = redact(text, screenText(text, config).actionable);
    expect(sent).toBe('住民番号 [住民番号1]');
    expect(restore('照会対象は[住民番号1]です', mapping)).toBe('照会対象はJ12345678です');
  });
});

describe('restoring the answer the user sees', () => {
  const { text: sent, mapping } = redacted(application);

  it('round-trips: restoring the redacted text gives back the original', () => {
    expect(restore(sent, mapping)).toBe(
      application.replace('123456789018', '1234 5678 9018').replace('09012345678', '090-1234-5678'),
    );
  });

  it('puts the values back wherever the model repeats a placeholder, also in full-width brackets', () => {
    const answer = '[マイナンバー2]の方へ、［電話番号3］または【メールアドレス4】にご連絡します。';
    expect(restore(answer, mapping)).toBe(
      '1234 5678 9018の方へ、090-1234-5678またはtaro@example.jpにご連絡します。',
    );
  });

  it('leaves placeholders it does not know, and ordinary brackets, as they are', () => {
    const answer = '[マイナンバー9]は不明です。[注1] 参照。[電話番号2';
    expect(restore(answer, mapping)).toBe(answer);
  });

  it('never shows half a placeholder while the answer streams in, at any split point', () => {
    const answer = '確認しました。[マイナンバー2]の方の連絡先は[電話番号3]です。[注] 以上。';
    const expected = restore(answer, mapping);
    for (let split = 0; split <= answer.length; split += 1) {
      for (let second = split; second <= answer.length; second += 7) {
        const restorer = createStreamRestorer(mapping);
        const shown = [
          restorer.push(answer.slice(0, split)),
          restorer.push(answer.slice(split, second)),
          restorer.push(answer.slice(second)),
        ];
        for (const piece of shown) expect(piece).not.toMatch(/\[(マ|電)[^\]]*$/);
        expect(shown.join('') + restorer.flush()).toBe(expected);
      }
    }
  });

  it('shows a held-back fragment at the end if the stream stops inside it', () => {
    const restorer = createStreamRestorer(mapping);
    expect(restorer.push('回答：[マイナ')).toBe('回答：');
    expect(restorer.flush()).toBe('[マイナ');
  });

  it('streams text that only looks like a bracket without holding it back', () => {
    const restorer = createStreamRestorer(mapping);
    expect(restorer.push('配列 [0, 1')).toBe('配列 [0, 1');
  });
});

describe('redacting a follow-up message in the same conversation', () => {
  it('keeps the placeholder of a number seen before and numbers new ones after the earlier turns', () => {
    const config = { mode: 'redact' as const, bannedTerms: [], custom: [] };
    const first = screenText('電話番号は090-1234-5678です。', config);
    const turn1 = redact('電話番号は090-1234-5678です。', first.actionable);
    const secondText = '先ほどの09012345678と、080-2222-3333にも連絡してください。';
    const second = screenText(secondText, config);
    const turn2 = redact(secondText, second.actionable, turn1.mapping);
    const firstPlaceholder = turn1.mapping[0]?.placeholder ?? '';
    expect(turn2.text).toContain(firstPlaceholder);
    expect(turn2.mapping).toHaveLength(1);
    expect(turn2.mapping[0]?.placeholder).not.toBe(firstPlaceholder);
    expect(restore(turn2.text, [...turn1.mapping, ...turn2.mapping])).toContain('080-2222-3333');
  });
});
