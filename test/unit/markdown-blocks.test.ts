import { describe, expect, it } from 'vitest';
import { benchAnswer } from '../../bench/answer-corpus';
import { splitMarkdownBlocks } from '../../utils/markdown-blocks';

const answer = [
  '## 住民票の写しの取得方法',
  '',
  '住民票の写しは、市民課窓口またはコンビニ交付サービスで取得できます。',
  '',
  '1. 本人確認書類を用意する',
  '2. 申請書に記入する',
  '',
  '   記入例は窓口にあります。',
  '3. 手数料を支払う',
  '',
  '| 交付方法 | 手数料 |',
  '| --- | --- |',
  '| 窓口 | 300円 |',
  '| コンビニ | 200円 |',
  '',
  '> 土日は窓口が閉庁しています。',
  '',
  '```python',
  'fee = 300',
  '',
  '',
  'print(f"手数料: {fee}円")',
  '```',
  '',
  'ご不明な点は市民課（内線 2134）までお問い合わせください。',
  '',
].join('\n');

/** Feeds the text in the given chunk sizes, the way tokens arrive, reusing the previous split each time. */
function stream(text: string, chunk: number): { text: string; blocks: string[] }[] {
  const steps: { text: string; blocks: string[] }[] = [];
  let blocks: string[] = [];
  for (let end = 1; end <= text.length; end += chunk) {
    const sofar = text.slice(0, end);
    blocks = splitMarkdownBlocks(sofar, blocks);
    steps.push({ text: sofar, blocks });
  }
  return steps;
}

