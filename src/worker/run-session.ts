/**
 * A run session: one pipeline run that the UI plays, pauses, steps, seeks and cancels while
 * the trace streams back in batches. The worker owns the clock: playing advances the job's
 * virtual processing time by the wall time that passed times the speed, in short slices with a
 * yield between them, so play/pause/step messages are answered while the job runs.
 *
 * Everything is deterministic in the document and seed: reset and seek re-run the job from
 * the start, so seeking to a time gives the state playing to that time would have given.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import { parsePipeline } from '../engine/pipeline/parse';
import { createJob } from '../engine/runtime/create-job';
import type { Job, JobMetrics, RunConfig, SinkResult } from '../engine/runtime/job';
import type { MasterConfig } from '../engine/runtime/job-master';
import { planJob } from '../engine/runtime/plan';
import type { PlannedOperator } from '../engine/runtime/plan';
import type { TraceEvent } from '../engine/runtime/trace';
import { IndexedDbKeyedStateBackend } from '../engine/state/indexeddb/backend';
import { StateStore } from '../engine/state/indexeddb/store';
import { AttemptStores } from './attempt-stores';
import { activeBreakpoints, breakpointHit, downstreamOf, NO_BREAKPOINTS } from './breakpoints';
import type { BreakpointHit, Breakpoints, Happening, SessionBatch } from './breakpoints';
import { replayDetail } from './detail-replay';
import type { DetailRange, RecordEvent } from './detail-replay';
import { operatorProgress } from './progress';
import { RecordLog } from './record-log';
import { recordKeys, sessionInfo } from './session-info';
import type {
  CheckpointRecord,
  FailureTarget,
  SavepointDownload,
  StateInspection,
  StateQuery,
} from './recovery-types';
import { PILOT_RECORD_EVENTS, sampleEveryFor } from './sampling';
import { savepointDownload } from './savepoint-file';
import { MasterSessionJob, PlainSessionJob } from './session-job';
import type { SessionJob } from './session-job';
import { inspectState, liveState } from './state-inspector';
import type { LiveState } from './state-inspector';
import { MAX_SPEED, MIN_SPEED } from './trace-batch';
import type {
  Progress,
  RecordDescription,
  SessionConfig,
  SessionInfo,
  SessionState,
  Speed,
  TraceView,
} from './trace-batch';
import { TraceBatchEncoder } from './trace-encoder';

/** How far `step` goes: one record, until a watermark advances, or until a window fires. */
export type StepKind = 'record' | 'watermark' | 'firing';

/** What the session needs from where it runs: the wall clock and ways to let messages in. */
export interface SessionHost {
  /** Wall-clock milliseconds. */
  now(): number;
  /** Returns after queued messages (play, pause, ...) have had their turn. */
  yieldToMessages(): Promise<void>;
  /** Waits about `ms` of wall time. */
  sleep(ms: number): Promise<void>;
  /** Wall-clock date in ms since the epoch, for savepoint files' names and times. */
  date?(): number;
  /** The IndexedDB factory for the IndexedDB state backend (the worker's `indexedDB`). */
  indexedDB?: IDBFactory;
  /** Called before each slice of work with the records processed so far (the watchdog's mark). */
  onSlice?(recordsProcessed: number): void;
}

export type SessionStart =
  | { ok: true; info: SessionInfo }
  | { ok: false; failure: { operatorUid: string | null; message: string } };

/** Numbers state databases: names stay unique across the sessions of a worker. */
let databases = 0;

/** Wall time between batches while playing. */
export const BATCH_INTERVAL_MS = 50;
/** Wall time one slice of work may take before the session yields to messages. */
const SLICE_MS = 12;
/** Wall time a paced run waits when it has caught up with its clock. */
const IDLE_WAIT_MS = 16;
/** Records between wall-clock checks within a slice. */
const CHECK_EVERY = 256;

/** A savepoint a session starts from (and reset and seek start from again). */
export interface SessionOrigin {
  savepoint: string;
  allowNonRestoredState: boolean;
}

interface RunState {
  driver: SessionJob;
  /** Deletes the run's state databases. */
  release: () => Promise<void>;
  /** A non-source operator's watermark advanced / a window fired since the flags were reset. */
  sawWatermark: boolean;
  sawFiring: boolean;
}

