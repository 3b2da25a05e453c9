import { browser } from 'wxt/browser';
import type { Translator } from '../utils/i18n';
import { CHROME_SHORTCUTS_URL, type ShortcutRow } from '../utils/shortcuts';

interface Props {
  title: string;
  rows: ShortcutRow[];
  changeLabel: string;
  /** Firefox has no page to open: the instructions are shown instead of a button. */
  changeHint?: string;
  onChange?(): void;
}

/** The keyboard shortcuts with the keys in force, and how to change them. */
export function ShortcutList({ title, rows, changeLabel, changeHint, onChange }: Props) {
  if (rows.length === 0) return null;
  return (
    <section className="shortcuts" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {rows.map((row) => (
          <div key={row.name}>
            <dt>{row.label}</dt>
            <dd>{row.assigned ? <kbd>{row.keys}</kbd> : row.keys}</dd>
          </div>
        ))}
      </dl>
      {onChange ? (
        <button type="button" onClick={onChange}>
          {changeLabel}
        </button>
      ) : (
        changeHint && <p className="hint">{changeHint}</p>
      )}
    </section>
  );
}

/**
 * The list as the panel's tour and the options page show it: Chrome and Edge open their shortcuts page, Firefox
 * has none to open, so its instructions are shown.
 */
export function BrowserShortcutList({ t, rows }: { t: Translator; rows: ShortcutRow[] }) {
  return (
    <ShortcutList
      title={t('shortcutsTitle')}
      rows={rows}
      changeLabel={t('shortcutsChange')}
      changeHint={import.meta.env.FIREFOX ? t('shortcutsFirefoxHint') : undefined}
      onChange={
        import.meta.env.FIREFOX ? undefined : () => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL })
      }
    />
  );
}
