/**
 * What a run session drives: the job itself, or a job master that checkpoints it and restarts
 * it after failures. The session's loops speak only to this interface, so both run alike.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import type { Job, JobFailure, JobMetrics, JobStatus, SinkResult } from '../engine/runtime/job';
import { JobMaster } from '../engine/runtime/job-master';
import type { CheckpointStats, DeliveredResult, MasterConfig } from '../engine/runtime/job-master';
import { serializeSnapshot } from '../engine/runtime/snapshot';
import type { JobSnapshot } from '../engine/runtime/snapshot';
import type { TraceEvent } from '../engine/runtime/trace';
import type {
  CheckpointRecord,
  FailureReason,
  FailureTarget,
  JobEvent,
  RecoveryBatch,
  ResultState,
  SourceOffset,
} from './recovery-types';

export type SessionJobStatus = JobStatus | 'restarting';

export interface SessionJob {
  /** The running attempt: its clock, metrics, trace sampling and keyed state. */
  readonly job: Job;
  readonly status: SessionJobStatus;
  /** Why the job has failed for good; null while it runs or restarts. */
  readonly failure: JobFailure | null;
  /**
   * Whether a failure-free run from the start replays this run's past exactly (detail
   * batches are such replays): not after a restart, nor for a run restored from a savepoint.
   */
  readonly replayable: boolean;
  /** Up to `budget` records arriving before `before`; how many were processed. */
  runRecords(budget: number, before: number): Promise<number>;
  advanceTo(pt: number): Promise<void>;
  stepOne(): Promise<void>;
  /**
   * The next processing time a periodic checkpoint is due after the clock's, or +Infinity: an
   * advance that stops there takes at most that checkpoint.
   */
  nextCheckpointDue(): number;
  drain(): Promise<void>;
  /** When the next work is due: a record's arrival, or a pending restart. */
  nextArrival(): number;
  /** Records the sources have read, as far as the running attempt is concerned. */
  recordsRead(metrics: JobMetrics): number;
  cancel(): void;
  injectFailure(target: FailureTarget): Promise<void>;
  failOnRecord(records: number): void;
  /** A savepoint file's text. */
  savepoint(): Promise<string>;
  /**
   * What the batch adds beside the trace; null without a job master. `resultsSent` is how many
   * results of the epoch have gone out: the states of results still held back wait with them.
   */
  takeRecovery(resultsSent: number): RecoveryBatch | null;
  /** The checkpoint history so far (empty without a job master). */
  checkpoints(): CheckpointRecord[];
}

interface Hooks {
  onTrace(e: TraceEvent): void;
  onResult(r: SinkResult): void;
  /** A checkpoint or savepoint completed or failed, as the history records it. */
  onCheckpoint?(r: CheckpointRecord): void;
}

/** A job on its own: no checkpoints, and a failure ends it. */
export class PlainSessionJob implements SessionJob {
  constructor(
    readonly job: Job,
    /** Whether keyed state is paged from IndexedDB: the job's async variants are needed. */
    private readonly paged: boolean,
    hooks: Hooks,
  ) {
    job.onTrace((e) => hooks.onTrace(e));
    job.onResult((r) => hooks.onResult(r));
  }

  get status(): SessionJobStatus {
    return this.job.status;
  }

  get failure(): JobFailure | null {
    return this.job.failure;
  }

  get replayable(): boolean {
    return true;
  }

  async runRecords(budget: number, before: number): Promise<number> {
    const job = this.job;
    if (this.paged) return job.runBatchAsync(budget, before);
    let n = 0;
    while (n < budget && job.nextArrival() < before && job.status === 'running') {
      job.step();
      n++;
    }
    return n;
  }

  async advanceTo(pt: number): Promise<void> {
    if (this.paged) await this.job.advanceProcessingTimeAsync(pt);
    else this.job.advanceProcessingTime(pt);
  }

  async stepOne(): Promise<void> {
    if (this.paged) await this.job.stepAsync();
    else this.job.step();
  }

  async drain(): Promise<void> {
    if (this.paged) await this.job.drainAsync();
    else this.job.drain();
  }

  nextArrival(): number {
    return this.job.nextArrival();
  }

  nextCheckpointDue(): number {
    return Infinity;
  }

  recordsRead(metrics: JobMetrics): number {
    return metrics.sources.reduce((n, s) => n + s.recordsOut, 0);
  }

  cancel(): void {
    this.job.cancel();
  }