/** Something the job did: a trace event, a sink's result, a checkpoint's record. */
type Work = { event: TraceEvent } | { result: SinkResult } | { checkpoint: CheckpointRecord };

/** What happened after a breakpoint's event within the same piece of work, kept back. */
interface Held {
  work: Work;
  /** A consequence of the firing or late record before it (see `downstreamOf`). */
  follows: boolean;
  /** The job's metrics before it, when it is the first work after a hit's consequences. */
  metrics: JobMetrics | null;
}

const FIRINGS: Breakpoints = { ...NO_BREAKPOINTS, windowFires: true };

export class RunSession {
  private state: SessionState = 'idle';
  private speed: Speed;
  private view: TraceView | null = null;
  /** Bumped by every command that stops the work in progress; slices check it. */
  private generation = 0;
  private work: Promise<void> = Promise.resolve();
  private run!: RunState;
  private readonly encoder: TraceBatchEncoder;
  private readonly log = new RecordLog();
  private readonly sourceOps: Set<number>;
  private lastFlush = -Infinity;
  private readonly rateSamples: { at: number; records: number }[] = [];
  /** Where the live record sampling rate changed: `every` from processing time `from` on. */
  private readonly liveSampling: { from: number; every: number }[] = [];
  /** The last detail sent for the past, and a counter that retires replays no longer wanted. */
  private detailSent: DetailRange | null = null;
  private detailWanted = 0;
  private breakpoints: Breakpoints = NO_BREAKPOINTS;
  /** Whether breakpoints stop the work now: only while playing, never in steps or re-runs. */
  private catching = false;
  /** The breakpoint the run stopped at; the session stays paused there until it moves on. */
  private hit: BreakpointHit | null = null;
  /**
   * The job does its work in pieces (a record, a clock advance) that cannot stop halfway: what
   * came after the hit within its piece waits here, unsent, and is let out when the run moves
   * on, so the trace stops at the event (play stops again at the next hit among them).
   */
  private held: Held[] | null = null;
  /** The job's metrics where the held work starts: the badges stop at the hit too. */
  private heldMetrics: JobMetrics | null = null;
  /**
   * While breakpoints are watched, the operator of the last firing or late record (or a
   * checkpoint's completion) and those its output reaches, as long as only its consequences
   * have followed it; otherwise null.
   */
  private tail: { op: string | null; reach: ReadonlySet<string> } | null = null;
  private readonly downstream: Map<string, ReadonlySet<string>>;
  /** Results of the epoch sent so far: the states of held ones wait with them. */
  private resultsSent = 0;

  private constructor(
    private readonly doc: PipelineDocument,
    private readonly config: SessionConfig,
    private readonly plan: PlannedOperator[],
    readonly info: SessionInfo,
    private readonly onBatch: (batch: SessionBatch) => void,
    private readonly host: SessionHost,
    private readonly origin: SessionOrigin | null,
  ) {
    this.speed = clampSpeed(config.speed);
    this.encoder = new TraceBatchEncoder(info.operators, recordKeys(plan));
    this.sourceOps = new Set(plan.flatMap((op, i) => (op.kind.startsWith('source.') ? [i] : [])));
    this.downstream = downstreamOf(plan);
  }

  /** Checks the document as the CLI reads its file and sets the job up, paused at the start. */
  static async start(
    doc: PipelineDocument,
    config: SessionConfig,
    onBatch: (batch: SessionBatch) => void,
    host: SessionHost,
    origin: SessionOrigin | null = null,
  ): Promise<{ ok: true; session: RunSession } | Extract<SessionStart, { ok: false }>> {
    const read = parsePipeline(JSON.stringify(doc));
    if (!read.ok) {
      const message = read.problems.map((p) => `${p.code}: ${p.message}`).join('\n');
      return { ok: false, failure: { operatorUid: read.problems[0]?.nodeUid ?? null, message } };
    }
    if (config.stateBackend === 'indexeddb' && host.indexedDB === undefined) {
      const message = 'The IndexedDB state backend needs IndexedDB, which is not available here.';
      return { ok: false, failure: { operatorUid: null, message } };
    }
    const plan = planJob(read.doc, config.parallelism);
    const session = new RunSession(
      read.doc,
      config,
      plan,
      sessionInfo(read.doc, plan),
      onBatch,
      host,
      origin,
    );
    try {
      await session.createRun();
    } catch (e) {
      return { ok: false, failure: failureOf(e) };
    }
    session.flush();
    return { ok: true, session };
  }

