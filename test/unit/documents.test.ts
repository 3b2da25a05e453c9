import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../utils/documents/decode-text';
import { extractDocument } from '../../utils/documents/extract';
import { formatTable } from '../../utils/documents/table';
import { DocumentError, type DocumentErrorKind } from '../../utils/documents/types';
import {
  CID_PDF_LINES,
  DOCX_HEADINGS,
  DOCX_PARAGRAPH,
  EMBEDDED_PDF_LINES,
  MULTI_PAGE_PDF,
} from '../fixtures/documents';

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/documents', name)));
}

async function failure(promise: Promise<unknown>): Promise<DocumentErrorKind> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof DocumentError)) throw new Error(`expected a DocumentError, got ${String(error)}`);
  return error.kind;
}

describe('PDF', () => {
  it('reads Japanese text in a non-embedded CID font through the UniJIS-UCS2-H CMap', async () => {
    const document = await extractDocument(fixture('notice-cid.pdf'), '子育て支援のお知らせ.pdf');
    expect(document.text).toBe(CID_PDF_LINES.join('\n'));
    expect(document).toMatchObject({ format: 'pdf', pages: 1 });
  });

  it('reads Japanese text in an embedded subset of Noto Sans CJK', async () => {
    const document = await extractDocument(fixture('embedded-font.pdf'), '縦覧.pdf');
    expect(document.text).toBe(EMBEDDED_PDF_LINES.join('\n'));
  });

  it('reads every page in order, marks where each starts, and reports progress page by page', async () => {
    const progress: string[] = [];
    const document = await extractDocument(fixture('minutes-3-pages.pdf'), '会議録.pdf', {
      onProgress: (done, total) => progress.push(`${done}/${total}`),
    });
    const expected = MULTI_PAGE_PDF.map((lines, index) => `[Page ${index + 1}]\n${lines.join('\n')}`);
    expect(document.text).toBe(expected.join('\n\n'));
    expect(document.pages).toBe(3);
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
  });

  it('says a password-protected PDF cannot be read without its password', async () => {
    expect(await failure(extractDocument(fixture('password.pdf'), '非公開.pdf'))).toBe('password');
  });

  it('says a scanned PDF has no text instead of returning an empty text', async () => {
    expect(await failure(extractDocument(fixture('scanned.pdf'), 'スキャン.pdf'))).toBe('no-text');
  });

  it('calls a cut-off PDF damaged', async () => {
    const bytes = fixture('notice-cid.pdf').slice(0, 200);
    expect(await failure(extractDocument(bytes, '途中まで.pdf'))).toBe('corrupt');
  });
});

describe('Word', () => {
  it('keeps headings as "#" lines and the table as rows of cells', async () => {
    const document = await extractDocument(fixture('outline.docx'), '窓口案内.docx');
    expect(document.text).toBe(
      [
        `# ${DOCX_HEADINGS[0]}`,
        '',
        DOCX_PARAGRAPH,
        '',
        `## ${DOCX_HEADINGS[1]}`,
        '',
        '曜日 | 時間',
        '平日 | 8時30分～17時15分',
        '第2土曜日 | 9時～12時',
      ].join('\n'),
    );
    expect(document.format).toBe('docx');
  });
});