  async injectFailure(target: FailureTarget): Promise<void> {
    this.job.fail(failureMessage(target), target?.operatorUid ?? null);
  }

  failOnRecord(): void {
    throw new Error('Failing on a record needs checkpointing in the run configuration.');
  }

  async savepoint(): Promise<string> {
    refuseUnlessRunning(this.job.status);
    return serializeSnapshot(await this.job.snapshot());
  }

  takeRecovery(): null {
    return null;
  }

  checkpoints(): CheckpointRecord[] {
    return [];
  }
}

/**
 * A job under a job master. It watches the master (failures, restarts, completed checkpoints,
 * result states) and turns what it sees into the events, history and result states a batch
 * carries, so the UI can show the failure, the restart and the sources rewinding.
 */
export class MasterSessionJob implements SessionJob {
  private batch = emptyBatch();
  private readonly history: CheckpointRecord[] = [];
  private readonly seen = new WeakSet<CheckpointStats>();
  /** The checkpoint whose barriers are travelling, until it completes or the attempt fails. */
  private inFlight: { id: number; kind: 'checkpoint' | 'savepoint'; pt: number } | null = null;
  private savepointPending = false;
  private attemptSeen = 0;
  private restartAt: number | null = null;
  private positionsAtFailure: SourceOffset[] = [];
  private target: FailureTarget = null;
  /** Set while `injectFailure` runs: a failure then is the injected one. */
  private injecting = false;
  private results = 0;
  private failedOnce = false;
  /** A failure on record N is due: records go one master step at a time until it comes. */
  private failOnPending = false;
  /** Processing time per batch of a paced run (see runSpan). */
  private span = 1;
  /** Indexes of pending results, in the order the master commits or discards them. */
  private readonly pending: number[] = [];
  /** Results delivered whose states no batch has carried yet, from index `statesSent` on. */
  private states: { attempt: number; state: ResultState }[] = [];
  private statesSent = 0;
  /** Commits and discards of results whose states no batch has carried yet. */
  private settled: RecoveryBatch['settled'] = [];

  private constructor(
    private readonly master: JobMaster,
    private readonly config: MasterConfig,
    private readonly hooks: Hooks,
    private readonly restored: boolean,
  ) {
    master.onTrace((e) => this.onTrace(e));
    master.onResult((r) => this.onResult(r));
    master.onFailure((f, restarting) => this.onFailure(f, restarting));
  }

  static async create(
    doc: PipelineDocument,
    config: MasterConfig,
    hooks: Hooks,
    from?: { savepoint: string; allowNonRestoredState: boolean },
  ): Promise<MasterSessionJob> {
    const master = await JobMaster.create(doc, config, from);
    const driver = new MasterSessionJob(master, config, hooks, from !== undefined);
    // The restored state is the first checkpoint: a failure before the next one goes back to
    // the savepoint, as in Flink, not to the start of the input.
    if (from !== undefined && config.checkpointing.mode !== 'off') {
      await driver.master.triggerCheckpoint();
    }
    return driver;
  }

  get job(): Job {
    return this.master.job;
  }

  get status(): SessionJobStatus {
    return this.master.status;
  }

  get failure(): JobFailure | null {
    return this.master.failure;
  }

  get replayable(): boolean {
    return !this.restored && !this.failedOnce;
  }

  async runRecords(budget: number, before: number): Promise<number> {
    const master = this.master;
    let n = 0;
    while (n < budget) {
      if (master.status === 'restarting') {
        const at = this.restartAt!;
        if (at >= before) break;
        await master.advanceProcessingTime(at);
        this.noticeRestart();
        continue;
      }
      if (master.status !== 'running') break;
      if (before === Infinity) {
        // As fast as possible: in batches that stop where a periodic checkpoint is due.
        const done = await master.runUntil('idle', budget - n);
        this.noticeRestart();
        n += done;
        if (done === 0 && master.status === 'running') break;
        continue;
      }
      const next = master.job.nextArrival();
      if (next >= before) break;
      if (this.failOnPending) {
        // Only the master's steps count records towards a failure on record N.
        await master.advanceProcessingTime(next);
        if (master.status === 'running' && (await master.step())) n++;
      } else {
        n += await this.runSpan(Math.min(before, next + this.span), budget - n);
      }
      this.noticeRestart();
    }
    return n;
  }