  play(): void {
    if (this.state !== 'idle' && this.state !== 'paused') return;
    this.state = 'running';
    const generation = ++this.generation;
    this.work = this.work.then(() => this.playLoop(generation));
  }

  /** Stops playing at the end of the current slice and sends what it did. */
  async pause(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.generation++;
    await this.work;
    this.flush();
  }

  setSpeed(speed: Speed): void {
    this.speed = clampSpeed(speed);
  }

  /** Where play stops from now on (also while it plays). */
  setBreakpoints(breakpoints: Breakpoints): void {
    const uid = breakpoints.operatorUid;
    if (uid !== null && !this.info.operators.some((o) => o.uid === uid)) {
      throw new RangeError(`No operator "${uid}" in this run.`);
    }
    this.breakpoints = { ...breakpoints };
  }

  /** The breakpoint the run is paused at, or null. */
  pausedAt(): BreakpointHit | null {
    return this.hit;
  }

  /**
   * The processing-time range in view: record events are sampled for it from now on, and the
   * part already run gets a detail batch if it was sent more sparsely than the view asks.
   */
  setView(view: TraceView): void {
    this.view = { ...view };
    this.resample();
    this.detailThePast(this.view);
  }

  /** Pauses, then runs until the step is done; resolves with the progress it sent. */
  async step(kind: StepKind): Promise<Progress> {
    await this.pause();
    this.catching = false;
    // Paused among firings of one piece of work: the next firing is among those held.
    if (this.release(kind === 'firing' ? FIRINGS : null)) {
      this.stopAtHit();
      return this.progress();
    }
    if (isOver(this.state)) return this.flush();
    const generation = ++this.generation;
    const step = this.work.then(() => this.stepUntil(kind, generation));
    this.work = step;
    await step;
    this.state = 'paused';
    return this.flush();
  }

  /** Re-runs from the start to processing time `pt` and pauses there. */
  async seek(pt: number): Promise<Progress> {
    if (!Number.isFinite(pt) || pt < 0) {
      throw new RangeError(`Cannot seek to ${pt}: a processing time is a finite number >= 0.`);
    }
    await this.pause();
    const generation = ++this.generation;
    const seek = this.work.then(async () => {
      await this.restart();
      this.state = 'paused';
      this.flush();
      await this.runTo(pt, generation);
    });
    this.work = seek;
    await seek;
    return this.flush();
  }

  /** Back to the start, not yet run. */
  async reset(): Promise<Progress> {
    await this.pause();
    this.generation++;
    await this.work;
    await this.restart();
    return this.flush();
  }

  /** Stops the run where it is, for good (reset or seek start it again). */
  async cancel(): Promise<Progress> {
    this.generation++;
    await this.work;
    this.moveOn();
    this.run.driver.cancel();
    // A job that had already ended stays as it ended.
    const status = this.run.driver.status;
    this.state = status === 'running' || status === 'restarting' ? this.state : status;
    return this.flush();
  }

  /**
   * Fails the job now, whole or in one operator subtask: with checkpointing it restarts under
   * the restart strategy from its latest checkpoint, else the run ends failed.
   */
  async injectFailure(target: FailureTarget = null): Promise<Progress> {
    if (target !== null) {
      const op = this.info.operators.find((o) => o.uid === target.operatorUid);
      if (op === undefined)
        throw new RangeError(`No operator "${target.operatorUid}" in this run.`);
      if (
        !Number.isInteger(target.subtask) ||
        target.subtask < 0 ||
        target.subtask >= op.parallelism
      ) {
        throw new RangeError(
          `"${op.uid}" has subtasks 0 to ${op.parallelism - 1}, not ${target.subtask}.`,
        );
      }
    }
    await this.settleWork();
    this.moveOn();
    await this.run.driver.injectFailure(target);
    return this.flush();
  }

  /** Scripted demos: the job fails once when it has processed this many records. */
  failOnRecord(records: number): void {
    this.run.driver.failOnRecord(records);
  }

