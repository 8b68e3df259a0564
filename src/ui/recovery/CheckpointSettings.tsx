/** The run settings' checkpointing and restart switches. */
import { useTranslation } from 'react-i18next';
import { WholeNumberField, type WholeNumberFieldProps } from '../common/WholeNumberField';
import type { SessionConfig } from '../../worker/trace-batch';
import { choiceOf, withChoice, type CheckpointChoice } from './checkpoint-config';
import './recovery.css';

const CHOICES: { id: CheckpointChoice; label: string }[] = [
  { id: 'plain', label: 'settings.modePlain' },
  { id: 'exactly-once', label: 'settings.modeExactlyOnce' },
  { id: 'at-least-once', label: 'settings.modeAtLeastOnce' },
  { id: 'off', label: 'settings.modeOff' },
];

export function CheckpointSettings({
  config,
  disabled,
  onChange,
}: {
  config: SessionConfig;
  disabled: boolean;
  onChange(patch: Partial<SessionConfig>): void;
}) {
  const { t } = useTranslation('recovery');
  const checkpointing = config.checkpointing;
  const restart = config.restart ?? { kind: 'none' as const };
  return (
    <fieldset className="recovery-settings" data-testid="checkpoint-settings">
      <legend>{t('settings.title')}</legend>
      <label className="setting recovery-field">
        <span>{t('settings.mode')}</span>
        <select
          data-testid="checkpoint-mode"
          value={choiceOf(config)}
          disabled={disabled}
          onChange={(e) => onChange(withChoice(config, e.target.value as CheckpointChoice))}
        >
          {CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {t(c.label)}
            </option>
          ))}
        </select>
      </label>
      {checkpointing !== undefined && (
        <>
          <IntegerField
            label={t('settings.interval')}
            testId="checkpoint-interval"
            value={checkpointing.intervalMs ?? 0}
            min={1}
            disabled={disabled}
            onCommit={(intervalMs) => onChange({ checkpointing: { ...checkpointing, intervalMs } })}
          />
          <IntegerField
            label={t('settings.retained')}
            testId="checkpoint-retained"
            value={checkpointing.retained}
            min={1}
            disabled={disabled}
            onCommit={(retained) => onChange({ checkpointing: { ...checkpointing, retained } })}
          />
          <label className="setting recovery-field">
            <span>{t('settings.restart')}</span>
            <select
              data-testid="restart-strategy"
              value={restart.kind}
              disabled={disabled}
              onChange={(e) =>
                onChange({
                  restart:
                    e.target.value === 'none'
                      ? { kind: 'none' }
                      : { kind: 'fixed-delay', attempts: 3, delayMs: 200 },
                })
              }
            >
              <option value="none">{t('settings.restartNone')}</option>
              <option value="fixed-delay">{t('settings.restartFixedDelay')}</option>
            </select>
          </label>
          {restart.kind === 'fixed-delay' && (
            <>
              <IntegerField
                label={t('settings.attempts')}
                testId="restart-attempts"
                value={restart.attempts}
                min={1}
                disabled={disabled}
                onCommit={(attempts) => onChange({ restart: { ...restart, attempts } })}
              />
              <IntegerField
                label={t('settings.delay')}
                testId="restart-delay"
                value={restart.delayMs ?? 0}
                min={0}
                disabled={disabled}
                onCommit={(delayMs) => onChange({ restart: { ...restart, delayMs } })}
              />
            </>
          )}
        </>
      )}
    </fieldset>
  );
}

/** A whole number in the recovery panels' look, clamped to `min` and up. */
export function IntegerField(props: Omit<WholeNumberFieldProps, 'className' | 'inputClassName'>) {
  return (
    <WholeNumberField
      {...props}
      className="setting recovery-field"
      inputClassName="setting-number recovery-number"
    />
  );
}
