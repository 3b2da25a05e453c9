// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import type { Options } from 'react-markdown';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Markdown, preloadMarkdown } from '../../components/Markdown';

// Records which block texts react-markdown renders, to prove completed blocks are skipped while streaming.
const renderedBlocks = vi.hoisted((): string[] => []);
vi.mock('react-markdown', async (importOriginal) => {
  const actual = await importOriginal<typeof import('react-markdown')>();
  return {
    ...actual,
    default: (options: Options) => {
      renderedBlocks.push(options.children ?? '');
      return actual.default(options);
    },
  };
});

// The panel loads the parser when idle; these tests look at it once it is there.
beforeAll(() => preloadMarkdown());

beforeEach(() => {
  renderedBlocks.length = 0;
});
afterEach(cleanup);

const answer = [
  '## 転入届の手続き',
  '',
  '転入した日から**14日以内**に、市民課で届け出てください。',
  '',
  '1. 転出証明書を用意する',
  '2. 本人確認書類を持参する',
  '',
  '| 書類 | 備考 |',
  '| --- | --- |',
  '| 転出証明書 | 前住所地で発行 |',
  '| マイナンバーカード | お持ちの方のみ |',
  '',
  '```python',
  'print("受付番号: 12")',
  '```',
  '',
  '詳しくは https://www.city.example.lg.jp/kurashi/tennyu.html をご覧ください。',
].join('\n');

const hostileAnswer = [
  '申請書を確認しました。',
  '',
  '<script>alert("盗みます")</script>',
  '',
  '<img src="x" onerror="alert(document.cookie)">',
  '',
  '<iframe src="https://evil.example/phish"></iframe>',
  '',
  '- [申請書はこちら](javascript:alert(document.cookie))',
  '- [ダウンロード](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '- [タブ入り](java&#x09;script:alert(1))',
  '- [VBS](vbscript:msgbox(1))',
  '- [拡張機能の設定](chrome-extension://abcdefghijklmnopabcdefghijklmnop/options.html)',
  '- [相対リンク](../options.html)',
  '- [ローカル](file:///C:/Users/soumu/secret.txt)',
  '- <javascript:alert(1)>',
  '',
  '![市のロゴ](https://tracker.example/pixel.png?user=soumu)',
  '',
  '[![バナー](https://tracker.example/banner.png)](https://www.city.example.lg.jp/)',
].join('\n');

describe('Markdown', () => {
  it('shows headings, numbered lists, tables and code blocks of an answer', () => {
    const { container } = render(<Markdown text={answer} />);
    expect(container.querySelector('.markdown h2')?.textContent).toBe('転入届の手続き');
    expect(container.querySelector('strong')?.textContent).toBe('14日以内');
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual([
      '転出証明書を用意する',
      '本人確認書類を持参する',
    ]);
    expect([...container.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['書類', '備考']);
    expect(container.querySelectorAll('tbody tr')).toHaveLength(2);
    const code = container.querySelector('pre > code.language-python');
    expect(code?.textContent).toBe('print("受付番号: 12")\n');
  });

  it('shows a single line break as a break (やさしい日本語 lines), still without raw HTML', () => {
    const easy =
      'ごみは 月曜日に 出して ください。\n・もえる ごみ\n・もえない ごみ<br><img src=x onerror=alert(1)>';
    const { container } = render(<Markdown text={easy} />);
    const paragraph = container.querySelector('.markdown p');
    expect(paragraph?.querySelectorAll('br')).toHaveLength(2);
    expect(paragraph?.innerHTML).toContain('ください。<br>');
    expect(container.querySelector('img')).toBeNull();
    expect(paragraph?.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('shows raw HTML from the model as text, never as script, img or iframe elements', () => {
    const { container } = render(<Markdown text={hostileAnswer} />);
    expect(container.querySelector('script, img, iframe, [onerror]')).toBeNull();
    expect(container.textContent).toContain('<script>alert("盗みます")</script>');
  });

  it('keeps the text of links to javascript:, data:, extension, relative and file URLs but makes them unclickable', () => {
    const { container } = render(<Markdown text={hostileAnswer} />);
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.every((href) => /^https?:\/\//.test(href))).toBe(true);
    for (const label of [
      '申請書はこちら',
      'ダウンロード',
      'タブ入り',
      'VBS',
      '拡張機能の設定',
      '相対リンク',
      'ローカル',
    ]) {
      expect(container.textContent).toContain(label);
    }
  });

  it('turns a remote image into a link to it instead of loading it', () => {
    const { container } = render(<Markdown text={hostileAnswer} />);
    expect(container.querySelector('img')).toBeNull();
    const logo = [...container.querySelectorAll('a')].find((a) => a.textContent === '市のロゴ');
    expect(logo?.getAttribute('href')).toBe('https://tracker.example/pixel.png?user=soumu');
  });

  it('shows a linked image as one link, not a link inside a link', () => {
    const { container } = render(<Markdown text={hostileAnswer} />);
    const banner = [...container.querySelectorAll('a')].find((a) => a.textContent === 'バナー');
    expect(banner?.getAttribute('href')).toBe('https://www.city.example.lg.jp/');
    expect(container.querySelector('a a')).toBeNull();
  });

  it('opens http, https and mailto links in a new tab without giving the page access to the panel', () => {
    const text = [
      '- [市ホームページ](https://www.city.example.lg.jp/)',
      '- [旧サイト](http://old.city.example.lg.jp/)',
      '- [総務課へメール](mailto:soumu@city.example.lg.jp)',
      '- 自動リンク: https://www.city.example.lg.jp/faq/',
    ].join('\n');
    const { container } = render(<Markdown text={text} />);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.city.example.lg.jp/',
      'http://old.city.example.lg.jp/',
      'mailto:soumu@city.example.lg.jp',
      'https://www.city.example.lg.jp/faq/',
    ]);
    for (const link of links) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('while an answer streams in, renders only the growing last block again, not the finished ones', () => {
    const { container, rerender } = render(<Markdown text={answer.slice(0, 40)} />);
    const heading = container.querySelector('h2');
    for (let end = 41; end <= answer.length; end++) {
      renderedBlocks.length = 0;
      rerender(<Markdown text={answer.slice(0, end)} />);
      // Exactly one block rendered: the last one, with the character just added.
      expect(renderedBlocks).toHaveLength(1);
      expect(answer.slice(0, end).endsWith(renderedBlocks[0] ?? '-')).toBe(true);
    }
    expect(container.querySelector('h2')).toBe(heading);
    expect(container.querySelectorAll('.markdown > *')).toHaveLength(6);
  });

  it('renders nothing again when the panel re-renders an earlier answer unchanged', () => {
    const { rerender } = render(<Markdown text={answer} />);
    renderedBlocks.length = 0;
    rerender(<Markdown text={answer} />);
    expect(renderedBlocks).toEqual([]);
  });
});