  /** The checkpoint history: completed and failed checkpoints and savepoints, oldest first. */
  checkpoints(): CheckpointRecord[] {
    return this.run.driver.checkpoints();
  }

  /** A savepoint of the job where it is now, as the file to download. */
  async takeSavepoint(): Promise<SavepointDownload> {
    await this.settleWork();
    this.moveOn();
    const file = await this.run.driver.savepoint();
    const download = await savepointDownload(file, this.host.date?.() ?? null);
    this.flush();
    return download;
  }

  /** Keyed state of the paused job, per operator subtask, with one page of its entries. */
  async inspectState(query: StateQuery = {}): Promise<StateInspection> {
    await this.settleWork();
    return inspectState(this.run.driver.job, query);
  }

  /** Every keyed operator's state now, for a diff with a savepoint. */
  async liveState(): Promise<LiveState> {
    await this.settleWork();
    return liveState(this.run.driver.job);
  }

  describe(recordId: number): RecordDescription | null {
    return this.log.describe(recordId, this.info.operators, (i) => this.encoder.keyAt(i));
  }

  /** Stops everything and releases the state database. */
  async dispose(): Promise<void> {
    this.generation++;
    this.detailWanted++;
    await this.work;
    await this.run.release();
  }

  /** Reads and snapshots need the job between records: only while it is not playing. */
  private async settleWork(): Promise<void> {
    if (this.state === 'running') {
      throw new Error('Pause the run first: state is read between records.');
    }
    await this.work;
  }

  private async createRun(): Promise<void> {
    const hooks = {
      onTrace: (e: TraceEvent) => this.onTrace(e),
      onResult: (r: SinkResult) => this.take({ result: r }),
      onCheckpoint: (r: CheckpointRecord) => this.take({ checkpoint: r }),
    };
    const name = `session-${this.host.now().toFixed(0)}-${databases++}`;
    const indexedDb = this.config.stateBackend === 'indexeddb';
    const runConfig: RunConfig = {
      time: this.config.time,
      stateBackend: this.config.stateBackend,
      parallelism: this.config.parallelism,
      seed: this.config.seed,
      trace: { sampleEvery: 1 },
    };
    const { checkpointing } = this.config;
    if (checkpointing !== undefined || this.origin !== null) {
      const stores = indexedDb ? new AttemptStores(this.host.indexedDB!, name) : null;
      const masterConfig: MasterConfig = {
        ...runConfig,
        checkpointing: checkpointing ?? { mode: 'off', intervalMs: null, retained: 1 },
        restart: this.config.restart ?? { kind: 'none' },
        wallClock: () => this.host.now(),
        ...(stores !== null ? { keyedStateForAttempt: stores.forAttempt } : {}),
      };
      try {
        const driver = await MasterSessionJob.create(
          this.doc,
          masterConfig,
          hooks,
          this.origin ?? undefined,
        );
        this.run = {
          driver,
          release: () => stores?.destroyAll() ?? Promise.resolve(),
          sawWatermark: false,
          sawFiring: false,
        };
      } catch (e) {
        await stores?.destroyAll();
        throw e;
      }
      return;
    }
    const store = indexedDb ? await StateStore.open({ factory: this.host.indexedDB!, name }) : null;
    if (store !== null) {
      runConfig.createKeyedState = (operatorUid, keyGroupRange) =>
        new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
    }
    let job: Job;
    try {
      job = createJob(this.doc, runConfig);
    } catch (e) {
      await store?.destroy();
      throw e;
    }
    this.run = {
      driver: new PlainSessionJob(job, store !== null, hooks),
      release: () => store?.destroy() ?? Promise.resolve(),
      sawWatermark: false,
      sawFiring: false,
    };
  }

  private async restart(): Promise<void> {
    const old = this.run.release;
    this.encoder.restart();
    this.log.clear();
    this.rateSamples.length = 0;
    this.liveSampling.length = 0;
    this.detailSent = null;
    this.detailWanted++;
    this.hit = null;
    this.held = null;
    this.heldMetrics = null;
    this.tail = null;
    this.resultsSent = 0;
    this.catching = false;
    await this.createRun();
    this.state = 'idle';
    this.resample();
    await old();
  }

