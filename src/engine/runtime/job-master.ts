/**
 * The job master: runs a job attempt by attempt, as Flink's JobMaster does. It triggers
 * checkpoints (periodically in processing time, or on demand), keeps the last few, and when
 * an attempt fails it restarts the job from the latest completed checkpoint under the
 * restart strategy. Sinks are exactly-once in that mode: a result stays pending until the
 * checkpoint after it completes, and pending results of a failed attempt are discarded.
 */
import { DEFAULT_MAX_PARALLELISM } from '../keygroups';
import type { PipelineDocument } from '../pipeline/document';
import { createJob } from './create-job';
import type { Job, JobFailure, RunCondition, RunConfig, SinkResult } from './job';
import { parseSnapshot, SAVEPOINT_FORMAT, SAVEPOINT_VERSION, serializeSnapshot } from './snapshot';
import type { JobSnapshot } from './snapshot';
import { RetainedCheckpoint } from './snapshot-retained';
import type { TraceEvent } from './trace';

export interface CheckpointingConfig {
  mode: 'exactly-once' | 'at-least-once' | 'off';
  /** Processing time between periodic checkpoints; null = only on demand. */
  intervalMs: number | null;
  /** Completed checkpoints to keep. */
  retained: number;
}

/**
 * Flink's restart strategies. A fixed delay waits `delayMs` of processing time after a
 * failure (default 0), then the job rewinds to its latest checkpoint and replays from there.
 */
export type RestartStrategy =
  { kind: 'none' } | { kind: 'fixed-delay'; attempts: number; delayMs?: number };

export interface MasterConfig extends RunConfig {
  checkpointing: CheckpointingConfig;
  restart: RestartStrategy;
  /**
   * Keyed state for each attempt when it is not on the heap: a restarted attempt must not
   * see what the failed one wrote, so each gets its own (e.g. a fresh database).
   */
  keyedStateForAttempt?: (attempt: number) => Promise<RunConfig['createKeyedState']>;
  /**
   * Real time in ms, for checkpoint durations only (the engine itself never reads it): the
   * worker passes `performance.now`. Without it durations are not reported.
   */
  wallClock?: () => number;
}

export interface CheckpointStats {
  id: number;
  kind: 'checkpoint' | 'savepoint';
  /** Processing time when the barriers were injected. */
  triggeredAt: number;
  /** Real time from trigger to completion (snapshots of IndexedDB state take real time). */
  durationMs: number | null;
  /**
   * Time spent aligning barriers. Sources inject barriers between records and channels
   * deliver at once, so no input is ever held back: it is always 0 here.
   */
  alignmentMs: number;
  /**
   * Size of the whole state it restores, in characters of its serialized form: for a
   * checkpoint the compact form it is retained in (snapshot-retained.ts), for a savepoint
   * its file.
   */
  bytes: number;
  /**
   * What this checkpoint itself added: less than `bytes` for an incremental checkpoint, whose
   * unchanged key groups are shared with the one before.
   */
  writtenBytes: number;
  sharedKeyGroups: number;
  subtasks: { uid: string; subtask: number; stateEntries: number; timers: number; bytes: number }[];
  /** Read positions of the sources, where a restore rewinds them to. */
  offsets: { uid: string; subtask: number; offset: number }[];
}

/** pending: waiting for a checkpoint; committed: visible downstream; discarded: lost with a failed attempt. */
export type ResultState = 'pending' | 'committed' | 'discarded';

export interface DeliveredResult extends SinkResult {
  attempt: number;
  state: ResultState;
}

export type MasterStatus = 'running' | 'restarting' | 'finished' | 'failed' | 'canceled';

export class JobMaster {
  private attemptNumber = 0;
  private restarts = 0;
  private recordsProcessed = 0;
  private failOn: number | null = null;
  private nextCheckpointAt: number;
  private finalFailure: JobFailure | null = null;
  /** While restarting: the processing time at which the next attempt starts. */
  private restartAt: number | null = null;
  private failedAttempt: Job | null = null;
  /** Retained checkpoints; incremental ones share unchanged key groups with their base. */
  private readonly completed: { stats: CheckpointStats; held: RetainedCheckpoint }[] = [];
  private pending: DeliveredResult[] = [];
  private readonly resultListeners = new Set<(r: DeliveredResult) => void>();
  private readonly traceListeners = new Set<(e: TraceEvent) => void>();
  private readonly failureListeners = new Set<(f: JobFailure, restarting: boolean) => void>();

