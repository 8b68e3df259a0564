/** The Checkpoints tab: failure controls, the checkpoint history, job events and output by state. */
import { Play } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { selectConfig, selectInfo, selectPhase, useRunStore } from '../run';
import { CheckpointHistory } from './CheckpointHistory';
import { FailureControls } from './FailureControls';
import { JobEvents } from './JobEvents';
import { OutputByState, ResultStateCounts } from './OutputByState';
import { selectLog, selectVersion, useRecoveryStore } from './recovery-store';
import { useLabels } from './use-labels';
import './recovery.css';

export function CheckpointsPanel() {
  const { t } = useTranslation('recovery');
  const info = useRunStore(selectInfo);
  const phase = useRunStore(selectPhase);
  const config = useRunStore(selectConfig);
  const log = useRecoveryStore(selectLog);
  useRecoveryStore(selectVersion);
  const labelOf = useLabels();

  if (info === null) {
    return (
      <p className="dock__empty">
        <Play size={16} aria-hidden="true" />
        {t('checkpoints.noSession')}
      </p>
    );
  }
  if (config.checkpointing === undefined && log.status === null) {
    return <p className="dock__empty">{t('checkpoints.plain')}</p>;
  }
  const over = phase === 'finished' || phase === 'failed' || phase === 'canceled';
  const completed = log.checkpoints.filter((c) => c.status === 'completed').length;
  return (
    <div className="recovery-panel" data-testid="checkpoints-panel">
      <div className="recovery-panel__head">
        <p className="recovery-summary" role="status" data-testid="recovery-status">
          {t('checkpoints.summary', {
            attempt: log.attempt,
            status: t(`status.${log.status ?? 'running'}`),
            completed,
            failed: log.checkpoints.length - completed,
          })}
        </p>
        <ResultStateCounts log={log} />
      </div>
      <FailureControls info={info} disabled={over || phase === 'starting'} />
      <section className="recovery-section" aria-label={t('checkpoints.history')}>
        <h3>{t('checkpoints.history')}</h3>
        <CheckpointHistory checkpoints={log.checkpoints} labelOf={labelOf} />
      </section>
      <div className="recovery-columns">
        <section className="recovery-section" aria-label={t('events.title')}>
          <h3>{t('events.title')}</h3>
          <JobEvents events={log.events} labelOf={labelOf} />
        </section>
        <OutputByState log={log} />
      </div>
    </div>
  );
}
