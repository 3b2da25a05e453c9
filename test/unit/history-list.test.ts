// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_ROW_HEIGHT, HistoryList, type HistoryRow } from '../../components/HistoryList';
import { conversation, JUNE_2_MORNING } from './history-fixtures';

afterEach(cleanup);

function rows(count: number): HistoryRow[] {
  return Array.from({ length: count }, (_, index) => {
    const title = `${index}件目: 令和7年第3回定例会の議会答弁案`;
    return {
      conversation: conversation({ id: `c-${index}`, title, updatedAt: JUNE_2_MORNING - index }),
      title: { text: title, ranges: [[title.indexOf('議会答弁'), title.indexOf('議会答弁') + 4]] },
    };
  });
}

function list(count: number, overrides: Partial<Parameters<typeof HistoryList>[0]> = {}) {
  return createElement(HistoryList, {
    rows: rows(count),
    hasMore: false,
    emptyText: 'まだ履歴はありません。',
    selected: new Set<string>(),
    labels: { delete: '削除', select: (title: string) => `選択: ${title}` },
    statusLabel: () => undefined,
    kindLabel: () => '要約する',
    formatDate: () => '2025/06/02 9:30',
    modelLabel: (id: string) => id,
    onNeedMore: () => undefined,
    onOpen: () => undefined,
    onDelete: () => undefined,
    onToggle: () => undefined,
    ...overrides,
  });
}

describe('the history list', () => {
  it('puts only the rows on screen into the page, even with 50,000 conversations', () => {
    const { container } = render(list(50_000));
    const shown = container.querySelectorAll('.history-row');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(container.querySelector('.history-rows')?.getAttribute('style')).toContain(
      `height: ${50_000 * HISTORY_ROW_HEIGHT}px`,
    );
  });

  it('shows the rows further down after scrolling, and asks for more near the end', () => {
    const onNeedMore = vi.fn();
    const { container } = render(list(300, { hasMore: true, onNeedMore }));
    expect(onNeedMore).not.toHaveBeenCalled();
    const scroller = container.querySelector('.history-scroll');
    if (!scroller) throw new Error('no scroll container');
    scroller.scrollTop = 290 * HISTORY_ROW_HEIGHT;
    fireEvent.scroll(scroller);
    expect(screen.getByText(/^299件目:/)).toBeTruthy();
    expect(screen.queryByText(/^0件目:/)).toBeNull();
    expect(onNeedMore).toHaveBeenCalled();
  });

  it('marks the query terms with <mark>', () => {
    const { container } = render(list(1));
    expect([...container.querySelectorAll('mark')].map((mark) => mark.textContent)).toEqual(['議会答弁']);
  });

  it('says the history is empty', () => {
    render(list(0));
    expect(screen.getByText('まだ履歴はありません。')).toBeTruthy();
  });
});
