/** The run settings' checkpointing choices as the session config holds them. */
import type { CheckpointingConfig, RestartStrategy } from '../../worker/recovery-types';
import type { SessionConfig } from '../../worker/trace-batch';

/** 'plain': no job master at all; the others are Flink's checkpointing modes. */
export type CheckpointChoice = 'plain' | CheckpointingConfig['mode'];

export const DEFAULT_CHECKPOINTING: Omit<CheckpointingConfig, 'mode'> = {
  intervalMs: 1000,
  retained: 3,
};

export const DEFAULT_RESTART: RestartStrategy = { kind: 'fixed-delay', attempts: 3, delayMs: 200 };

export const choiceOf = (config: SessionConfig): CheckpointChoice =>
  config.checkpointing?.mode ?? 'plain';

/** The config patch that picks a mode, keeping interval, retention and restarts already set. */
export function withChoice(
  config: SessionConfig,
  choice: CheckpointChoice,
): Pick<SessionConfig, 'checkpointing' | 'restart'> {
  if (choice === 'plain') return { checkpointing: undefined, restart: undefined };
  return {
    checkpointing: { ...DEFAULT_CHECKPOINTING, ...config.checkpointing, mode: choice },
    restart: config.restart ?? DEFAULT_RESTART,
  };
}
