import { describe, expect, it } from 'vitest';
import { documentPage } from '../../hooks/usePageQuestion';
import { describeDocument } from '../../utils/documents/describe';
import { looksLikePdfUrl, pdfFileName } from '../../utils/documents/pdf-url';
import { translatorFor } from '../../utils/i18n';
import { ARTICLE_MAX_CHARS } from '../../utils/page/page-question';

const t = translatorFor('ja');

describe('the card of an attached file', () => {
  it('shows a PDF with its pages and size', () => {
    const label = describeDocument(
      { fileName: '議会資料.pdf', format: 'pdf', byteLength: 1_288_490, pages: 12 },
      t,
      'ja',
    );
    expect(label).toBe('PDF · 12 ページ · 1.2 MB');
  });

  it('says how many rows of a large sheet were sent, and the full count of the others', () => {
    const label = describeDocument(
      {
        fileName: 'アンケート.xlsx',
        format: 'xlsx',
        byteLength: 46_000,
        tables: [
          { name: '回答', rows: 1200, columns: 8, sentRows: 480 },
          { name: '集計', rows: 3, columns: 2, sentRows: 3 },
        ],
      },
      t,
      'ja',
    );
    expect(label).toBe('Excel · 2 シート · 45 KB · 回答: 1,200 行のうち先頭 480 行を送信 · 集計: 3 行');
  });
});

describe('a file as a page to ask about', () => {
  it('sends the first part with a question, and keeps all of it for a summary', () => {
    const text = '第1条 この計画は…\n'.repeat(8_000);
    const page = documentPage({
      fileName: '総合計画.pdf',
      format: 'pdf',
      byteLength: 900_000,
      text,
      pages: 120,
    });
    expect(page.article.text).toHaveLength(ARTICLE_MAX_CHARS);
    expect(page.article.truncated).toBe(true);
    expect(page.document?.text).toBe(text);
    expect(page.article.title).toBe('総合計画.pdf');
  });
});

describe('a PDF known by its URL', () => {
  it('is recognised by its path, whatever the query', () => {
    expect(looksLikePdfUrl('https://www.city.yaita.tochigi.jp/uploaded/attachment/1234.PDF?v=2')).toBe(true);
    expect(looksLikePdfUrl('https://www.city.yaita.tochigi.jp/soshiki/kosodate.html')).toBe(false);
    expect(looksLikePdfUrl('not a url')).toBe(false);
  });

  it('is named by its last path segment, decoded', () => {
    expect(pdfFileName('https://example.lg.jp/files/%E4%BA%88%E7%AE%97%E6%9B%B8.pdf')).toBe('予算書.pdf');
    expect(pdfFileName('https://example.lg.jp/download?id=3')).toBe('download.pdf');
  });
});