  private onTrace(e: TraceEvent): void {
    this.take({ event: e });
  }

  /** What the job did: sent on, or held while the run stands at a hit. */
  private take(work: Work): void {
    const before = this.tail;
    const follows = (this.catching || this.held !== null) && this.follows(work);
    if (this.held === null) return this.out(work, this.catching ? this.breakpoints : null);
    if (follows && this.held.length === 0) {
      this.pass(work);
      return;
    }
    const metrics = !follows && before !== null ? this.run.driver.job.metrics() : null;
    this.hold({ work, follows, metrics });
  }

  /** Whether the work is a consequence of the last firing or late record; tracks `tail`. */
  private follows(work: Work): boolean {
    const tail = this.tail;
    if ('result' in work) return tail !== null && tail.reach.has(work.result.sink);
    if ('checkpoint' in work) {
      this.tail = work.checkpoint.status === 'completed' ? { op: null, reach: new Set() } : null;
      return false;
    }
    const e = work.event;
    // Its operator's output, or anything in the operators after it; not a new input to it.
    if (e.type === 'record' && tail?.reach.has(e.op) && (e.op !== tail.op || e.dir === 'out')) {
      return true;
    }
    const hits = e.type === 'late' || (e.type === 'window' && e.action === 'fired');
    this.tail = hits ? { op: e.op, reach: this.downstream.get(e.op) ?? new Set([e.op]) } : null;
    return false;
  }

  /** Sends the work on and, if `match` is set, stops at it when it is a hit. */
  private out(work: Work, match: Breakpoints | null): void {
    const recordId = this.pass(work);
    if (match === null || 'result' in work) return;
    this.catch('event' in work ? { event: work.event, recordId } : work, match);
  }

  /** Sends the work on; returns the record id of a record or late record, else -1. */
  private pass(work: Work): number {
    if ('event' in work) return this.traceEvent(work.event);
    if ('result' in work) {
      this.encoder.result(work.result);
      this.resultsSent++;
    }
    return -1;
  }

  private hold(held: Held): void {
    if (this.held!.length === 0) this.heldMetrics = held.metrics ?? this.run.driver.job.metrics();
    this.held!.push(held);
  }

  /** Stops at this happening if a breakpoint says so: what follows in its piece is held. */
  private catch(happening: Happening, match: Breakpoints): boolean {
    const hit = breakpointHit(match, happening);
    if (hit === null) return false;
    this.hit = hit;
    this.held = [];
    return true;
  }

  /**
   * Lets out what was held after the hit. With `match` (the breakpoints while catching), the
   * run stops again at the next hit among it (true), and the rest stays held.
   */
  private release(match: Breakpoints | null = this.catching ? this.breakpoints : null): boolean {
    const held = this.held ?? [];
    this.hit = null;
    this.held = null;
    this.heldMetrics = null;
    for (const item of held) {
      // `out` may stop at a hit, and what comes after it is held again.
      const holding = this.held as Held[] | null;
      if (holding === null) this.out(item.work, match);
      else if (item.follows && holding.length === 0) this.pass(item.work);
      else this.hold(item);
    }
    return this.hit !== null;
  }

  /** Any command but play: the run leaves its breakpoint, and the held trace goes out. */
  private moveOn(): void {
    this.catching = false;
    this.release(null);
  }

  /** Sends the trace event on; returns its record id (for records and late records) or -1. */
  private traceEvent(e: TraceEvent): number {
    const run = this.run;
    if (e.type === 'record') return this.pushRecord(e);
    const encoded = this.encoder.push(e);
    switch (e.type) {
      case 'late':
        this.log.addRecord(encoded.id, {
          op: encoded.op,
          subtask: e.subtask,
          value: e.value,
          ts: e.ts,
          pt: e.pt,
          key: encoded.key,
          late: { watermark: e.watermark, outcome: e.outcome },
        });
        break;
      case 'window':
        if (e.action === 'fired') run.sawFiring = true;
        if (e.action !== 'purged') {
          this.log.addWindow(
            encoded.op,
            e.subtask,
            encoded.key,
            e.start,
            e.end,
            e.action === 'fired',
          );
        }
        break;
      case 'watermark':
        if (!this.sourceOps.has(encoded.op)) run.sawWatermark = true;
        break;
    }
    return encoded.id;
  }

