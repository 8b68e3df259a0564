import { describe, expect, it } from 'vitest';
import type { SessionConfig } from '../../worker/trace-batch';
import { choiceOf, DEFAULT_RESTART, withChoice } from './checkpoint-config';

const base: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
  speed: 1,
};

describe('checkpointing choices', () => {
  it('turns a plain run into one under a job master with defaults', () => {
    expect(choiceOf(base)).toBe('plain');
    const patch = withChoice(base, 'exactly-once');
    expect(patch.checkpointing).toEqual({ mode: 'exactly-once', intervalMs: 1000, retained: 3 });
    expect(patch.restart).toEqual(DEFAULT_RESTART);
  });

  it('keeps interval, retention and restarts when the mode changes', () => {
    const config: SessionConfig = {
      ...base,
      checkpointing: { mode: 'exactly-once', intervalMs: 50, retained: 1 },
      restart: { kind: 'none' },
    };
    const patch = withChoice(config, 'at-least-once');
    expect(patch).toEqual({
      checkpointing: { mode: 'at-least-once', intervalMs: 50, retained: 1 },
      restart: { kind: 'none' },
    });
    expect(choiceOf({ ...config, ...patch })).toBe('at-least-once');
  });

  it('drops both for a plain run', () => {
    expect(withChoice(base, 'plain')).toEqual({ checkpointing: undefined, restart: undefined });
  });
});
