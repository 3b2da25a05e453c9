import type { WeekBar } from '../utils/usage/report';

interface Props {
  bars: WeekBar[];
  kinds: string[];
  nameOf(kind: string): string;
  /** e.g. "11/23 の週: 要約 3回、翻訳 1回", for the bar's tooltip and the chart's text alternative. */
  describe(bar: WeekBar): string;
  title: string;
  locale: string;
}

// Colour-blind-safe (Okabe–Ito), each with a contrast of at least 3:1 on white.
const COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8a6d00', '#56b4e9', '#6b6b6b'];
const WIDTH = 640;
const HEIGHT = 200;
const LEFT = 32;
const BOTTOM = 24;
const TOP = 8;

/** Bars are stacked per week; a week without use has no bar at all (a gap), not a bar of height zero. */
export function UsageChart({ bars, kinds, nameOf, describe, title, locale }: Props) {
  const max = Math.max(1, ...bars.map((bar) => bar.total));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const slot = (WIDTH - LEFT) / Math.max(1, bars.length);
  const y = (value: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - value / top);
  const dateFormat = new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric' });
  const colourOf = (kind: string) => COLOURS[kinds.indexOf(kind) % COLOURS.length];
  return (
    <figure className="usage-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={bars.map(describe).join('。')}>
        {Array.from({ length: top / step + 1 }, (_, index) => index * step).map((tick) => (
          <g key={tick} className="tick">
            <line x1={LEFT} x2={WIDTH} y1={y(tick)} y2={y(tick)} />
            <text x={LEFT - 4} y={y(tick) + 4} textAnchor="end">
              {tick}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          let base = 0;
          const x = LEFT + index * slot + slot * 0.15;
          return (
            <g key={bar.week} className="week" data-week={bar.week} data-uses={bar.total}>
              <title>{describe(bar)}</title>
              {kinds
                .filter((kind) => (bar.byKind[kind] ?? 0) > 0)
                .map((kind) => {
                  const uses = bar.byKind[kind] ?? 0;
                  const rect = (
                    <rect
                      key={kind}
                      className="bar-segment"
                      data-kind={kind}
                      x={x}
                      width={slot * 0.7}
                      y={y(base + uses)}
                      height={y(base) - y(base + uses)}
                      fill={colourOf(kind)}
                    />
                  );
                  base += uses;
                  return rect;
                })}
              <text className="week-label" x={x + slot * 0.35} y={HEIGHT - 6} textAnchor="middle">
                {dateFormat.format(bar.start)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="usage-legend">
        {kinds.map((kind) => (
          <li key={kind}>
            <span className="swatch" style={{ background: colourOf(kind) }} aria-hidden="true" />
            {nameOf(kind)}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** 1, 2, 5, 10, 20, 50…: about four gridlines whatever the numbers. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(1, rough)));
  return [1, 2, 5, 10].map((factor) => factor * power).find((step) => step >= rough) ?? 10 * power;
}
