// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DiffView } from '../../components/DiffView';
import type { DiffSegment } from '../../utils/actions/proofread';

afterEach(cleanup);

const segments: DiffSegment[] = [
  { kind: 'same', text: '本日は、お忙しい' },
  { kind: 'removed', text: '中' },
  { kind: 'added', text: 'ところ' },
  { kind: 'same', text: 'お集まりいただき\n' },
  { kind: 'added', text: '誠に' },
  { kind: 'same', text: 'ありがとうございます。' },
];
const labels = { added: '追加', removed: '削除' };

describe('DiffView', () => {
  it('strikes out removed words and marks added words, each titled with its label', () => {
    render(<DiffView segments={segments} labels={labels} />);
    const removed = screen.getAllByTitle('削除');
    const added = screen.getAllByTitle('追加');
    expect(removed.map((element) => [element.tagName, element.textContent, element.title])).toEqual([
      ['DEL', '中', '削除'],
    ]);
    expect(added.map((element) => [element.tagName, element.textContent, element.title])).toEqual([
      ['INS', 'ところ', '追加'],
      ['INS', '誠に', '追加'],
    ]);
  });

  it('shows unchanged text plainly, in order, with its line breaks', () => {
    const { container } = render(<DiffView segments={segments} labels={labels} />);
    const diff = container.querySelector('.diff');
    expect(diff?.textContent).toBe(segments.map((segment) => segment.text).join(''));
    expect([...(diff?.children ?? [])].map((element) => element.tagName)).toEqual([
      'SPAN',
      'DEL',
      'INS',
      'SPAN',
      'INS',
      'SPAN',
    ]);
  });
});
