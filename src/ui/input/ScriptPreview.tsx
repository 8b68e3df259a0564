/**
 * A script on its own processing-time axis: a marble per record where it arrives (stacked
 * when several arrive together), outlined when it is behind the watermark, and a mark per
 * watermark step. A picture only: the steps below are what is edited.
 */
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../engine/pipeline/document';
import { formatMs } from './MarbleLane';
import { addedRecords, type StepRow } from './script-steps';

const HEIGHT = 56;
const PAD = 16;
const R = 5;
const AXIS = HEIGHT - 14;
const LABEL = 64;

export function ScriptPreview({
  rows,
  width,
  timestampField,
}: {
  rows: readonly StepRow[];
  width: number;
  timestampField: string;
}) {
  const { t } = useTranslation('input');
  const end = Math.max(1000, rows.at(-1)?.processingTime ?? 0);
  // The axis ends a little after the last step, so its marks and their labels stay inside.
  const x = (ms: number) => PAD + ((width - 2 * PAD - LABEL) * ms) / end;
  const marbles: { cx: number; cy: number; behind: boolean; title: string }[] = [];
  // One mark per instant: of several watermark steps at once, the last is what holds.
  const marks = new Map<number, string>();
  const stacked = new Map<number, number>();
  let watermark = -Infinity;
  for (const row of rows) {
    if (row.kind === 'add') {
      for (const record of addedRecords(row)) {
        const ts: JsonValue | undefined = record[timestampField];
        const level = stacked.get(row.processingTime) ?? 0;
        stacked.set(row.processingTime, level + 1);
        marbles.push({
          cx: x(row.processingTime) + (level % 2 === 0 ? 0 : 4),
          cy: AXIS - R - 2 - (level % 4) * (R + 2),
          behind: typeof ts === 'number' && ts <= watermark,
          title: typeof ts === 'number' ? formatMs(ts) : '?',
        });
      }
    }
    if (row.watermark !== watermark && row.kind !== 'add') {
      watermark = row.watermark;
      marks.set(x(row.processingTime), `W ${formatWatermarkShort(watermark)}`);
    }
  }
  return (
    <svg
      className="script-preview"
      width={width}
      height={HEIGHT}
      role="img"
      aria-label={t('script.preview')}
    >
      <line className="script-preview__axis" x1={PAD} x2={width - PAD} y1={AXIS} y2={AXIS} />
      <text className="script-preview__tick" x={PAD} y={HEIGHT - 2}>
        {formatMs(0)}
      </text>
      <text className="script-preview__tick" x={x(end)} y={HEIGHT - 2} textAnchor="middle">
        {formatMs(end)}
      </text>
      {[...marks].map(([mx, label]) => (
        <g key={mx} className="script-preview__watermark">
          <line x1={mx} x2={mx} y1={4} y2={AXIS} />
          <text x={mx + 3} y={11}>
            {label}
          </text>
        </g>
      ))}
      {marbles.map((m, i) => (
        <circle
          key={`r${i}`}
          className={`script-preview__record${m.behind ? ' script-preview__record--behind' : ''}`}
          cx={m.cx}
          cy={m.cy}
          r={R}
        >
          <title>{m.title}</title>
        </circle>
      ))}
    </svg>
  );
}

function formatWatermarkShort(ms: number): string {
  return ms === Infinity ? '∞' : formatMs(ms);
}
