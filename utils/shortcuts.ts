import type { Translator } from './i18n';

/** One keyboard shortcut as `commands.getAll()` reports it. */
export interface CommandInfo {
  name?: string;
  shortcut?: string;
  description?: string;
}

export interface ShortcutRow {
  name: string;
  label: string;
  /** The binding in force, or the words for "not set". */
  keys: string;
  assigned: boolean;
}

const OPEN_PANEL = new Set(['_execute_action', '_execute_sidebar_action']);

/** Our shortcuts in a fixed order with their current binding, for the tour and the options page. */
export function describeShortcuts(commands: readonly CommandInfo[], t: Translator): ShortcutRow[] {
  const rows: ShortcutRow[] = [];
  const find = (match: (name: string) => boolean) => commands.find((command) => match(command.name ?? ''));
  const open = find((name) => OPEN_PANEL.has(name));
  const run = find((name) => name === 'run-last-action');
  for (const [command, label] of [
    [open, t('commandOpenPanel')],
    [run, t('commandRunLastAction')],
  ] as const) {
    if (!command?.name) continue;
    const keys = command.shortcut?.trim() ?? '';
    rows.push({ name: command.name, label, keys: keys || t('shortcutNotSet'), assigned: keys !== '' });
  }
  return rows;
}

/** Where shortcuts are changed: Chromium has a page for it; Firefox has a menu in about:addons. */
export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';
