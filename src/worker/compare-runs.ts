/**
 * Compare mode's two runs: the same input replayed under two run configurations (A and B),
 * each a run session of its own beside the one the run bar drives, played as fast as the
 * worker goes to the end of its bounded input or to a processing-time horizon. The sessions
 * stay until the next comparison or `dispose`, so their records can still be described.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import { RunSession } from './run-session';
import type { SessionHost, SessionStart } from './run-session';
import type {
  RecordDescription,
  SessionConfig,
  SessionInfo,
  SessionState,
  TraceBatch,
} from './trace-batch';

/** The two sides of a comparison. */
export type CompareSide = 'a' | 'b';

/**
 * How far a compared run went: where its clock stopped, whether its input ended, and the
 * last batch it sent (its epoch and seq), which the caller waits for: batches come through
 * their own channel and may arrive after the answer.
 */
export type CompareRunResult =
  | {
      ok: true;
      info: SessionInfo;
      state: SessionState;
      processingTime: number;
      /** Why the job failed, when it did (a user function threw). */
      failure: { operatorUid: string | null; message: string } | null;
      lastBatch: { epoch: number; seq: number };
    }
  | Extract<SessionStart, { ok: false }>;

export class CompareRuns {
  private readonly sessions = new Map<CompareSide, RunSession>();

  constructor(private readonly host: SessionHost) {}

  /**
   * Runs `doc` under `config` for one side, replacing that side's earlier run: bounded input
   * to its end, unbounded input up to processing time `horizon`. Batches go to `onBatch` as a
   * run session sends them; it resolves once the last one has gone.
   */
  async run(
    side: CompareSide,
    doc: PipelineDocument,
    config: SessionConfig,
    horizon: number,
    onBatch: (batch: TraceBatch) => void,
  ): Promise<CompareRunResult> {
    if (!Number.isFinite(horizon) || horizon <= 0) {
      throw new RangeError(`A compared run's horizon is a processing time > 0, not ${horizon}.`);
    }
    await this.release(side);
    let last: Omit<Extract<CompareRunResult, { ok: true }>, 'ok' | 'info'> = {
      state: 'idle',
      processingTime: 0,
      failure: null,
      lastBatch: { epoch: 0, seq: 0 },
    };
    let ended: () => void = () => undefined;
    const over = new Promise<void>((resolve) => (ended = resolve));
    // Checkpoints and failures play no part in a comparison: a plain run as fast as it goes.
    const { checkpointing: _checkpointing, restart: _restart, ...plain } = config;
    const started = await RunSession.start(
      doc,
      { ...plain, speed: 'max' },
      (batch) => {
        // Read before sending: the batch's buffers are transferred away.
        last = {
          state: batch.progress.state,
          processingTime: batch.progress.processingTime,
          failure: batch.progress.failure,
          lastBatch: { epoch: batch.epoch, seq: batch.seq },
        };
        onBatch(batch);
        if (isOver(last.state)) ended();
      },
      this.host,
    );
    if (!started.ok) return started;
    const { session } = started;
    this.sessions.set(side, session);
    if (session.info.recordsTotal !== null) {
      session.play();
      await over;
    } else {
      await session.seek(horizon);
    }
    return { ok: true, info: session.info, ...last };
  }

  /** A record of one side's run, for the timeline's tooltip; null once it is gone. */
  describe(side: CompareSide, recordId: number): RecordDescription | null {
    return this.sessions.get(side)?.describe(recordId) ?? null;
  }

  /** Ends both runs: compare mode was closed. */
  async dispose(): Promise<void> {
    await Promise.all([this.release('a'), this.release('b')]);
  }

  private async release(side: CompareSide): Promise<void> {
    const session = this.sessions.get(side);
    this.sessions.delete(side);
    await session?.dispose();
  }
}

function isOver(state: SessionState): boolean {
  return state === 'finished' || state === 'failed' || state === 'canceled';
}
