/**
 * One checkpoint's barriers per operator subtask, relative to its trigger: when the subtask
 * received the first barrier, and when it had them on every input and snapshot (aligned). The
 * gap between the two is the time its inputs were held back.
 */
import { useTranslation } from 'react-i18next';
import { selectBarrierTracker, selectBarrierVersion, useBarrierStore } from './barrier-store';
import { formatDuration } from './format';

const ROW = 18;
const LABEL = 150;
const PLOT = 420;
const PAD = 8;
const AXIS = 16;

export function SubtaskTimeline({
  checkpoint,
  triggeredAt,
  labelOf,
}: {
  checkpoint: number;
  triggeredAt: number;
  labelOf(uid: string): string;
}) {
  const { t } = useTranslation('recovery');
  useBarrierStore(selectBarrierVersion);
  const rows = useBarrierStore(selectBarrierTracker).subtaskTimes(checkpoint);
  if (rows.length === 0) return <p className="recovery-note">{t('barriers.noTimes')}</p>;
  const end = Math.max(1, ...rows.map((r) => (r.aligned ?? r.received) - triggeredAt));
  const x = (pt: number) => LABEL + ((pt - triggeredAt) / end) * PLOT;
  const height = rows.length * ROW + AXIS;
  return (
    <figure className="subtask-timeline" data-testid={`subtask-timeline-${checkpoint}`}>
      <figcaption className="recovery-note">
        {t('barriers.timeline')}
        <span className="subtask-timeline__key subtask-timeline__key--received">
          {t('barriers.received')}
        </span>
        <span className="subtask-timeline__key subtask-timeline__key--aligned">
          {t('barriers.aligned')}
        </span>
      </figcaption>
      <svg
        width={LABEL + PLOT + PAD * 2}
        height={height}
        viewBox={`0 0 ${LABEL + PLOT + PAD * 2} ${height}`}
        role="img"
        aria-label={t('barriers.timeline')}
      >
        <line className="subtask-timeline__axis" x1={LABEL} x2={LABEL} y1={0} y2={height - AXIS} />
        {rows.map((r, i) => {
          const y = i * ROW + ROW / 2;
          const received = x(r.received);
          const aligned = r.aligned === null ? null : x(r.aligned);
          return (
            <g key={`${r.uid}#${r.subtask}`} className="subtask-timeline__row">
              <title>
                {t('barriers.row', {
                  subtask: `${labelOf(r.uid)} #${r.subtask}`,
                  received: formatDuration(r.received - triggeredAt),
                  aligned: r.aligned === null ? '–' : formatDuration(r.aligned - triggeredAt),
                })}
              </title>
              <text className="subtask-timeline__label" x={LABEL - PAD} y={y} dy="0.35em">
                {labelOf(r.uid)} #{r.subtask}
              </text>
              <line className="subtask-timeline__grid" x1={LABEL} x2={LABEL + PLOT} y1={y} y2={y} />
              {aligned !== null && aligned > received && (
                <line className="subtask-timeline__wait" x1={received} x2={aligned} y1={y} y2={y} />
              )}
              <circle className="subtask-timeline__received" cx={received} cy={y} r={4} />
              {aligned !== null && (
                <rect
                  className="subtask-timeline__aligned"
                  x={aligned - 2}
                  y={y - 6}
                  width={4}
                  height={12}
                  rx={1}
                />
              )}
            </g>
          );
        })}
        <text className="subtask-timeline__tick" x={LABEL} y={height - 4}>
          0
        </text>
        <text className="subtask-timeline__tick" x={LABEL + PLOT} y={height - 4} textAnchor="end">
          {formatDuration(end)}
        </text>
      </svg>
    </figure>
  );
}
