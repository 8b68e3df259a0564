/** Where the run stands: its phase, records processed of all, the rate, and the clock. */
import { useTranslation } from 'react-i18next';
import { formatCount, formatTime } from './format';
import { useRunStore } from './store/run-store';
import { selectPhase, selectProgress } from './store/selectors';

export function RunProgress() {
  const { t } = useTranslation('run');
  const phase = useRunStore(selectPhase);
  const progress = useRunStore(selectProgress);
  const total = progress?.recordsTotal ?? null;
  const processed = progress?.recordsProcessed ?? 0;
  return (
    <div className="run-progress" role="status" data-testid="run-progress" data-phase={phase}>
      <span className={`run-progress__phase run-progress__phase--${phase}`}>
        {t(`phase.${phase}`)}
      </span>
      {progress !== null && (
        <>
          {total !== null && total > 0 && (
            <progress className="run-progress__bar" max={total} value={processed} />
          )}
          <span className="run-progress__figures">
            {total !== null
              ? t('progress.records', {
                  processed: formatCount(processed),
                  total: formatCount(total),
                })
              : t('progress.recordsOpen', { processed: formatCount(processed) })}
            {phase === 'running' && progress.ratePerSecond > 0 && (
              <> · {t('progress.rate', { rate: formatCount(progress.ratePerSecond) })}</>
            )}
            {' · '}
            {t('progress.at', { time: formatTime(progress.processingTime) })}
          </span>
        </>
      )}
    </div>
  );
}