  private async playLoop(generation: number): Promise<void> {
    // `play` answers before the first slice: a job that hangs at once still said it started.
    await this.host.yieldToMessages();
    const driver = this.run.driver;
    let target = driver.job.processingTime;
    let lastWall = this.host.now();
    // Moving on from a breakpoint: the next hit may be among what its piece of work held back.
    this.catching = generation === this.generation && activeBreakpoints(this.breakpoints) > 0;
    if (this.release()) return this.stopAtHit();
    while (generation === this.generation && this.active()) {
      this.host.onSlice?.(this.recordsProcessed());
      const sliceStart = this.host.now();
      const speed = this.speed;
      this.catching = activeBreakpoints(this.breakpoints) > 0;
      let caughtUp: boolean;
      if (speed === 'max') {
        await this.slice((budget) => this.playRecords(budget, Infinity), sliceStart);
        caughtUp = false;
      } else {
        // From where the job is: a stretch at 'max' may have run ahead of the paced clock.
        target = Math.max(target, driver.job.processingTime) + (sliceStart - lastWall) * speed;
        caughtUp = await this.slice((budget) => this.playRecords(budget, target), sliceStart);
        if (caughtUp && this.active() && this.hit === null) await this.playClockTo(target);
      }
      lastWall = sliceStart;
      if (this.hit === null && driver.nextArrival() === Infinity) await this.drain();
      if (this.hit !== null) return this.stopAtHit();
      this.resample();
      if (this.host.now() - this.lastFlush >= BATCH_INTERVAL_MS) this.flush();
      if (caughtUp) await this.host.sleep(IDLE_WAIT_MS);
      else await this.host.yieldToMessages();
    }
    this.catching = false;
    if (generation === this.generation) {
      this.settle();
      this.flush();
    }
  }

  /** Pauses right after the breakpoint's event and sends the batch up to it. */
  private stopAtHit(): void {
    this.catching = false;
    this.state = 'paused';
    const metrics = this.heldMetrics ?? this.run.driver.job.metrics();
    this.hit!.recordsProcessed = this.run.driver.recordsRead(metrics);
    this.resample();
    this.flush();
  }

  /**
   * Play's records before `before`. While a breakpoint may stop the run, one piece of work at
   * a time, so the run stops on the piece that hit: the clock's own work up to the next
   * arrival (periodic watermarks, timers, checkpoints), then that record.
   */
  private async playRecords(budget: number, before: number): Promise<number> {
    if (!this.catching) return this.runRecords(budget, before);
    const driver = this.run.driver;
    let n = 0;
    while (n < budget && this.active() && this.hit === null) {
      const next = driver.nextArrival();
      if (next >= before) break;
      await this.playClockTo(next);
      // A restart in between rewinds the sources: look again for what comes next.
      if (this.hit !== null || !this.active() || driver.nextArrival() !== next) continue;
      await this.stepOne();
      n++;
    }
    return n;
  }

  /** Moves the clock to `pt`; while catching, one checkpoint at a time. */
  private async playClockTo(pt: number): Promise<void> {
    const driver = this.run.driver;
    if (!this.catching) return this.advanceTo(pt);
    for (;;) {
      const stop = Math.min(pt, driver.nextCheckpointDue());
      await this.advanceTo(stop);
      if (stop >= pt || this.hit !== null || driver.status !== 'running') return;
    }
  }

  /** Runs `work` (records up to a budget) until the slice's wall time is used up. */
  private async slice(
    work: (budget: number) => Promise<number>,
    sliceStart: number,
  ): Promise<boolean> {
    const pilot = this.run.driver.job.trace!.recordEvents < PILOT_RECORD_EVENTS;
    for (;;) {
      const budget = pilot ? 32 : CHECK_EVERY;
      const done = await work(budget);
      this.resample();
      if (done < budget || !this.active() || this.hit !== null) return true;
      if (pilot || this.host.now() - sliceStart >= SLICE_MS) return false;
    }
  }

  /** Up to `budget` records arriving before `before`; how many there were. */
  private runRecords(budget: number, before: number): Promise<number> {
    return this.run.driver.runRecords(budget, before);
  }

  private advanceTo(pt: number): Promise<void> {
    return this.run.driver.advanceTo(pt);
  }

