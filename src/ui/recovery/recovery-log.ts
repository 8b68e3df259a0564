/**
 * What a session with checkpointing said beside its trace: the checkpoint history, the job's
 * failures, restarts and restores, and the state of every result the sinks received (by its
 * index in the epoch, as the run store's result log holds them). Grown in place per batch.
 */
import type { TraceBatch } from '../../worker/trace-batch';
import type {
  CheckpointRecord,
  JobEvent,
  RecoveryBatch,
  ResultState,
} from '../../worker/recovery-types';

export type ResultCounts = Record<ResultState, number>;

export class RecoveryLog {
  /** The trace epoch these facts belong to; a newer one (reset, seek) starts them over. */
  epoch = -1;
  attempt = 0;
  status: RecoveryBatch['status'] | null = null;
  readonly checkpoints: CheckpointRecord[] = [];
  readonly events: JobEvent[] = [];
  /** Per result index in the epoch: its state, and the attempt that sent it. */
  readonly states: ResultState[] = [];
  readonly attempts: number[] = [];
  readonly counts: ResultCounts = { pending: 0, committed: 0, discarded: 0 };

  /** Takes a frame's batches in order; false when none of them spoke of recovery. */
  ingest(batches: readonly Pick<TraceBatch, 'epoch' | 'recovery'>[]): boolean {
    let changed = false;
    for (const batch of batches) {
      if (batch.recovery === undefined) continue;
      changed = true;
      if (batch.epoch !== this.epoch) this.startEpoch(batch.epoch);
      this.apply(batch.recovery);
    }
    return changed;
  }

  private apply(r: RecoveryBatch): void {
    this.attempt = r.attempt;
    this.status = r.status;
    r.results.forEach((result, i) => {
      const index = r.resultBase + i;
      const before = this.states[index];
      if (before !== undefined) this.counts[before]--;
      this.states[index] = result.state;
      this.attempts[index] = result.attempt;
      this.counts[result.state]++;
    });
    for (const { index, state } of r.settled) {
      const before = this.states[index];
      if (before === undefined) continue;
      this.counts[before]--;
      this.states[index] = state;
      this.counts[state]++;
    }
    this.checkpoints.push(...r.checkpoints);
    this.events.push(...r.events);
  }

  private startEpoch(epoch: number): void {
    this.epoch = epoch;
    this.attempt = 0;
    this.status = null;
    this.checkpoints.length = 0;
    this.events.length = 0;
    this.states.length = 0;
    this.attempts.length = 0;
    this.counts.pending = this.counts.committed = this.counts.discarded = 0;
  }
}
