/** The job's failures, restarts and restores, in the order they happened. */
import { CircleAlert, History, RotateCw } from 'lucide-react';
import type { TFunction } from 'i18next';
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
                message: reasonText(e, labelOf, t),
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

/** A failure in the user's language from its reason code; a job's own error keeps its text. */
function reasonText(
  e: Extract<JobEvent, { kind: 'failed' }>,
  labelOf: (uid: string) => string,
  t: TFunction<'recovery'>,
): string {
  const where =
    e.operatorUid === null
      ? null
      : `${labelOf(e.operatorUid)}${e.subtask === null ? '' : ` #${e.subtask}`}`;
  switch (e.reason) {
    case 'injected-job':
      return t('events.reason.injected-job');
    case 'injected-subtask':
      return t('events.reason.injected-subtask', { where: where ?? '' });
    case 'injected-record':
      return t('events.reason.injected-record', { record: e.record ?? '' });
    case 'job-error':
      return where === null
        ? t('events.reason.job-error-unplaced', { message: e.message })
        : t('events.reason.job-error', { where, message: e.message });
  }
}