  /** Running, or restarting after a failure (the clock moves on to the restart). */
  private active(): boolean {
    const status = this.run.driver.status;
    return status === 'running' || status === 'restarting';
  }

  /** At the end of the input, as a run does: the clock runs out and every window fires. */
  private async drain(): Promise<void> {
    if (!this.active() || this.info.recordsTotal === null) return;
    await this.run.driver.drain();
  }

  private async stepUntil(kind: StepKind, generation: number): Promise<void> {
    const run = this.run;
    const driver = run.driver;
    run.sawWatermark = false;
    run.sawFiring = false;
    const done = () =>
      kind === 'watermark' ? run.sawWatermark : kind === 'firing' ? run.sawFiring : false;
    if (kind === 'record') driver.job.trace!.setSampleEvery(1);
    while (generation === this.generation && this.active()) {
      this.host.onSlice?.(this.recordsProcessed());
      const sliceStart = this.host.now();
      if (driver.nextArrival() === Infinity) {
        await this.drain();
        break;
      }
      if (kind === 'record') {
        await this.stepOne();
        break;
      }
      while (!done() && this.active() && driver.nextArrival() !== Infinity) {
        await this.stepOne();
        if (this.host.now() - sliceStart >= SLICE_MS) break;
      }
      if (done()) break;
      this.resample();
      if (this.host.now() - this.lastFlush >= BATCH_INTERVAL_MS) this.flush();
      await this.host.yieldToMessages();
    }
    this.resample();
  }

  private stepOne(): Promise<void> {
    return this.run.driver.stepOne();
  }

  /** Runs every record that arrives before `pt`, then moves the clock there. */
  private async runTo(pt: number, generation: number): Promise<void> {
    while (generation === this.generation && this.active()) {
      this.host.onSlice?.(this.recordsProcessed());
      const caughtUp = await this.slice((budget) => this.runRecords(budget, pt), this.host.now());
      this.resample();
      if (caughtUp) {
        if (this.active()) await this.advanceTo(pt);
        return;
      }
      if (this.host.now() - this.lastFlush >= BATCH_INTERVAL_MS) this.flush();
      await this.host.yieldToMessages();
    }
  }

  /** The session is over when its job is. */
  private settle(): void {
    // The job may have ended within the hit's piece of work: it is not over till that is out.
    if (this.hit !== null) return;
    const status = this.run.driver.status;
    if (status !== 'running' && status !== 'restarting') this.state = status;
  }

  /** Encodes a record event and keeps its value for `describe`; returns its id. */
  private pushRecord(e: RecordEvent): number {
    const { id, op, key } = this.encoder.push(e);
    const { subtask, value, ts, pt } = e;
    this.log.addRecord(id, { op, subtask, value, ts, pt, key, late: null });
    return id;
  }

  private resample(): void {
    const trace = this.run.driver.job.trace!;
    const pt = this.run.driver.job.processingTime;
    const every = sampleEveryFor(this.view, { recordEvents: trace.recordEvents, span: pt }, pt);
    trace.setSampleEvery(every);
    // Only changes that matter are kept, so the history stays short over a long run.
    const current = this.liveSampling[this.liveSampling.length - 1];
    if (current === undefined || every > current.every * 1.25 || every < current.every * 0.8) {
      this.liveSampling.push({ from: pt, every });
    }
  }

  /** Replays the part of `view` already run when what was sent there is too sparse for it. */
  private detailThePast(view: TraceView): void {
    // A replay from the start, without failures, would not be this run's past.
    if (!this.run.driver.replayable) return;
    const job = this.run.driver.job;
    const ran = job.processingTime;
    if (view.ptFrom >= ran || view.ptTo <= view.ptFrom) return;
    const trace = job.trace!;
    const ptFrom = Math.max(0, view.ptFrom);
    const ptTo = Math.min(view.ptTo, ran);
    const sampleEvery = sampleEveryFor(
      view,
      { recordEvents: trace.recordEvents, span: ran },
      ptFrom,
    );
    if (this.sentEvery(ptFrom, ptTo) <= sampleEvery * 2) return;
    const wanted = ++this.detailWanted;
    const range = { ptFrom, ptTo, sampleEvery };
    const { time, parallelism, seed } = this.config;
    void replayDetail(
      this.doc,
      { time, parallelism, seed },
      range,
      () => this.host.yieldToMessages(),
      () => wanted === this.detailWanted,
    ).then((events) => {
      if (events === null || wanted !== this.detailWanted) return;
      // What the live run has pending goes first: the detail batch holds records only.
      this.flush();
      for (const e of events) this.pushRecord(e);
      this.detailSent = range;
      this.send(this.encoder.take(this.progress(), { ptFrom, ptTo }));
    });
  }