describe('splitMarkdownBlocks', () => {
  it('splits an answer into heading, paragraph, list, table, quote, code and closing paragraph', () => {
    const blocks = splitMarkdownBlocks(answer);
    expect(blocks.map((block) => block.trimEnd().split('\n')[0])).toEqual([
      '## 住民票の写しの取得方法',
      '住民票の写しは、市民課窓口またはコンビニ交付サービスで取得できます。',
      '1. 本人確認書類を用意する',
      '| 交付方法 | 手数料 |',
      '> 土日は窓口が閉庁しています。',
      '```python',
      'ご不明な点は市民課（内線 2134）までお問い合わせください。',
    ]);
  });

  it('keeps a fenced code block with blank lines inside as one block, for ``` and ~~~ fences', () => {
    for (const fence of ['```', '~~~']) {
      const text = `手順は次のとおりです。\n\n${fence}sh\ncd 申請書\n\n\nls\n${fence}\n\n以上です。\n`;
      expect(splitMarkdownBlocks(text)).toEqual([
        '手順は次のとおりです。\n\n',
        `${fence}sh\ncd 申請書\n\n\nls\n${fence}\n\n`,
        '以上です。\n',
      ]);
    }
  });

  it('keeps a loose list (blank lines between items) in one block', () => {
    const blocks = splitMarkdownBlocks(answer);
    expect(blocks[2]).toBe(
      '1. 本人確認書類を用意する\n2. 申請書に記入する\n\n   記入例は窓口にあります。\n3. 手数料を支払う\n\n',
    );
  });

  it('gives back exactly the original text when the blocks are joined, blank lines and CRLF included', () => {
    const texts = [
      answer,
      `\n\n${answer}\n\n\n`,
      answer.replaceAll('\n', '\r\n'),
      '    字下げしたコード\n\n本文',
    ];
    for (const text of texts) {
      expect(splitMarkdownBlocks(text).join('')).toBe(text);
    }
  });

  it('keeps indentation with the block it indents, so an indented code block stays code', () => {
    expect(splitMarkdownBlocks('設定例：\n\n    timeout = 30\n\n  字下げした段落')).toEqual([
      '設定例：\n\n',
      '    timeout = 30\n\n',
      '  字下げした段落',
    ]);
  });

  it('keeps an answer with reference links or footnotes in one block, so the references still resolve', () => {
    const withFootnote =
      '転入届は14日以内に提出します[^1]。\n\n窓口は1階です。\n\n[^1]: 住民基本台帳法第22条';
    const withReference =
      '詳しくは[市HP]をご覧ください。\n\n窓口は1階です。\n\n[市HP]: https://www.city.example.lg.jp/';
    expect(splitMarkdownBlocks(withFootnote)).toEqual([withFootnote]);
    expect(splitMarkdownBlocks(withReference)).toEqual([withReference]);
    // Also when the definition only arrives at the end of a streamed answer.
    const previous = splitMarkdownBlocks(withReference.slice(0, withReference.lastIndexOf('[') + 3));
    expect(previous.length).toBeGreaterThan(1);
    expect(splitMarkdownBlocks(withReference, previous)).toEqual([withReference]);
  });

  it('returns no blocks for an empty answer', () => {
    expect(splitMarkdownBlocks('')).toEqual([]);
  });

  it('keeps everything after an unclosed fence in the code block while it streams', () => {
    expect(splitMarkdownBlocks('例：\n\n```\n# 見出しではない\n\n- リストでもない')).toEqual([
      '例：\n\n',
      '```\n# 見出しではない\n\n- リストでもない',
    ]);
  });

  it('while streaming, a finished block keeps exactly the same text, so only the last block changes', () => {
    const steps = stream(answer, 1);
    for (const [index, step] of steps.entries()) {
      const before = steps[index - 1]?.blocks ?? [];
      expect(step.blocks.slice(0, before.length - 1)).toEqual(before.slice(0, -1));
    }
  });

  // Splits every prefix of every text in full to compare: slow by design (seconds; a busy machine needs more).
  it('splits a streamed answer exactly as if the whole text had been split at once', {
    timeout: 90_000,
  }, () => {
    const tricky = [
      answer,
      // `#` alone is an empty heading, `#申請` is paragraph text again.
      '窓口の案内です。\n#申請 #住民票\n\n次の段落',
      // A link definition whose title arrives on the following lines.
      '[市HP]: https://www.city.example.lg.jp/\n"市の\nホームページ"\n\n詳しくは[市HP]をご覧ください。',
      // A paragraph that turns into a heading or a table when the next line arrives.
      '受付時間\n---\n\n手数料一覧\n| 種類 | 金額 |\n| --- | --- |\n| 住民票 | 300円 |\n',
      '- 項目1\n\n\n  続き\n- 項目2\n\n本文\n\n    インデントコード\n\n本文',
      // After a blank line: another item of the list above, more of its indented text, a new quote.
      '1. 申請書\n\n2. 本人確認書類\n\n   顔写真付き\n\n> 注意\n\n> 別の注意\n\n* 項目\n\n+ 別のリスト\n\n本文',
      '本文\n\n    コード1\n\n    コード2\n\n| 表 | 列 |\n| - | - |\n| 1 | 2 |\n\n- \n\n-\n\n終わり',
      // Lines that start as plain words and grow: lazy continuations of a quote and a list, a table row.
      '> 引用\n続きの行です\n\n- 項目\n続きの行\n\n| a | b |\n| - | - |\nセル | セル2\n本文 <b>太字</b>\n- 新しい項目',
      // Lines whose kind is fixed once a word follows the marker, and ones that only look so.
      '本文\n- - -\n* ***\n- 項目の説明が続く\n2025年度の予算\n1. 番号付き\n# 見出し\n> 引用文\n| 表 | 列 |\n| -- | -- |\n| 値 | 値2 |\n12) 項目\n1',
      '段落の行\n| - | - |\n\n段落\n2. 二番目は段落を割り込まない\n\n#見出しではない\n>引用',
      // An answer that starts with a blank line, then a list continued after another blank line.
      '\n1. 番号\n\n1. 次の番号\n\n本文',
      // The benchmark's answer: headings, nested lists, tables, code and quotes.
      benchAnswer(1_500),
    ];
    for (const text of tricky) {
      for (const chunk of [1, 5]) {
        for (const step of stream(text, chunk)) {
          expect(step.blocks, JSON.stringify(step.text)).toEqual(splitMarkdownBlocks(step.text));
        }
      }
    }
  });

  it('ignores a previous split of a different answer', () => {
    const previous = splitMarkdownBlocks('# 別の回答\n\n本文\n\n本文2\n\n本文3');
    expect(splitMarkdownBlocks(answer, previous)).toEqual(splitMarkdownBlocks(answer));
  });
});
