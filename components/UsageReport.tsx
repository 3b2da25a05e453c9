import type { Translator, UiLanguage } from '../utils/i18n';
import type { MinutesSavedKey } from '../utils/settings/schema';
import { minutesSavedThisMonth, roundedHours } from '../utils/usage/minutes-saved';
import { chartKind, kindsIn, totalsByUse, type WeekBar, weekBars } from '../utils/usage/report';
import { modelTotals, recentWeeks, type UsageStats } from '../utils/usage/stats';
import { UsageChart } from './UsageChart';

interface Props {
  stats: UsageStats;
  now: Date;
  minutesSaved: Record<MinutesSavedKey, number>;
  /** Kinds of use in the chart's order (actions, chat, template). */
  kindOrder: string[];
  language: UiLanguage;
  t: Translator;
  /** An action, chat, a template (`template:<id>`) or the chart's `template` kind, in words. */
  nameOfUse(key: string): string;
  /** The policy's label for a model id, or the id. */
  nameOfModel(id: string): string;
  onExportCsv(weeks: string[]): void;
  onReset(): void;
}

export const WEEKS_SHOWN = 12;

/** 「利用状況」: local figures only (nothing is sent), for the user and the IT section. */
export function UsageReport({ stats, now, minutesSaved, kindOrder, language, t, ...props }: Props) {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  const weeks = recentWeeks(now, WEEKS_SHOWN);
  const bars = weekBars(stats, weeks);
  const kinds = kindsIn(bars, kindOrder);
  const dateFormat = new Intl.DateTimeFormat(language, { month: 'numeric', day: 'numeric' });
  const describe = (bar: WeekBar) =>
    t(
      'usage_weekDescription',
      dateFormat.format(bar.start),
      bar.total === 0
        ? t('usage_weekNone')
        : kinds
            .filter((kind) => bar.byKind[kind])
            .map((kind) => t('usage_kindCount', props.nameOfUse(kind), number.format(bar.byKind[kind] ?? 0)))
            .join('、'),
    );
  const uses = totalsByUse(stats, weeks);
  const models = Object.entries(modelTotals(stats, weeks)).sort(([, a], [, b]) => b.answers - a.answers);
  const tokens = (count: number) => (count > 0 ? number.format(count) : '—');
  const minutes = minutesSavedThisMonth(stats, now, minutesSaved);

  return (
    <div className="usage-report">
      <p className="hint">{t('usage_localOnly')}</p>
      <p className="minutes-saved">
        <strong>{t('usage_savedThisMonth', number.format(roundedHours(minutes)))}</strong>
        <small>{t('usage_savedHow')}</small>
      </p>
      {uses.length === 0 ? (
        <p>{t('usage_none')}</p>
      ) : (
        <UsageChart
          bars={bars}
          kinds={kinds}
          nameOf={props.nameOfUse}
          describe={describe}
          title={t('usage_chartTitle', String(WEEKS_SHOWN))}
          locale={language}
        />
      )}
      <div className="usage-tables">
        <table className="usage-by-use">
          <caption>{t('usage_byUse', String(WEEKS_SHOWN))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('usage_use')}</th>
              <th scope="col">{t('usage_count')}</th>
            </tr>
          </thead>
          <tbody>
            {uses.map(([key, count]) => (
              <tr key={key} data-kind={chartKind(key)}>
                <th scope="row">{props.nameOfUse(key)}</th>
                <td>{number.format(count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="usage-by-model">
          <caption>{t('usage_byModel', String(WEEKS_SHOWN))}</caption>
          <thead>
            <tr>
              <th scope="col">{t('usage_model')}</th>
              <th scope="col">{t('usage_answers')}</th>
              <th scope="col">{t('usage_inputTokens')}</th>
              <th scope="col">{t('usage_outputTokens')}</th>
            </tr>
          </thead>
          <tbody>
            {models.map(([id, usage]) => (
              <tr key={id}>
                <th scope="row">{props.nameOfModel(id)}</th>
                <td>{number.format(usage.answers)}</td>
                <td>{tokens(usage.inputTokens)}</td>
                <td>{tokens(usage.outputTokens)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('usage_tokensNote')}</p>
      <div className="toolbar no-print">
        <button type="button" onClick={() => props.onExportCsv(weeks)}>
          {t('usage_exportCsv')}
        </button>
        <button type="button" onClick={() => window.print()}>
          {t('usage_print')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (window.confirm(t('usage_confirmReset'))) props.onReset();
          }}
        >
          {t('usage_reset')}
        </button>
      </div>
    </div>
  );
}
