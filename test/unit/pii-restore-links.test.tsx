// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Markdown, preloadMarkdown } from '../../components/Markdown';
import { type PiiReplacement, redact, restoreOutsideUrls } from '../../utils/pii/redact';
import { type PiiConfig, screenText } from '../../utils/pii/screen';

beforeAll(() => preloadMarkdown());
afterEach(cleanup);

const redactMode: PiiConfig = { mode: 'redact', bannedTerms: [], custom: [] };
const question = '申請者の個人番号は123456789018、電話は090-1234-5678です。';

function mappingOf(text: string): PiiReplacement[] {
  return redact(text, screenText(text, redactMode).actionable).mapping;
}

describe('placeholders restored in what the user reads, never in where a link goes', () => {
  const mapping = mappingOf(question);
  const hostile = [
    '番号は[マイナンバー1]です。',
    '',
    '[詳細](https://x.example/?id=[マイナンバー1])',
    '',
    '![図](https://img.example/[電話番号2].png)',
    '',
    '<https://x.example/t/[電話番号2]>',
    '',
    '参考: https://x.example/q?n=[マイナンバー1]',
  ].join('\n');

  it('shows the real number in the text but keeps it out of every href', () => {
    const { container } = render(<Markdown text={hostile} mapping={mapping} />);
    expect(container.textContent).toContain('番号は123456789018です。');
    const links = [...container.querySelectorAll('a')];
    expect(links.length).toBeGreaterThanOrEqual(3);
    for (const link of links) {
      const href = decodeURIComponent(link.getAttribute('href') ?? '');
      expect(href).not.toContain('123456789018');
      expect(href).not.toMatch(/090-?1234-?5678/);
    }
  });

  it('copies the answer with the values back, except inside link targets and URLs', () => {
    const copied = restoreOutsideUrls(hostile, mapping);
    expect(copied).toContain('番号は123456789018です。');
    expect(copied).toContain('](https://x.example/?id=[マイナンバー1])');
    expect(copied).toContain('https://x.example/q?n=[マイナンバー1]');
    expect(copied).not.toContain('090-1234-5678');
  });

  it('restores a placeholder in a code block shown as text, but not in a URL inside it', () => {
    const code = [
      '```',
      '申請者番号: [マイナンバー1]',
      'curl https://x.example/?n=[マイナンバー1]',
      '```',
    ].join('\n');
    const { container } = render(<Markdown text={code} mapping={mapping} />);
    const shown = container.querySelector('code')?.textContent ?? '';
    expect(shown).toContain('申請者番号: 123456789018');
    expect(shown).toContain('https://x.example/?n=[マイナンバー1]');
  });
});
