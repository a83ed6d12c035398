import { i18n } from '#i18n';
import { DEFAULT_MIN_SENDS } from '../../../shared/common/campaigns';
import { pct } from '../../ui/localized';

export interface ChartRow {
  key: string;
  label: string;
  rate: number | null;
  low: number;
  high: number;
  sends: number;
}

const ROW = 26;
const LABEL_W = 170;
const PLOT_W = 220;

/**
 * Horizontal bars of a rate with its interval as a whisker, in plain SVG (no chart library: a few dozen rows render
 * in well under a millisecond, and text stays real text in both languages). The axis scales to the widest interval
 * so low outreach rates are not squashed against zero.
 */
export function RateChart({ title, rows, level }: { title: string; rows: ChartRow[]; level: number }) {
  const max = Math.max(0.05, ...rows.map((r) => r.high));
  const x = (v: number) => LABEL_W + (v / max) * PLOT_W;
  const height = rows.length * ROW + 24;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        role="img"
        aria-label={title}
        viewBox={`0 0 ${LABEL_W + PLOT_W + 60} ${height}`}
        width="100%"
        style={{ maxWidth: 520 }}
        data-testid="rate-chart"
      >
        {rows.map((r, i) => {
          const y = i * ROW + 4;
          const desc = i18n.t('dashboard.chartRow', [
            r.label,
            pct(r.rate),
            String(Math.round(r.low * 100)),
            String(Math.round(r.high * 100)),
            String(r.sends),
          ]);
          return (
            <g key={r.key} aria-label={desc} role="listitem">
              <title>{desc}</title>
              <text x={LABEL_W - 6} y={y + 14} textAnchor="end" fontSize="11" fill="currentColor">
                {r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label}
              </text>
              {r.rate !== null && (
                <rect
                  x={LABEL_W}
                  y={y + 4}
                  width={Math.max(1, x(r.rate) - LABEL_W)}
                  height={12}
                  fill="var(--accent)"
                  opacity="0.7"
                />
              )}
              <line x1={x(r.low)} x2={x(r.high)} y1={y + 10} y2={y + 10} stroke="currentColor" strokeWidth="1.5" />
              <line x1={x(r.low)} x2={x(r.low)} y1={y + 5} y2={y + 15} stroke="currentColor" />
              <line x1={x(r.high)} x2={x(r.high)} y1={y + 5} y2={y + 15} stroke="currentColor" />
              <text x={x(r.high) + 4} y={y + 14} fontSize="10" fill="currentColor">
                {pct(r.rate)}
              </text>
            </g>
          );
        })}
        <line x1={LABEL_W} x2={LABEL_W} y1={0} y2={height - 20} stroke="var(--border)" />
        <text x={LABEL_W} y={height - 6} fontSize="10" fill="currentColor">
          0%
        </text>
        <text x={LABEL_W + PLOT_W} y={height - 6} fontSize="10" textAnchor="end" fill="currentColor">
          {pct(max)}
        </text>
      </svg>
      <p className="muted">
        {i18n.t('dashboard.intervalNote', [String(Math.round(level * 100)), String(DEFAULT_MIN_SENDS)])}
      </p>
    </figure>
  );
}

/** Reply sentiment as one stacked bar per group. */
export function SentimentBar({
  counts,
}: {
  counts: Record<'positive' | 'neutral' | 'negative' | 'unlabelled', number>;
}) {
  const total = counts.positive + counts.neutral + counts.negative + counts.unlabelled;
  if (total === 0) return <span className="muted">{i18n.t('dashboard.none')}</span>;
  const parts = [
    ['positive', '#188038'],
    ['neutral', '#9aa0a6'],
    ['negative', '#d93025'],
    ['unlabelled', 'var(--border)'],
  ] as const;
  let at = 0;
  const label = parts.map(([k]) => `${i18n.t(`dashboard.sentiments.${k}`)} ${counts[k]}`).join(', ');
  return (
    <svg width="80" height="10" role="img" aria-label={label} data-testid="sentiment-bar">
      <title>{label}</title>
      {parts.map(([k, color]) => {
        const w = (counts[k] / total) * 80;
        const rect = <rect key={k} x={at} y={0} width={w} height={10} fill={color} />;
        at += w;
        return rect;
      })}
    </svg>
  );
}