  /**
   * Moves the clock to `until` in batches, periodic checkpoints at their own times; how many
   * records that read. The span of processing time per call adapts to what a budget holds.
   */
  private async runSpan(until: number, budget: number): Promise<number> {
    const read = this.recordsRead();
    await this.master.advanceProcessingTime(until);
    // A restart in between rewinds the sources: that call read nothing new.
    const done = Math.max(0, this.recordsRead() - read);
    if (done < budget / 4) this.span *= 2;
    else if (done > budget) this.span = Math.max(1, this.span / 2);
    return done;
  }

  async advanceTo(pt: number): Promise<void> {
    await this.master.advanceProcessingTime(pt);
    this.noticeRestart();
    this.collectCheckpoints();
  }

  async stepOne(): Promise<void> {
    const master = this.master;
    if (master.status === 'restarting') {
      await master.advanceProcessingTime(this.restartAt!);
    } else {
      await master.advanceProcessingTime(master.job.nextArrival());
      if (master.status === 'running') await master.step();
    }
    this.noticeRestart();
    this.collectCheckpoints();
  }

  async drain(): Promise<void> {
    await this.master.drain();
    this.noticeRestart();
    this.collectCheckpoints();
  }

  nextArrival(): number {
    if (this.master.status === 'restarting') return this.restartAt!;
    return this.master.job.nextArrival();
  }

  nextCheckpointDue(): number {
    const { mode, intervalMs } = this.config.checkpointing;
    if (mode === 'off' || intervalMs === null) return Infinity;
    // The master checkpoints at multiples of the interval (job-master.ts, afterWork).
    return (Math.floor(this.master.job.processingTime / intervalMs) + 1) * intervalMs;
  }

  /** Where the sources read: a restart rewinds them (and a restore starts them) mid-input. */
  recordsRead(): number {
    let n = 0;
    for (const s of this.master.job.sourcePositions()) for (const t of s.subtasks) n += t.offset;
    return n;
  }

  cancel(): void {
    this.master.cancel();
  }

  async injectFailure(target: FailureTarget): Promise<void> {
    if (this.master.status !== 'running') return;
    this.target = target;
    this.injecting = true;
    await this.master.injectFailure(target ?? undefined);
    this.injecting = false;
    this.target = null;
    this.noticeRestart();
  }

  failOnRecord(records: number): void {
    if (!Number.isInteger(records) || records < 1) {
      throw new RangeError(`Fail on record ${records}: give a record count of 1 or more.`);
    }
    this.master.failOnRecord(records);
    this.failOnPending = true;
  }

  async savepoint(): Promise<string> {
    refuseUnlessRunning(this.master.status);
    this.savepointPending = true;
    try {
      const file = await this.master.savepoint();
      this.collectCheckpoints();
      return file;
    } finally {
      this.savepointPending = false;
    }
  }

  takeRecovery(resultsSent: number): RecoveryBatch {
    this.noticeRestart();
    this.collectCheckpoints();
    const batch = this.batch;
    batch.attempt = this.master.attempt;
    batch.status = this.master.status;
    batch.resultBase = this.statesSent;
    batch.results = this.states.splice(0, Math.max(0, resultsSent - this.statesSent));
    this.statesSent += batch.results.length;
    const sent = this.statesSent;
    batch.settled = this.settled.filter((s) => s.index < sent);
    this.settled = this.settled.filter((s) => s.index >= sent);
    this.batch = emptyBatch();
    return batch;
  }

  checkpoints(): CheckpointRecord[] {
    this.collectCheckpoints();
    return this.history.slice();
  }

  private onTrace(e: TraceEvent): void {
    this.noticeRestart();
    if (e.type === 'barrier' && this.inFlight?.id !== e.checkpoint) {
      this.collectCheckpoints();
      this.inFlight = {
        id: e.checkpoint,
        kind: this.savepointPending ? 'savepoint' : 'checkpoint',
        pt: e.pt,
      };
    }
    this.hooks.onTrace(e);
  }

  private onResult(r: DeliveredResult): void {
    const exactlyOnce = this.config.checkpointing.mode === 'exactly-once';
    if (exactlyOnce && r.state !== 'pending') {
      const index = this.pending.shift();
      if (index !== undefined) this.settled.push({ index, state: r.state });
      return;
    }
    if (exactlyOnce) this.pending.push(this.results);
    this.results++;
    this.states.push({ attempt: r.attempt, state: r.state });
    this.hooks.onResult(r);
  }

