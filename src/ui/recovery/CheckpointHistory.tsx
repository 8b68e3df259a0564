/**
 * The checkpoint history as Flink's web UI lists it: id, status, trigger time, end-to-end
 * duration, state size and alignment; a row opens to its operator subtasks, source offsets and
 * a small timeline of each subtask's barriers.
 */
import { ChevronDown, ChevronRight } from 'lucide-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckpointRecord } from '../../worker/recovery-types';
import { formatTime } from '../run';
import { formatBytes, formatDuration } from './format';
import { SubtaskTimeline } from './SubtaskTimeline';

export function CheckpointHistory({
  checkpoints,
  labelOf,
}: {
  checkpoints: readonly CheckpointRecord[];
  labelOf(uid: string): string;
}) {
  const { t } = useTranslation('recovery');
  const [open, setOpen] = useState<string | null>(null);
  if (checkpoints.length === 0) return <p className="dock__empty">{t('checkpoints.none')}</p>;
  // Newest first, as Flink lists them; ids restart at no point, but an attempt tells replays apart.
  const rows = [...checkpoints].reverse();
  return (
    <div className="recovery-scroll">
      <table className="recovery-table" data-testid="checkpoint-history">
        <thead>
          <tr>
            <th scope="col" className="recovery-table__toggle" aria-hidden="true" />
            <th scope="col" className="recovery-num">
              {t('checkpoints.id')}
            </th>
            <th scope="col">{t('checkpoints.state')}</th>
            <th scope="col">{t('checkpoints.kind')}</th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.attempt')}
            </th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.trigger')}
            </th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.duration')}
            </th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.size')}
            </th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.written')}
            </th>
            <th scope="col" className="recovery-num">
              {t('checkpoints.alignment')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => {
            const rowKey = `${c.attempt}-${c.kind}-${c.id}`;
            const expanded = open === rowKey;
            const done = c.status === 'completed';
            return (
              <Fragment key={rowKey}>
                <tr data-status={c.status}>
                  <td className="recovery-table__toggle">
                    {done && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-expanded={expanded}
                        aria-label={t('checkpoints.details', { id: c.id })}
                        title={t('checkpoints.details', { id: c.id })}
                        onClick={() => setOpen(expanded ? null : rowKey)}
                      >
                        {expanded ? (
                          <ChevronDown size={14} aria-hidden="true" />
                        ) : (
                          <ChevronRight size={14} aria-hidden="true" />
                        )}
                      </button>
                    )}
                  </td>
                  <td className="recovery-num">{c.id}</td>
                  <td>
                    <span className={`recovery-pill recovery-pill--${c.status}`}>
                      {done ? t('checkpoints.completed') : t('checkpoints.failedCheckpoint')}
                    </span>
                  </td>
                  <td>
                    {c.kind === 'savepoint'
                      ? t('checkpoints.kindSavepoint')
                      : t('checkpoints.kindCheckpoint')}
                  </td>
                  <td className="recovery-num">{c.attempt}</td>
                  <td className="recovery-num">{formatTime(c.triggeredAt)}</td>
                  <td className="recovery-num">{done ? formatDuration(c.durationMs) : '–'}</td>
                  <td className="recovery-num">{done ? formatBytes(c.bytes) : '–'}</td>
                  <td className="recovery-num">{done ? formatBytes(c.writtenBytes) : '–'}</td>
                  <td className="recovery-num">
                    {done ? formatDuration(c.alignmentMs) : c.message}
                  </td>
                </tr>
                {done && expanded && (
                  <tr className="recovery-table__details">
                    <td />
                    <td colSpan={9}>
                      <table className="recovery-table recovery-table--inner">
                        <thead>
                          <tr>
                            <th scope="col">{t('checkpoints.operator')}</th>
                            <th scope="col" className="recovery-num">
                              {t('checkpoints.subtask')}
                            </th>
                            <th scope="col" className="recovery-num">
                              {t('checkpoints.entries')}
                            </th>
                            <th scope="col" className="recovery-num">
                              {t('checkpoints.timers')}
                            </th>
                            <th scope="col" className="recovery-num">
                              {t('checkpoints.size')}
                            </th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.subtasks.map((s) => (
                            <tr key={`${s.uid}#${s.subtask}`}>
                              <td>{labelOf(s.uid)}</td>
                              <td className="recovery-num">{s.subtask}</td>
                              <td className="recovery-num">{s.stateEntries}</td>
                              <td className="recovery-num">{s.timers}</td>
                              <td className="recovery-num">{formatBytes(s.bytes)}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      <p className="recovery-note">
                        {t('checkpoints.offsets')}:{' '}
                        {c.offsets
                          .map((o) => t('checkpoints.offset', { ...o, uid: labelOf(o.uid) }))
                          .join(' · ')}
                        {c.sharedKeyGroups > 0 &&
                          ` · ${t('checkpoints.shared', { count: c.sharedKeyGroups })}`}
                      </p>
                      <SubtaskTimeline
                        checkpoint={c.id}
                        triggeredAt={c.triggeredAt}
                        labelOf={labelOf}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
