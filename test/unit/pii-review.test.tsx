// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PiiReview } from '../../components/PiiReview';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { screenText } from '../../utils/pii/screen';

afterEach(cleanup);

const text =
  '窓口の記録\n矢板 太郎様（電話 090-1234-5678）\n個人番号 1234 5678 9018\n勤務先 法人番号 7000012050002';
const { findings } = screenText(text, { mode: 'warn', bannedTerms: [], custom: [] });

function labelsFrom(catalogue: typeof ja) {
  return {
    title: catalogue.pii_reviewTitle.message,
    intro: catalogue.pii_reviewIntro.message,
    found: catalogue.pii_foundList.message,
    publicInfo: catalogue.pii_publicInfo.message,
    scope: catalogue.pii_scope.message,
    blocked: catalogue.pii_blocked.message,
    sendAnyway: catalogue.pii_sendAnyway.message,
    redactAndSend: catalogue.pii_redactAndSend.message,
    cancel: catalogue.pii_cancel.message,
  };
}

function renderReview(overrides: Partial<Parameters<typeof PiiReview>[0]> = {}) {
  const callbacks = { onSendAnyway: vi.fn(), onRedactAndSend: vi.fn(), onCancel: vi.fn() };
  const view = render(
    <PiiReview
      text={text}
      findings={findings}
      language="ja"
      blocked={false}
      labels={labelsFrom(ja)}
      {...callbacks}
      {...overrides}
    />,
  );
  return { ...view, ...callbacks };
}

describe('PiiReview', () => {
  it('highlights each finding in the text, titled with what it is', () => {
    const { container } = renderReview();
    const marks = [...container.querySelectorAll('mark')];
    expect(marks.map((mark) => [mark.textContent, mark.title])).toEqual([
      ['矢板 太郎', '氏名'],
      ['090-1234-5678', '電話番号'],
      ['1234 5678 9018', 'マイナンバー'],
      ['7000012050002', '法人番号'],
    ]);
    expect(container.querySelector('.pii-review-text')?.textContent).toBe(text);
  });

  it('lists what was found, marking public information as such', () => {
    renderReview();
    const items = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(items).toEqual([
      '氏名 矢板 太郎',
      '電話番号 090-1234-5678',
      'マイナンバー 1234 5678 9018',
      `法人番号 7000012050002 ${ja.pii_publicInfo.message}`,
    ]);
  });

  it('offers Send anyway, Redact and send, and Cancel, each calling its own handler', () => {
    const { onSendAnyway, onRedactAndSend, onCancel } = renderReview();
    fireEvent.click(screen.getByRole('button', { name: ja.pii_redactAndSend.message }));
    expect(onRedactAndSend).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: ja.pii_sendAnyway.message }));
    expect(onSendAnyway).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: ja.pii_cancel.message }));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('in block mode offers only Cancel and says what to do', () => {
    const { onCancel } = renderReview({ blocked: true });
    expect(screen.getAllByRole('button').map((button) => button.textContent)).toEqual([
      ja.pii_cancel.message,
    ]);
    expect(screen.getByRole('alert').textContent).toBe(ja.pii_blocked.message);
    fireEvent.click(screen.getByRole('button'));
    expect(onCancel).toHaveBeenCalledOnce();
  });

  it('shows everything in English for an English interface', () => {
    const { container } = renderReview({ language: 'en', labels: labelsFrom(en) });
    expect([...container.querySelectorAll('mark')].map((mark) => mark.title)).toEqual([
      'Name',
      'Phone number',
      'Individual Number (My Number)',
      'Corporate Number',
    ]);
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('Check before sending');
    expect(screen.getByRole('button', { name: 'Redact and send' })).toBeTruthy();
  });

  it('shows hostile text as text, not markup', () => {
    const hostile = '<img src=x onerror=alert(1)> 電話 03-1234-5678';
    const hostileFindings = screenText(hostile, { mode: 'warn', bannedTerms: [], custom: [] }).findings;
    const { container } = renderReview({ text: hostile, findings: hostileFindings });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.pii-review-text')?.textContent).toBe(hostile);
  });
});

describe('what the review says it looks for', () => {
  it('names the kinds it looks for and those it does not, and keeps the choices after the text', () => {
    const { container } = renderReview();
    const scope = container.querySelector('.pii-review-scope')?.textContent ?? '';
    expect(scope).toContain('氏名');
    expect(scope).toContain('住所');
    expect(scope).toContain('調べない項目');
    const section = container.querySelector('section.pii-review');
    expect(section?.lastElementChild?.className).toBe('pii-review-actions');
  });
});
