import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../utils/i18n';
import { describeShortcuts } from '../../utils/shortcuts';

const t = translatorFor('ja');

describe('showing the keyboard shortcuts', () => {
  it('shows the binding in force for opening the panel and for the last-used action', () => {
    const rows = describeShortcuts(
      [
        { name: 'run-last-action', shortcut: 'Alt+Shift+Y', description: 'Run' },
        { name: '_execute_action', shortcut: 'Alt+Shift+T', description: '' },
      ],
      t,
    );
    expect(rows.map((row) => [row.label, row.keys])).toEqual([
      ['サイドパネルを開く', 'Alt+Shift+T'],
      ['選んだ文章に前回の操作（要約など）を実行', 'Alt+Shift+Y'],
    ]);
  });

  it('says "not set" when the user or another extension took the keys away', () => {
    const rows = describeShortcuts([{ name: '_execute_sidebar_action', shortcut: '' }], t);
    expect(rows).toEqual([
      { name: '_execute_sidebar_action', label: 'サイドパネルを開く', keys: '未設定', assigned: false },
    ]);
  });

  it('ignores commands that are not ours', () => {
    expect(describeShortcuts([{ name: 'something-else', shortcut: 'Ctrl+Q' }], t)).toEqual([]);
  });
});
