/** What the sinks received, each with its state: committed, pending a checkpoint, or discarded. */
import { useTranslation } from 'react-i18next';
import type { ResultState } from '../../worker/recovery-types';
import { selectResults, selectResultsVersion, showValue, useRunStore } from '../run';
import type { RecoveryLog } from './recovery-log';
import { selectLog, selectVersion, useRecoveryStore } from './recovery-store';

/** Newest rows shown; the counts cover them all. */
const MAX_ROWS = 200;

/** Committed, pending and discarded counts; nothing for a run without a job master. */
export function ResultStateSummary() {
  const log = useRecoveryStore(selectLog);
  useRecoveryStore(selectVersion);
  return log.status === null ? null : <ResultStateCounts log={log} />;
}

export function ResultStateCounts({ log }: { log: RecoveryLog }) {
  const { t } = useTranslation('recovery');
  return (
    <span className="recovery-counts" data-testid="result-states">
      {(['committed', 'pending', 'discarded'] as const).map((state) => (
        <span key={state} className={`recovery-pill recovery-pill--${state}`}>
          {t(`output.${state}`)} {log.counts[state]}
        </span>
      ))}
    </span>
  );
}

export function OutputByState({ log }: { log: RecoveryLog }) {
  const { t } = useTranslation('recovery');
  const results = useRunStore(selectResults);
  useRunStore(selectResultsVersion);
  const all = results.all();
  const from = Math.max(0, all.length - MAX_ROWS);
  const rows = all
    .slice(from)
    .map((r, i) => ({ r, index: from + i }))
    .reverse();
  return (
    <section className="recovery-section" aria-label={t('output.title')}>
      <h3>
        {t('output.title')} <ResultStateCounts log={log} />
      </h3>
      <table className="recovery-table" data-testid="output-by-state">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('output.sink')}</th>
            <th scope="col">{t('checkpoints.state')}</th>
            <th scope="col" className="recovery-num">
              {t('output.attempt')}
            </th>
            <th scope="col">{t('output.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ r, index }) => {
            const state: ResultState | undefined = log.states[index];
            return (
              <tr key={index} data-state={state}>
                <td className="recovery-num">{index}</td>
                <td>{r.sink}</td>
                <td>
                  {state !== undefined && (
                    <span className={`recovery-pill recovery-pill--${state}`}>
                      {t(`output.${state}`)}
                    </span>
                  )}
                </td>
                <td className="recovery-num">{log.attempts[index] ?? ''}</td>
                <td className="recovery-value" title={showValue(r.value)}>
                  {showValue(r.value)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {from > 0 && <p className="recovery-note">{t('output.more', { count: from })}</p>}
    </section>
  );
}
