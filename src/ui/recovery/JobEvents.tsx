/** The job's failures, restarts and restores, in the order they happened. */
import { CircleAlert, History, RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { JobEvent } from '../../worker/recovery-types';
import { formatTime } from '../run';

export function JobEvents({
  events,
  labelOf,
}: {
  events: readonly JobEvent[];
  labelOf(uid: string): string;
}) {
  const { t } = useTranslation('recovery');
  if (events.length === 0) return <p className="dock__empty">{t('events.none')}</p>;
  return (
    <ol className="recovery-events" data-testid="job-events">
      {events.map((e, i) => (
        <li key={i} className={`recovery-events__item recovery-events__item--${e.kind}`}>
          {e.kind === 'failed' && (
            <>
              <CircleAlert size={14} aria-hidden="true" />
              {t(e.restarting ? 'events.failed' : 'events.failedFinal', {
                attempt: e.attempt,
                time: formatTime(e.pt),
                message:
                  e.operatorUid === null
                    ? e.message
                    : `${labelOf(e.operatorUid)}${e.subtask === null ? '' : `#${e.subtask}`}: ${e.message}`,
              })}
            </>
          )}
          {e.kind === 'restarting' && (
            <>
              <RotateCw size={14} aria-hidden="true" />
              {t('events.restarting', {
                attempt: e.attempt,
                at: formatTime(e.restartAt),
                delay: e.delayMs,
              })}
            </>
          )}
          {e.kind === 'restored' && (
            <>
              <History size={14} aria-hidden="true" />
              {e.checkpointId === null
                ? t('events.restoredFresh', { attempt: e.attempt })
                : t('events.restored', {
                    attempt: e.attempt,
                    id: e.checkpointId,
                    time: formatTime(e.pt),
                  })}
              {!e.stateRestored && ` · ${t('events.stateLost')}`}
              {e.offsets.length > 0 && (
                <span className="recovery-events__offsets">
                  {e.offsets
                    .map((o) => t('checkpoints.offset', { ...o, uid: labelOf(o.uid) }))
                    .join(' · ')}
                </span>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
