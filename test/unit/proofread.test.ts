import { describe, expect, it } from 'vitest';
import { type DiffSegment, diffForDisplay, parseProofread } from '../../utils/actions/proofread';

const corrected = [
  '　本日は、お忙しいところお集まりいただき、誠にありがとうございます。',
  '会議資料は、受付でお受け取りください。',
].join('\n');

const answer = [
  '<corrected>',
  corrected,
  '</corrected>',
  '<changes>',
  '- 「お忙しい中」を「お忙しいところ」に修正（改まった挨拶の定型表現）',
  '- 「誠に」を追加し、読点を補いました',
  '</changes>',
].join('\n');

describe('parseProofread', () => {
  it('reads the corrected text and the list of changes of a complete answer', () => {
    expect(parseProofread(answer)).toEqual({
      corrected,
      changes: [
        '「お忙しい中」を「お忙しいところ」に修正（改まった挨拶の定型表現）',
        '「誠に」を追加し、読点を補いました',
      ],
      complete: true,
    });
  });

  it('keeps the paragraph-initial full-width space and inner line breaks of the corrected text', () => {
    const { corrected: text } = parseProofread(answer);
    expect(text.startsWith('　本日は')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });

  it('shows the corrected text as it streams in, never a half-received tag, and is complete only at the end', () => {
    let shown = '';
    for (let end = 0; end <= answer.length; end++) {
      const parsed = parseProofread(answer.slice(0, end));
      expect(corrected.startsWith(parsed.corrected), JSON.stringify(parsed.corrected)).toBe(true);
      expect(parsed.corrected.length).toBeGreaterThanOrEqual(shown.length);
      shown = parsed.corrected;
      expect(parsed.changes.join('')).not.toMatch(/[<>]/);
      expect(parsed.complete).toBe(end === answer.length);
    }
  });

  it('shows what has arrived of an unfinished corrected text', () => {
    expect(parseProofread('<corrected>\n本日は、お忙しいところお集ま')).toEqual({
      corrected: '本日は、お忙しいところお集ま',
      changes: [],
      complete: false,
    });
    expect(parseProofread('<corrected>\n本日は、お忙しいところ\n</corr').corrected).toBe(
      '本日は、お忙しいところ',
    );
    expect(parseProofread('<corr').corrected).toBe('');
  });

  it('shows the changes received so far before the list is closed', () => {
    const partial = parseProofread(
      `<corrected>\n${corrected}\n</corrected>\n<changes>\n- 「お忙しい中」を修正\n- 読点`,
    );
    expect(partial).toEqual({ corrected, changes: ['「お忙しい中」を修正', '読点'], complete: false });
  });

  it('reads an answer the model wrapped in a code fence', () => {
    expect(parseProofread(`\`\`\`xml\n${answer}\n\`\`\`\n`)).toEqual(parseProofread(answer));
    expect(parseProofread('```\n会議資料は受付でお受け取りください。\n```')).toEqual({
      corrected: '会議資料は受付でお受け取りください。',
      changes: [],
      complete: false,
    });
  });

  it('tolerates blank lines and spaces around the tags', () => {
    const loose = `\n\n  <corrected>\n\n${corrected}\n\n</corrected>  \n\n\n<changes>\n\n- 読点を補いました\n\n</changes>\n`;
    expect(parseProofread(loose)).toEqual({ corrected, changes: ['読点を補いました'], complete: true });
  });

  it('shows the whole answer as the corrected text when the model ignores the format', () => {
    const plain = '\n本日は、お忙しいところお集まりいただき、誠にありがとうございます。\n';
    expect(parseProofread(plain)).toEqual({
      corrected: '本日は、お忙しいところお集まりいただき、誠にありがとうございます。',
      changes: [],
      complete: false,
    });
  });

  it('still separates text and changes when the model forgets the closing </corrected>', () => {
    const parsed = parseProofread(`<corrected>\n${corrected}\n<changes>\n- 読点を補いました\n</changes>`);
    expect(parsed.corrected).toBe(corrected);
    expect(parsed.changes).toEqual(['読点を補いました']);
  });

  it('reads change lists written with ・, numbers or *, joining an indented continuation line', () => {
    const changes = [
      '・「出来ます」を「できます」に統一',
      '1. 「下さい」を「ください」に修正',
      '* 「お問合せ」を「お問い合わせ」に修正',
      '  （公用文の表記に合わせました）',
      '変更理由の記載なし',
    ].join('\n');
    expect(
      parseProofread(`<corrected>\n${corrected}\n</corrected>\n<changes>\n${changes}\n</changes>`).changes,
    ).toEqual([
      '「出来ます」を「できます」に統一',
      '「下さい」を「ください」に修正',
      '「お問合せ」を「お問い合わせ」に修正 （公用文の表記に合わせました）',
      '変更理由の記載なし',
    ]);
  });
});

const textOf = (segments: DiffSegment[], kinds: DiffSegment['kind'][]) =>
  segments
    .filter((segment) => kinds.includes(segment.kind))
    .map((segment) => segment.text)
    .join('');

const pairs: [string, string][] = [
  [
    '本日は、お忙しい中お集まりいただきありがとうございます。',
    '本日は、お忙しいところお集まりいただき、誠にありがとうございます。',
  ],
  [
    '住民票の写しを交付しますた。\n手数料は300円です。\n\n受付は平日のみです',
    '住民票の写しを交付しました。\n手数料は300円です。\n\n受付は平日のみです。',
  ],
  ['申請書は\n窓口へ提出して下さい。', '申請書は窓口へ提出してください。'],
  ['Please submit the the form by friday.', 'Please submit the form by Friday.'],
  ['', '会議資料は受付でお受け取りください。'],
  ['会議資料は受付でお受け取りください。', '会議資料は受付でお受け取りください。'],
];

describe('diffForDisplay', () => {
  it('marks only the corrected words of a Japanese sentence as removed and added', () => {
    expect(diffForDisplay(...(pairs[0] ?? ['', '']))).toEqual([
      { kind: 'same', text: '本日は、お忙しい' },
      { kind: 'removed', text: '中' },
      { kind: 'added', text: 'ところ' },
      { kind: 'same', text: 'お集まりいただき' },
      { kind: 'added', text: '、誠に' },
      { kind: 'same', text: 'ありがとうございます。' },
    ]);
  });

  it('replaces a misspelt word as a whole word, not as scattered characters', () => {
    const segments = diffForDisplay(...(pairs[1] ?? ['', '']));
    expect(segments.filter((segment) => segment.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'しますた' },
      { kind: 'added', text: 'しました' },
      { kind: 'added', text: '。' },
    ]);
  });

  it('diffs English word by word', () => {
    expect(diffForDisplay(...(pairs[3] ?? ['', '']))).toEqual([
      { kind: 'same', text: 'Please submit the ' },
      { kind: 'removed', text: 'the ' },
      { kind: 'same', text: 'form by ' },
      { kind: 'removed', text: 'friday' },
      { kind: 'added', text: 'Friday' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('shows a removed line break as a change', () => {
    expect(diffForDisplay(...(pairs[2] ?? ['', ''])).filter((segment) => segment.kind === 'removed')).toEqual(
      [
        { kind: 'removed', text: '\n' },
        { kind: 'removed', text: '下' },
      ],
    );
  });

  it('gives back the original from same+removed and the corrected text from same+added', () => {
    for (const [original, fixed] of pairs) {
      const segments = diffForDisplay(original, fixed);
      expect(textOf(segments, ['same', 'removed'])).toBe(original);
      expect(textOf(segments, ['same', 'added'])).toBe(fixed);
    }
  });

  it('never shows two segments of the same kind in a row, nor empty ones', () => {
    for (const [original, fixed] of pairs) {
      const segments = diffForDisplay(original, fixed);
      for (const [index, segment] of segments.entries()) {
        expect(segment.text).not.toBe('');
        expect(segment.kind).not.toBe(segments[index + 1]?.kind);
      }
    }
  });

  it('shows the whole text as replaced when almost every word changed, instead of freezing', () => {
    const original = Array.from({ length: 800 }, (_, i) => `word${i}`).join(' ');
    const rewritten = Array.from({ length: 800 }, (_, i) => `term${i}`).join(' ');
    expect(diffForDisplay(original, rewritten)).toEqual([
      { kind: 'removed', text: original },
      { kind: 'added', text: rewritten },
    ]);
  });
});
