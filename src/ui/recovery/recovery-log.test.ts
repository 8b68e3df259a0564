import { describe, expect, it } from 'vitest';
import type { CheckpointRecord, RecoveryBatch } from '../../worker/recovery-types';
import { RecoveryLog } from './recovery-log';

const batch = (epoch: number, recovery: Partial<RecoveryBatch>) => ({
  epoch,
  recovery: {
    attempt: 0,
    status: 'running' as const,
    resultBase: 0,
    results: [],
    settled: [],
    checkpoints: [],
    events: [],
    ...recovery,
  },
});

const failedCheckpoint: CheckpointRecord = {
  status: 'failed',
  id: 2,
  kind: 'checkpoint',
  triggeredAt: 20,
  attempt: 0,
  message: 'declined',
};

describe('the recovery log', () => {
  it('counts results by state and moves them as they are settled', () => {
    const log = new RecoveryLog();
    log.ingest([
      batch(0, {
        results: [
          { attempt: 0, state: 'pending' },
          { attempt: 0, state: 'pending' },
        ],
      }),
    ]);
    expect(log.counts).toEqual({ pending: 2, committed: 0, discarded: 0 });
    log.ingest([
      batch(0, {
        attempt: 1,
        resultBase: 2,
        results: [{ attempt: 1, state: 'pending' }],
        settled: [
          { index: 0, state: 'committed' },
          { index: 1, state: 'discarded' },
        ],
      }),
    ]);
    expect(log.states).toEqual(['committed', 'discarded', 'pending']);
    expect(log.attempts).toEqual([0, 0, 1]);
    expect(log.counts).toEqual({ pending: 1, committed: 1, discarded: 1 });
    expect(log.attempt).toBe(1);
  });

  it('keeps checkpoints and events in order and starts over with a new epoch', () => {
    const log = new RecoveryLog();
    log.ingest([
      batch(0, {
        checkpoints: [failedCheckpoint],
        events: [{ kind: 'restarting', pt: 5, attempt: 1, restartAt: 10, delayMs: 5 }],
        results: [{ attempt: 0, state: 'committed' }],
      }),
    ]);
    expect(log.checkpoints).toEqual([failedCheckpoint]);
    expect(log.events.map((e) => e.kind)).toEqual(['restarting']);
    log.ingest([batch(1, { status: 'finished' })]);
    expect(log.epoch).toBe(1);
    expect(log.checkpoints).toEqual([]);
    expect(log.events).toEqual([]);
    expect(log.counts).toEqual({ pending: 0, committed: 0, discarded: 0 });
    expect(log.status).toBe('finished');
  });

  it('ignores batches without recovery facts', () => {
    const log = new RecoveryLog();
    expect(log.ingest([{ epoch: 3 }])).toBe(false);
    expect(log.epoch).toBe(-1);
  });
});
