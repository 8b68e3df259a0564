/**
 * The exactly-once proof: one click runs the bounded input with the same failure in the three
 * checkpointing modes beside a failure-free reference, and says per mode what was lost and
 * what was duplicated.
 */
import { CircleCheck, CircleX, FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../common/BusyIcon';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { ProofResult, ProofRun } from '../../worker/recovery-types';
import { selectConfig, selectInfo, showValue, useRunStore } from '../run';
import { IntegerField } from './CheckpointSettings';
import { recoveryEngine } from './recovery-engine';
import { selectProof, useRecoveryStore } from './recovery-store';
import './recovery.css';

const MODES = ['exactly-once', 'at-least-once', 'off'] as const;
const MODE_LABELS = {
  'exactly-once': 'settings.modeExactlyOnce',
  'at-least-once': 'settings.modeAtLeastOnce',
  off: 'settings.modeOff',
} as const;
/** Results listed per kind; the counts cover them all. */
const LISTED = 5;

export function ProofPanel({ doc }: { doc: PipelineDocument }) {
  const { t } = useTranslation('recovery');
  const config = useRunStore(selectConfig);
  const info = useRunStore(selectInfo);
  const proof = useRecoveryStore(selectProof);
  const setProof = useRecoveryStore((s) => s.setProof);
  const [afterRecords, setAfterRecords] = useState(
    Math.max(1, Math.floor((info?.recordsTotal ?? 20) / 2)),
  );
  const [intervalMs, setIntervalMs] = useState(config.checkpointing?.intervalMs ?? 1000);

  const run = async () => {
    setProof({ phase: 'running' });
    try {
      const outcome = await recoveryEngine().proveExactlyOnce(doc, {
        time: config.time,
        parallelism: config.parallelism,
        seed: config.seed,
        stateBackend: config.stateBackend,
        checkpointIntervalMs: intervalMs,
        failures: [{ afterRecords }],
      });
      setProof({ phase: 'done', outcome });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setProof({ phase: 'done', outcome: { ok: false, message } });
    }
  };

  return (
    <div className="recovery-panel" data-testid="proof-panel">
      <p className="recovery-note">{t('proof.intro')}</p>
      <div className="recovery-toolbar">
        <IntegerField
          label={t('proof.failAfter')}
          testId="proof-fail-after"
          value={afterRecords}
          min={1}
          onCommit={setAfterRecords}
        />
        <IntegerField
          label={t('proof.interval')}
          testId="proof-interval"
          value={intervalMs}
          min={1}
          onCommit={setIntervalMs}
        />
        <button
          type="button"
          className="recovery-button recovery-button--primary"
          data-testid="run-proof"
          disabled={proof.phase === 'running'}
          onClick={() => void run()}
        >
          <BusyIcon busy={proof.phase === 'running'} icon={FlaskConical} />
          {proof.phase === 'running' ? t('proof.running') : t('proof.run')}
        </button>
        {proof.phase === 'done' && proof.outcome.ok && (
          <span className="recovery-summary" data-testid="proof-reference">
            {t('proof.reference', { count: proof.outcome.reference.results })}
          </span>
        )}
      </div>
      {proof.phase === 'done' && !proof.outcome.ok && (
        <p className="recovery-error" role="alert">
          {t('proof.failedRun', { message: proof.outcome.message })}
        </p>
      )}
      {proof.phase === 'done' && proof.outcome.ok && (
        <div className="recovery-proof" data-testid="proof-runs">
          {MODES.map((mode) =>
            proof.outcome.ok ? (
              <ProofCard key={mode} label={t(MODE_LABELS[mode])} run={proof.outcome.runs[mode]} />
            ) : null,
          )}
        </div>
      )}
    </div>
  );
}

function ProofCard({ label, run }: { label: string; run: ProofRun }) {
  const { t } = useTranslation('recovery');
  const sum = (rs: ProofResult[]) => rs.reduce((n, r) => n + r.times, 0);
  const kinds = [
    { id: 'lost', rows: run.lost },
    { id: 'duplicated', rows: run.duplicated },
    { id: 'unexpected', rows: run.unexpected },
  ] as const;
  return (
    <article
      className={`recovery-proof__card${run.exact ? ' recovery-proof__card--exact' : ''}`}
      data-testid={`proof-${run.mode}`}
      data-exact={run.exact}
    >
      <h3>{label}</h3>
      <p className="recovery-proof__verdict">
        {run.exact ? (
          <CircleCheck size={16} aria-hidden="true" />
        ) : (
          <CircleX size={16} aria-hidden="true" />
        )}
        {run.exact ? t('proof.exact') : t('proof.notExact')}
      </p>
      <dl className="recovery-proof__figures">
        {kinds.map((k) => (
          <div key={k.id}>
            <dt>{t(`proof.${k.id}`)}</dt>
            <dd data-testid={`proof-${run.mode}-${k.id}`}>{sum(k.rows)}</dd>
          </div>
        ))}
      </dl>
      <p className="recovery-note">
        {t('proof.stats', {
          failures: run.failures,
          restarts: run.restarts,
          checkpoints: run.checkpoints,
          committed: run.committed,
          discarded: run.discarded,
        })}
      </p>
      {kinds
        .filter((k) => k.rows.length > 0)
        .map((k) => (
          <div key={k.id}>
            <p className="recovery-proof__list-title">{t(`proof.${k.id}`)}</p>
            <ul className="recovery-proof__list">
              {k.rows.slice(0, LISTED).map((r, i) => (
                <li key={i} title={showValue(r.value)}>
                  {t('proof.times', { count: r.times })} {r.sink}: {showValue(r.value)}
                </li>
              ))}
              {k.rows.length > LISTED && (
                <li>{t('proof.more', { count: k.rows.length - LISTED })}</li>
              )}
            </ul>
          </div>
        ))}
    </article>
  );
}
