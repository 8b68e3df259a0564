/** Inject a failure into the whole job or one operator subtask, now or at record N. */
import { Bomb, Crosshair } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FailureTarget } from '../../worker/recovery-types';
import type { SessionInfo } from '../../worker/trace-batch';
import { recoveryEngine, injectFailure } from './recovery-engine';
import { IntegerField } from './CheckpointSettings';

export function FailureControls({ info, disabled }: { info: SessionInfo; disabled: boolean }) {
  const { t } = useTranslation('recovery');
  const [target, setTarget] = useState('');
  const [armed, setArmed] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = (work: () => Promise<unknown>) => {
    setProblem(null);
    work().catch((error: unknown) =>
      setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  const [onRecord, setOnRecord] = useState(Math.max(1, Math.floor((info.recordsTotal ?? 20) / 2)));
  const targets = info.operators.flatMap((op) =>
    Array.from({ length: op.parallelism }, (_, subtask) => ({
      id: `${op.uid}#${subtask}`,
      label: t('failure.subtask', { label: op.label, subtask }),
      target: { operatorUid: op.uid, subtask },
    })),
  );
  const chosen: FailureTarget = targets.find((o) => o.id === target)?.target ?? null;
  return (
    <div className="recovery-failure" role="group" aria-label={t('failure.title')}>
      <label className="setting recovery-field">
        <span>{t('failure.target')}</span>
        <select
          data-testid="failure-target"
          value={target}
          disabled={disabled}
          onChange={(e) => setTarget(e.target.value)}
        >
          <option value="">{t('failure.wholeJob')}</option>
          {targets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="recovery-button recovery-button--danger"
        data-testid="inject-failure"
        disabled={disabled}
        onClick={() => attempt(() => injectFailure(chosen))}
      >
        <Bomb size={14} aria-hidden="true" />
        {t('failure.inject')}
      </button>
      <IntegerField
        label={t('failure.onRecord')}
        testId="fail-on-record"
        value={onRecord}
        min={1}
        disabled={disabled}
        onCommit={setOnRecord}
      />
      <button
        type="button"
        className="recovery-button"
        data-testid="arm-failure"
        disabled={disabled}
        onClick={() =>
          attempt(async () => {
            await recoveryEngine().failOnRecord(onRecord);
            setArmed(onRecord);
          })
        }
      >
        <Crosshair size={14} aria-hidden="true" />
        {t('failure.arm')}
      </button>
      {problem !== null && (
        <span className="recovery-error" role="alert" data-testid="failure-error">
          {problem}
        </span>
      )}
      {armed !== null && (
        <span className="recovery-note" role="status">
          {t('failure.armed', { count: armed })}
        </span>
      )}
    </div>
  );
}