  /** The sparsest sampling the records sent for [from, to] had, live or as detail. */
  private sentEvery(from: number, to: number): number {
    const detail = this.detailSent;
    if (detail !== null && detail.ptFrom <= from && detail.ptTo >= to) return detail.sampleEvery;
    let sparsest = 1;
    const changes = this.liveSampling;
    for (let i = 0; i < changes.length; i++) {
      const end = changes[i + 1]?.from ?? Infinity;
      if (changes[i]!.from <= to && end >= from) sparsest = Math.max(sparsest, changes[i]!.every);
    }
    return sparsest;
  }

  private recordsProcessed(): number {
    let n = 0;
    for (const s of this.run.driver.job.metrics().sources) n += s.recordsOut;
    return n;
  }

  /** Sends what happened since the last batch; returns the progress it sent. */
  private flush(): Progress {
    this.settle();
    this.lastFlush = this.host.now();
    const progress = this.progress();
    // The batch's buffers are transferred away: the caller gets its own copy.
    const returned = { ...progress, watermarks: progress.watermarks.slice() };
    const batch = this.encoder.take(progress);
    const recovery = this.run.driver.takeRecovery(this.resultsSent);
    if (recovery !== null) batch.recovery = recovery;
    this.send(batch);
    return returned;
  }

  /** Every batch while paused at a breakpoint says which. */
  private send(batch: SessionBatch): void {
    if (this.hit !== null) batch.breakpoint = this.hit;
    this.onBatch(batch);
  }

  private progress(): Progress {
    const job = this.run.driver.job;
    // Paused at a breakpoint, the figures stand where the held work starts.
    const metrics = (this.hit !== null ? this.heldMetrics : null) ?? job.metrics();
    const recordsProcessed = this.run.driver.recordsRead(metrics);
    return {
      state: this.state,
      recordsProcessed,
      recordsTotal: this.info.recordsTotal,
      ratePerSecond: this.rate(recordsProcessed),
      // Paused at a breakpoint, the clock stands at its event (the rest of its piece is held).
      processingTime: this.hit?.processingTime ?? job.processingTime,
      ...operatorProgress(this.info, metrics),
      sampleEvery: this.currentSampleEvery(),
      failure: this.run.driver.failure,
    };
  }

  private currentSampleEvery(): number {
    const trace = this.run.driver.job.trace!;
    const pt = this.run.driver.job.processingTime;
    return sampleEveryFor(this.view, { recordEvents: trace.recordEvents, span: pt }, pt);
  }

  /** Source records per wall second over about the last second. */
  private rate(records: number): number {
    const now = this.host.now();
    const samples = this.rateSamples;
    samples.push({ at: now, records });
    while (samples.length > 2 && now - samples[1]!.at >= 1000) samples.shift();
    const first = samples[0]!;
    const elapsed = now - first.at;
    // A restart rewinds the sources: the replay is not a negative rate.
    return elapsed > 0 ? Math.max(0, ((records - first.records) * 1000) / elapsed) : 0;
  }
}

function isOver(state: SessionState): boolean {
  return state === 'finished' || state === 'failed' || state === 'canceled';
}

function clampSpeed(speed: Speed): Speed {
  if (speed === 'max') return speed;
  if (!Number.isFinite(speed)) {
    throw new RangeError(
      `Speed ${speed} is not a number: use ${MIN_SPEED} to ${MAX_SPEED}, or 'max'.`,
    );
  }
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

function failureOf(e: unknown): { operatorUid: string | null; message: string } {
  const operatorUid =
    typeof e === 'object' && e !== null && 'operatorUid' in e ? String(e.operatorUid) : null;
  return { operatorUid, message: e instanceof Error ? e.message : String(e) };
}