describe('Excel and CSV', () => {
  it('sends every sheet of a workbook as a compact table with its row count', async () => {
    const document = await extractDocument(fixture('survey.xlsx'), 'アンケート.xlsx');
    expect(document.text).toBe(
      [
        '[Table "回答": 2 rows × 4 columns, first row is the header]',
        '番号 | 年代 | 満足度 | 自由記述',
        '1 | 30代 | 4 | 窓口の案内がわかりやすかった',
        '2 | 60代 | 2 | 駐車場が狭い',
        '',
        '[Table "集計": 2 rows × 2 columns, first row is the header]',
        '満足度 | 件数',
        '満足 | 12',
        '不満 | 3',
      ].join('\n'),
    );
    expect(document.tables?.map((table) => table.name)).toEqual(['回答', '集計']);
  });

  it('decodes a Shift_JIS CSV saved by Excel, quoted commas included', async () => {
    const document = await extractDocument(fixture('survey-sjis.csv'), '意見.csv');
    expect(document.text).toBe(
      [
        '[Table "意見.csv": 2 rows × 3 columns, first row is the header]',
        '受付番号 | 地区 | 意見',
        'A-001 | 泉地区 | ごみ集積所を増やしてほしい',
        'A-002 | 片岡地区 | バスの本数が少ない、特に土日',
      ].join('\n'),
    );
  });

  it('reads a UTF-8 TSV with a BOM', async () => {
    const bytes = new TextEncoder().encode('\ufeff地区\t人口\n泉\t3120\n');
    const document = await extractDocument(bytes, '人口.tsv');
    expect(document.text).toBe(
      '[Table "人口.tsv": 1 rows × 2 columns, first row is the header]\n地区 | 人口\n泉 | 3120',
    );
  });

  it('says how many rows of a large sheet were sent', () => {
    const rows = [
      ['番号', '意見'],
      ...Array.from({ length: 1000 }, (_, index) => [index + 1, '道路の補修をお願いします']),
    ];
    const { text, summary } = formatTable('回答', rows, 2_000);
    expect(summary.rows).toBe(1000);
    expect(summary.sentRows).toBeLessThan(1000);
    expect(summary.sentRows).toBeGreaterThan(50);
    expect(text.split('\n')).toHaveLength(summary.sentRows + 2);
    expect(text.split('\n')[0]).toBe(
      `[Table "回答": 1000 rows × 2 columns, first row is the header; only the first ${summary.sentRows} rows are included]`,
    );
  });
});

describe('text files', () => {
  it('tells Shift_JIS from UTF-8', () => {
    const text = '矢板市役所 市民課';
    expect(decodeText(new Uint8Array(iconv.encode(text, 'Shift_JIS')))).toBe(text);
    expect(decodeText(new TextEncoder().encode(text))).toBe(text);
  });

  it('reads Markdown as it is', async () => {
    const document = await extractDocument(
      new TextEncoder().encode('# 議事メモ\r\n\r\n- 次回は7月\r\n'),
      'メモ.md',
    );
    expect(document.text).toBe('# 議事メモ\n\n- 次回は7月');
  });
});

describe('files that must be refused', () => {
  it('refuses a file that is not what its name says', async () => {
    expect(await failure(extractDocument(fixture('outline.docx'), '議事録.pdf'))).toBe('mismatch');
    expect(await failure(extractDocument(fixture('survey.xlsx'), '名簿.csv'))).toBe('mismatch');
    expect(await failure(extractDocument(fixture('notice-cid.pdf'), '予算.xlsx'))).toBe('mismatch');
    expect(await failure(extractDocument(fixture('survey.xlsx'), '窓口案内.docx'))).toBe('mismatch');
  });

  it('refuses formats it does not read, and formats the organisation does not allow', async () => {
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(await failure(extractDocument(oldWord, '古い様式.doc'))).toBe('unsupported');
    const onlyPdf = { formats: ['pdf'] as const };
    expect(await failure(extractDocument(fixture('survey.xlsx'), 'アンケート.xlsx', onlyPdf))).toBe(
      'unsupported',
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const bytes = fixture('notice-cid.pdf');
    expect(await failure(extractDocument(bytes, 'お知らせ.pdf', { maxBytes: bytes.length - 1 }))).toBe(
      'too-big',
    );
    await expect(extractDocument(bytes, 'お知らせ.pdf', { maxBytes: bytes.length })).resolves.toBeTruthy();
  });

  it('refuses an empty text file', async () => {
    expect(await failure(extractDocument(new TextEncoder().encode(' \n'), '空.txt'))).toBe('no-text');
  });
});