  private constructor(
    private readonly doc: PipelineDocument,
    private readonly config: MasterConfig,
    private current: Job,
  ) {
    const interval = config.checkpointing.intervalMs;
    this.nextCheckpointAt =
      interval !== null && config.checkpointing.mode !== 'off' ? interval : Infinity;
    this.attach(current);
  }

  /** Starts a job, fresh or from a savepoint file's text. */
  static async create(
    doc: PipelineDocument,
    config: MasterConfig,
    from?: { savepoint: string; allowNonRestoredState?: boolean },
  ): Promise<JobMaster> {
    const createKeyedState = await config.keyedStateForAttempt?.(0);
    const job = createJob(doc, { ...config, createKeyedState });
    if (from !== undefined) {
      await job.restore(parseSnapshot(from.savepoint), {
        allowNonRestoredState: from.allowNonRestoredState ?? false,
      });
    }
    return new JobMaster(doc, config, job);
  }

  /** The running attempt: its metrics, its clock. */
  get job(): Job {
    return this.current;
  }

  get attempt(): number {
    return this.attemptNumber;
  }

  get status(): MasterStatus {
    if (this.finalFailure !== null) return 'failed';
    if (this.restartAt !== null) return 'restarting';
    const s = this.current.status;
    return s === 'failed' ? 'running' : s;
  }

  get failure(): JobFailure | null {
    return this.finalFailure;
  }

  checkpoints(): readonly CheckpointStats[] {
    return this.completed.map((c) => c.stats);
  }

  onResult(listener: (r: DeliveredResult) => void): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  onTrace(listener: (e: TraceEvent) => void): () => void {
    this.traceListeners.add(listener);
    const off = this.current.onTrace(listener);
    return () => {
      this.traceListeners.delete(listener);
      off();
    };
  }

