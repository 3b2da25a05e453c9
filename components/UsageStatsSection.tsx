import type { ActionId } from '../utils/actions/types';
import type { Translator, UiLanguage } from '../utils/i18n';
import { modelTotals, recentWeeks, totalUses, type UsageStats } from '../utils/usage/stats';

interface Props {
  stats: UsageStats;
  now: Date;
  minutesPerUse: number;
  language: UiLanguage;
  t: Translator;
  /** The title of an action (built-in) or a template (by id), for the chart's labels. */
  templateTitle(templateId: string): string;
  actionTitle(action: ActionId): string;
  onMinutesPerUse(minutes: number): void;
  onReset(): void;
}

const WEEKS_SHOWN = 9;

/** "利用状況 / Usage": local figures only, this week and the eight before it. */
export function UsageStatsSection({ stats, now, minutesPerUse, language, t, ...props }: Props) {
  const number = new Intl.NumberFormat(language);
  const weeks = recentWeeks(now, WEEKS_SHOWN);
  const [thisWeek = ''] = weeks;
  const nameOf = (key: string) => {
    if (key === 'chat') return t('usage_chat');
    if (key.startsWith('template:')) return t('usage_template', props.templateTitle(key.slice(9)));
    return props.actionTitle(key as ActionId);
  };
  const useKeys = [...new Set(weeks.flatMap((week) => Object.keys(stats.weeks[week]?.uses ?? {})))].sort();
  const maxUses = Math.max(1, ...weeks.flatMap((week) => Object.values(stats.weeks[week]?.uses ?? {})));

  const tokenTable = (caption: string, range: string[]) => {
    const rows = Object.entries(modelTotals(stats, range)).sort(([a], [b]) => a.localeCompare(b));
    return (
      <table className="usage-tokens">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('usage_model')}</th>
            <th scope="col">{t('usage_answers')}</th>
            <th scope="col">{t('usage_inputTokens')}</th>
            <th scope="col">{t('usage_outputTokens')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={4}>{t('usage_none')}</td>
            </tr>
          ) : (
            rows.map(([model, usage]) => (
              <tr key={model}>
                <th scope="row">{model}</th>
                <td>{number.format(usage.answers)}</td>
                <td>{number.format(usage.inputTokens)}</td>
                <td>{number.format(usage.outputTokens)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    );
  };

  return (
    <section className="usage-stats" aria-labelledby="usage-title">
      <h2 id="usage-title">{t('usage_title')}</h2>
      <p className="hint">{t('usage_localOnly')}</p>
      {tokenTable(`${t('usage_tokensHeading')}（${t('usage_thisWeek')}）`, [thisWeek])}
      {tokenTable(`${t('usage_tokensHeading')}（${t('usage_nineWeeks')}）`, weeks)}

      <h3>{t('usage_usesHeading')}</h3>
      {useKeys.length === 0 ? (
        <p>{t('usage_none')}</p>
      ) : (
        [...weeks].reverse().map((week) => (
          <figure key={week} className="usage-week">
            <figcaption>{week}</figcaption>
            <ul className="usage-bars">
              {useKeys.map((key) => {
                const uses = stats.weeks[week]?.uses[key] ?? 0;
                return (
                  <li key={key}>
                    <span className="bar-label">{nameOf(key)}</span>
                    <span
                      className="bar"
                      style={{ width: `${(uses / maxUses) * 100}%` }}
                      aria-hidden="true"
                    />
                    <span className="bar-value">{t('usage_barValue', number.format(uses))}</span>
                  </li>
                );
              })}
            </ul>
          </figure>
        ))
      )}

      <label className="setting">
        <span className="setting-label">{t('usage_minutesPerUse')}</span>
        <input
          type="number"
          min={0}
          value={minutesPerUse}
          onChange={(event) => props.onMinutesPerUse(Math.max(0, Number(event.target.value) || 0))}
        />
      </label>
      <p className="minutes-saved">
        {t(
          'usage_minutesSaved',
          number.format(totalUses(stats, [thisWeek]) * minutesPerUse),
          number.format(totalUses(stats, weeks) * minutesPerUse),
        )}
      </p>
      <button
        type="button"
        onClick={() => {
          if (window.confirm(t('usage_confirmReset'))) props.onReset();
        }}
      >
        {t('usage_reset')}
      </button>
    </section>
  );
}
