import { useState } from 'react';
import type { Translator } from '../utils/i18n';
import { type SettingMatch, searchSettings } from '../utils/settings/search';
import { SECTION_IDS, type SectionId, settingLabel } from '../utils/settings/sections';

interface Props {
  current: SectionId;
  t: Translator;
  onJump(match: SettingMatch): void;
}

const RESULTS_SHOWN = 8;

/** The sections as links (`#pii`: back, forward and reload keep the place) and a search over settings. */
export function OptionsNav({ current, t, onJump }: Props) {
  const [query, setQuery] = useState('');
  const results = searchSettings(query).slice(0, RESULTS_SHOWN);
  return (
    <nav className="options-nav no-print" aria-label={t('options_sections')}>
      <search className="settings-search">
        <label>
          <span className="setting-label">{t('options_search')}</span>
          <input
            type="search"
            value={query}
            placeholder={t('options_searchPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              const [first] = results;
              if (event.key === 'Enter' && first) {
                event.preventDefault();
                onJump(first);
              }
            }}
          />
        </label>
        {query.trim() && (
          <ul className="search-results" aria-live="polite">
            {results.length === 0 && <li className="empty">{t('options_searchNone')}</li>}
            {results.map((match) => (
              <li key={match.path}>
                <button type="button" onClick={() => onJump(match)}>
                  {settingLabel(match.path, t)}
                  <small>{t(`section_${match.section}`)}</small>
                </button>
              </li>
            ))}
          </ul>
        )}
      </search>
      <ul className="section-links">
        {SECTION_IDS.map((id) => (
          <li key={id}>
            <a href={`#${id}`} aria-current={id === current ? 'location' : undefined}>
              {t(`section_${id}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