  private onFailure(failure: JobFailure, restarting: boolean): void {
    this.failedOnce = true;
    // The master's message for it (job-master.ts): the failure on record N has come.
    const onRecord = /^Injected failure after record (\d+)/.exec(failure.message);
    if (onRecord !== null) this.failOnPending = false;
    this.collectCheckpoints();
    const job = this.master.job;
    const pt = job.processingTime;
    const attempt = this.master.attempt;
    if (this.inFlight !== null) {
      const { id, kind, pt: triggeredAt } = this.inFlight;
      this.record({ status: 'failed', id, kind, triggeredAt, attempt, message: failure.message });
      this.inFlight = null;
    }
    const target = this.target;
    const subtask =
      target !== null && target.operatorUid === failure.operatorUid ? target.subtask : null;
    const reason: FailureReason =
      onRecord !== null
        ? 'injected-record'
        : this.injecting
          ? target === null
            ? 'injected-job'
            : 'injected-subtask'
          : 'job-error';
    const record = onRecord !== null ? { record: Number(onRecord[1]) } : {};
    this.batch.events.push({
      kind: 'failed',
      pt,
      attempt,
      ...failure,
      subtask,
      reason,
      ...record,
      restarting,
    });
    this.positionsAtFailure = offsetsOf(job.sourcePositions());
    if (!restarting) return;
    const restart = this.config.restart;
    const delayMs = restart.kind === 'fixed-delay' ? (restart.delayMs ?? 0) : 0;
    this.restartAt = pt + delayMs;
    this.batch.events.push({
      kind: 'restarting',
      pt,
      attempt: attempt + 1,
      restartAt: this.restartAt,
      delayMs,
    });
  }

  /** A new attempt has started: where it restored from, and where its sources read next. */
  private noticeRestart(): void {
    const attempt = this.master.attempt;
    if (attempt === this.attemptSeen) return;
    this.attemptSeen = attempt;
    this.restartAt = null;
    const latest = this.master.checkpoints().at(-1);
    const event: Extract<JobEvent, { kind: 'restored' }> =
      this.config.checkpointing.mode === 'off'
        ? {
            kind: 'restored',
            pt: this.master.job.processingTime,
            attempt,
            checkpointId: null,
            stateRestored: false,
            offsets: this.positionsAtFailure,
          }
        : latest !== undefined
          ? {
              kind: 'restored',
              pt: latest.triggeredAt,
              attempt,
              checkpointId: latest.id,
              stateRestored: true,
              offsets: latest.offsets,
            }
          : {
              kind: 'restored',
              pt: 0,
              attempt,
              checkpointId: null,
              stateRestored: false,
              offsets: this.positionsAtFailure.map((o) => ({ ...o, offset: 0 })),
            };
    this.batch.events.push(event);
  }

  /** Completed checkpoints not yet recorded; the master keeps only the last few. */
  private collectCheckpoints(): void {
    for (const stats of this.master.checkpoints()) {
      if (this.seen.has(stats)) continue;
      this.seen.add(stats);
      if (this.inFlight?.id === stats.id) this.inFlight = null;
      this.record({ ...stats, status: 'completed', attempt: this.master.attempt });
    }
  }

  private record(r: CheckpointRecord): void {
    this.history.push(r);
    this.batch.checkpoints.push(r);
    this.hooks.onCheckpoint?.(r);
  }
}

/** As in Flink, a savepoint is taken of a running job: not one restarting, ended or failed. */
function refuseUnlessRunning(status: SessionJobStatus): void {
  if (status === 'running') return;
  throw new Error(
    status === 'restarting'
      ? 'The job is restarting: take the savepoint once it runs again.'
      : `The job has ${status === 'canceled' ? 'been canceled' : status}: a savepoint is taken of a running job.`,
  );
}

function emptyBatch(): RecoveryBatch {
  return {
    attempt: 0,
    status: 'running',
    resultBase: 0,
    results: [],
    settled: [],
    checkpoints: [],
    events: [],
  };
}

function offsetsOf(sources: JobSnapshot['sources']): SourceOffset[] {
  return sources.flatMap((s) =>
    s.subtasks.map((state, subtask) => ({ uid: s.uid, subtask, offset: state.offset })),
  );
}

function failureMessage(target: FailureTarget): string {
  return target === null
    ? 'Injected failure of the job'
    : `Injected failure in ${target.operatorUid} #${target.subtask}`;
}