  /** Called on every failure, with whether the job restarts. */
  onFailure(listener: (f: JobFailure, restarting: boolean) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  async step(sourceUid?: string): Promise<boolean> {
    // Nothing runs while the restart delay passes; the clock moves with advanceProcessingTime.
    if (this.restartAt !== null) return false;
    const stepped = await this.current.stepAsync(sourceUid);
    if (stepped) this.recordsProcessed++;
    if (this.failOn !== null && this.recordsProcessed >= this.failOn) {
      this.failOn = null;
      this.current.fail(`Injected failure after record ${this.recordsProcessed}`);
    }
    await this.afterWork();
    return stepped;
  }

  async advanceProcessingTime(time: number): Promise<void> {
    for (;;) {
      if (this.restartAt !== null) {
        if (time < this.restartAt) return;
        await this.restart();
      }
      if (this.status !== 'running') return;
      const job = this.current;
      const until = Math.min(time, this.nextCheckpointAt);
      // An armed scripted failure counts records one at a time, so it lands on its record.
      while (this.failOn !== null && this.current === job && job.nextArrival() < until) {
        await this.step();
        if (this.status !== 'running' || this.restartAt !== null) break;
      }
      if (this.current !== job || this.restartAt !== null) continue;
      if (this.status !== 'running') return;
      await job.advanceProcessingTimeAsync(until);
      await this.afterWork();
      if (this.current === job && this.restartAt === null && job.processingTime >= time) return;
    }
  }

  async runUntil(condition: RunCondition, maxRecords = Number.MAX_SAFE_INTEGER): Promise<number> {
    if ((condition === 'idle' || condition === 'end') && this.failOn === null) {
      const records = await this.runBatches(maxRecords);
      if (condition === 'end' && this.status === 'running') await this.drain();
      return records;
    }
    let records = 0;
    while (this.status === 'running' && records < maxRecords) {
      const watermarks = this.current.metrics();
      if (!(await this.step())) break;
      records++;
      if (condition === 'record') break;
      if (
        condition !== 'idle' &&
        condition !== 'end' &&
        changed(watermarks, this.current.metrics(), condition)
      )
        break;
    }
    if (condition === 'end' && this.status === 'running') await this.drain();
    return records;
  }

  /** Pending records in batches, each stopping where a periodic checkpoint is due. */
  private async runBatches(maxRecords: number): Promise<number> {
    let records = 0;
    while (this.status === 'running' && records < maxRecords) {
      const n = await this.current.runBatchAsync(
        Math.min(1024, maxRecords - records),
        this.nextCheckpointAt,
      );
      records += n;
      this.recordsProcessed += n;
      await this.afterWork();
      if (n > 0) continue;
      // Nothing before the next checkpoint: move the clock there, or stop when input is idle.
      if (this.current.nextArrival() === Infinity || this.nextCheckpointAt === Infinity) break;
      await this.advanceProcessingTime(this.nextCheckpointAt);
    }
    return records;
  }

  async drain(): Promise<void> {
    if (this.restartAt !== null) await this.restart();
    await this.current.drainAsync();
    await this.afterWork();
  }

  /** Fails the running attempt now (a whole-job or one-subtask failure restarts the job). */
  async injectFailure(where?: { operatorUid: string; subtask: number }): Promise<void> {
    this.current.fail(
      where
        ? `Injected failure in ${where.operatorUid} #${where.subtask}`
        : 'Injected failure of the job',
      where?.operatorUid ?? null,
    );
    await this.afterWork();
  }

  /** Scripted demos: fail once when the run has processed `records` records. */
  failOnRecord(records: number): void {
    this.failOn = records;
  }

  /**
   * Takes a checkpoint now; in exactly-once mode it commits the results before it. With the
   * IndexedDB backend it is incremental: only key groups written since the last one are
   * copied, the rest is shared with it and dropped when no retained checkpoint needs it.
   * If the state backend cannot snapshot (a full IndexedDB), the attempt fails as on any
   * failure, and this rejects with the reason.
   */
  async triggerCheckpoint(): Promise<CheckpointStats> {
    const taken = await this.checkpoint('checkpoint');
    if ('message' in taken) throw new Error(`The checkpoint failed: ${taken.message}`);
    return taken.stats;
  }

  /** A savepoint: always a full copy of the state, as the file the user downloads. */
  async savepoint(): Promise<string> {
    const taken = await this.checkpoint('savepoint');
    if ('message' in taken) throw new Error(`The savepoint failed: ${taken.message}`);
    return taken.file!;
  }

  /**
   * A completed checkpoint (with its file, for a savepoint), or the failure it caused: as in
   * Flink with no tolerated checkpoint failures, a snapshot that fails fails the attempt.
   */
  private async checkpoint(
    kind: CheckpointStats['kind'],
  ): Promise<{ stats: CheckpointStats; file: string | null } | JobFailure> {
    const previous = this.completed.at(-1)?.held;
    const base = kind === 'checkpoint' ? previous?.incrementalBase() : undefined;
    const started = this.config.wallClock?.();
    const job = this.current;
    let snapshot: JobSnapshot;
    try {
      snapshot = await job.snapshot({ incrementalFrom: base });
    } catch (error) {
      job.fail(error instanceof Error ? error.message : String(error));
      const failure = job.failure!;
      await this.afterWork();
      return failure;
    }
    const durationMs = started === undefined ? null : this.config.wallClock!() - started;
    const held = RetainedCheckpoint.hold(snapshot, previous);
    const file = kind === 'savepoint' ? serializeSnapshot(snapshot) : null;
    const stats = checkpointStats(kind, snapshot, held, durationMs, file);
    this.completed.push({ stats, held });
    while (this.completed.length > Math.max(1, this.config.checkpointing.retained)) {
      this.completed.shift();
    }
    if (this.config.checkpointing.mode === 'exactly-once') this.commitPending();
    return { stats, file };
  }

  cancel(): void {
    this.current.cancel();
  }

  private async afterWork(): Promise<void> {
    const job = this.current;
    if (job.status === 'failed') {
      await this.recover(job);
      return;
    }
    if (job.status === 'finished') {
      // The end of input completes the last transaction: nothing is left pending.
      this.commitPending();
      return;
    }
    if (job.processingTime >= this.nextCheckpointAt) {
      const interval = this.config.checkpointing.intervalMs!;
      this.nextCheckpointAt = (Math.floor(job.processingTime / interval) + 1) * interval;
      // A failed checkpoint has failed the attempt, reported through onFailure.
      await this.checkpoint('checkpoint');
    }
  }

  private async recover(failed: Job): Promise<void> {
    const failure = failed.failure!;
    for (const r of this.pending) this.emit({ ...r, state: 'discarded' });
    this.pending = [];
    const { restart } = this.config;
    const restarting = restart.kind === 'fixed-delay' && this.restarts < restart.attempts;
    for (const l of this.failureListeners) l(failure, restarting);
    if (!restarting) {
      this.finalFailure = failure;
      return;
    }
    this.restarts++;
    this.failedAttempt = failed;
    this.restartAt =
      failed.processingTime + (restart.kind === 'fixed-delay' ? (restart.delayMs ?? 0) : 0);
    if (this.restartAt <= failed.processingTime) await this.restart();
  }

  /** Starts the next attempt from the latest checkpoint (its sources rewind to its offsets). */
  private async restart(): Promise<void> {
    const failed = this.failedAttempt!;
    this.restartAt = null;
    this.failedAttempt = null;
    this.attemptNumber++;
    const createKeyedState = await this.config.keyedStateForAttempt?.(this.attemptNumber);
    const next = createJob(this.doc, { ...this.config, createKeyedState });
    const latest = this.completed.at(-1);
    const mode = this.config.checkpointing.mode;
    if (mode !== 'off' && latest !== undefined) {
      // Fresh objects: the restored job cannot change the checkpoint.
      await next.restore(latest.held.snapshot());
    } else if (mode === 'off') {
      // Without checkpoints the sources go on where they were; the state is lost.
      await next.restore(positionsOnly(this.doc.name, this.config, failed), {
        allowNonRestoredState: true,
      });
    }
    this.current = next;
    this.attach(next);
  }

  private attach(job: Job): void {
    const attempt = this.attemptNumber;
    job.onResult((r) => {
      const exactlyOnce = this.config.checkpointing.mode === 'exactly-once';
      const delivered: DeliveredResult = {
        ...r,
        attempt,
        state: exactlyOnce ? 'pending' : 'committed',
      };
      if (exactlyOnce) this.pending.push(delivered);
      this.emit(delivered);
    });
    if (this.config.trace) for (const l of this.traceListeners) job.onTrace(l);
  }

  private commitPending(): void {
    const pending = this.pending;
    this.pending = [];
    for (const r of pending) this.emit({ ...r, state: 'committed' });
  }

  private emit(r: DeliveredResult): void {
    for (const l of this.resultListeners) l(r);
  }
}

function changed(
  before: ReturnType<Job['metrics']>,
  after: ReturnType<Job['metrics']>,
  condition: 'watermark' | 'firing',
): boolean {
  return after.operators.some((o, i) => {
    const b = before.operators[i];
    if (b === undefined) return true;
    return condition === 'watermark' ? o.watermark !== b.watermark : o.firings !== b.firings;
  });
}

/** Sizes come from the retained form, each part measured once; a savepoint's from its file. */
function checkpointStats(
  kind: CheckpointStats['kind'],
  snapshot: JobSnapshot,
  held: RetainedCheckpoint,
  durationMs: number | null,
  file: string | null,
): CheckpointStats {
  const sizes = held.sizes();
  const bytes = file?.length ?? sizes.bytes;
  return {
    id: snapshot.checkpointId,
    kind,
    triggeredAt: snapshot.processingTime,
    durationMs,
    alignmentMs: 0,
    bytes,
    writtenBytes: file === null ? sizes.writtenBytes : bytes,
    sharedKeyGroups: sizes.sharedKeyGroups,
    subtasks: sizes.subtasks,
    offsets: snapshot.sources.flatMap((src) =>
      src.subtasks.map((s, subtask) => ({ uid: src.uid, subtask, offset: s.offset })),
    ),
  };
}

function positionsOnly(pipelineName: string, config: MasterConfig, failed: Job): JobSnapshot {
  return {
    format: SAVEPOINT_FORMAT,
    version: SAVEPOINT_VERSION,
    checkpointId: 0,
    pipelineName,
    backend: config.stateBackend,
    maxParallelism: config.maxParallelism ?? DEFAULT_MAX_PARALLELISM,
    processingTime: failed.processingTime,
    sources: failed.sourcePositions(),
    operators: [],
  };
}
