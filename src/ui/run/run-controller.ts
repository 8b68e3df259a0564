/**
 * The run session as the UI drives it: starts a session in the engine Worker, forwards the
 * controls, and feeds the worker's trace batches into the run store and the timeline model at
 * most once per animation frame. The engine comes in as an argument so tests run it in-process.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { Breakpoints, SessionBatch } from '../../worker/breakpoints';
import type { SessionStart, StepKind } from '../../worker/client';
import type {
  Progress,
  RecordDescription,
  SessionInfo,
  Speed,
  TraceBatch,
  TraceView,
} from '../../worker/trace-batch';
import { TraceAdapter } from '../timeline/adapter';
import { TimelineModel } from '../timeline/model';
import { FrameBatches, type ScheduleFrame } from './frame-batches';
import type { RunConfig } from './config';
import type { RunStore } from './store/run-store';

type Maybe<T> = T | Promise<T>;

/** The session calls of the engine API (`engine()` in the app, the API in-process in tests). */
export interface RunEngine {
  start(
    doc: PipelineDocument,
    config: ReturnType<RunStore['getState']>['config'],
    onBatch: (batch: SessionBatch) => unknown,
  ): Maybe<SessionStart>;
  play(): Maybe<unknown>;
  setBreakpoints(breakpoints: Breakpoints): Maybe<unknown>;
  pause(): Maybe<unknown>;
  setSpeed(speed: Speed): Maybe<unknown>;
  step(kind: StepKind): Maybe<Progress>;
  seek(processingTime: number): Maybe<Progress>;
  reset(): Maybe<Progress>;
  cancel(): Maybe<Progress>;
  setView(view: TraceView): Maybe<unknown>;
  describe(recordId: number): Maybe<RecordDescription | null>;
}

/** Breakpoints narrowed to an operator the session does not have stop for every operator. */
function forSession(breakpoints: Breakpoints, info: SessionInfo): Breakpoints {
  const uid = breakpoints.operatorUid;
  const known = uid === null || info.operators.some((o) => o.uid === uid);
  return known ? breakpoints : { ...breakpoints, operatorUid: null };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class RunController {
  readonly model = new TimelineModel();
  private readonly adapter = new TraceAdapter(this.model);
  private readonly frames: FrameBatches;
  /** Bumped by every start: batches of an older session are ignored. */
  private session = 0;
  private viewValue: TraceView | null = null;
  /** Panels that read more of the batches than the run store keeps (checkpoints, result states). */
  private readonly batchListeners = new Set<(batches: readonly TraceBatch[]) => void>();

  constructor(
    private readonly engine: () => RunEngine,
    readonly store: RunStore,
    schedule: ScheduleFrame,
    /** Tells whether an engine call failed because the watchdog stopped the engine. */
    private readonly isStopped: (error: unknown) => boolean = () => false,
  ) {
    this.frames = new FrameBatches(schedule, (batches) => this.merge(batches));
  }

  /** Sets a session up for `doc`, paused at the start; true when it started. */
  start(doc: PipelineDocument): Promise<boolean> {
    return this.startWith(doc, (config, onBatch) => this.engine().start(doc, config, onBatch));
  }

  /**
   * Sets a session up for `doc` the way `open` asks the engine to (a restore from a savepoint
   * file), paused at the start; true when it started.
   */
  async startWith(
    doc: PipelineDocument,
    open: (config: RunConfig, onBatch: (batch: TraceBatch) => void) => Maybe<SessionStart>,
  ): Promise<boolean> {
    const session = ++this.session;
    this.frames.hold();
    this.frames.clear();
    const { store } = this;
    store.getState().begin(doc);
    const config = store.getState().config;
    let started: SessionStart;
    try {
      started = await open(config, (batch) => {
        if (session === this.session) this.frames.push(batch);
      });
    } catch (error) {
      if (session === this.session) this.fail(error);
      return false;
    }
    if (session !== this.session) return false;
    if (!started.ok) {
      store.getState().failed(started.failure);
      return false;
    }
    this.adapter.start(started.info, config.time);
    store.getState().started(started.info);
    // Before anything can play it: where it stops (calls reach the worker in order).
    const breakpoints = forSession(config.breakpoints, started.info);
    void this.call((e) => e.setBreakpoints(breakpoints));
    this.frames.release();
    const view = this.viewValue;
    if (view !== null) void this.call((e) => e.setView(view));
    return true;
  }

  /** Starts a session for `doc` and plays it: the Run button. */
  async run(doc: PipelineDocument): Promise<void> {
    if (await this.start(doc)) await this.play();
  }

  async play(): Promise<void> {
    await this.call((e) => e.play());
  }

  async pause(): Promise<void> {
    await this.call((e) => e.pause());
  }

  /** Where play stops, for this session (also while it plays) and the next ones. */
  async setBreakpoints(breakpoints: Breakpoints): Promise<void> {
    this.store.getState().setConfig({ breakpoints });
    const { info } = this.store.getState();
    if (info !== null) await this.call((e) => e.setBreakpoints(forSession(breakpoints, info)));
  }

  async setSpeed(speed: Speed): Promise<void> {
    this.store.getState().setConfig({ speed });
    if (this.store.getState().info !== null) await this.call((e) => e.setSpeed(speed));
  }

  step(kind: StepKind): Promise<void> {
    return this.command((e) => e.step(kind));
  }

  /** Re-runs deterministically to processing time `pt`, paused there. */
  seek(pt: number): Promise<void> {
    return this.command((e) => e.seek(pt));
  }

  reset(): Promise<void> {
    return this.command((e) => e.reset());
  }

  cancel(): Promise<void> {
    return this.command((e) => e.cancel());
  }

  /** What the timeline shows: the worker samples the live trace for it. */
  setView(view: TraceView): void {
    this.viewValue = view;
    if (this.store.getState().info !== null) void this.call((e) => e.setView(view));
  }

  /** The processing-time range the timeline shows, as it last said. */
  get view(): TraceView | null {
    return this.viewValue;
  }

  async describe(recordId: number): Promise<RecordDescription | null> {
    try {
      return await this.engine().describe(recordId);
    } catch {
      return null;
    }
  }

  /** Merges every batch that has arrived, now rather than at the next frame. */
  flush(): void {
    this.frames.flush();
  }

  /** Forgets the session (the engine was restarted): the store and timeline start empty. */
  clear(): void {
    this.session++;
    this.frames.hold();
    this.frames.clear();
    this.model.reset([]);
    this.store.getState().clear();
  }

  private merge(batches: TraceBatch[]): void {
    try {
      for (const batch of batches) this.adapter.apply(batch);
    } catch (error) {
      // A lost batch: the picture cannot be trusted, but the store's figures still can.
      this.store.getState().failed({ operatorUid: null, message: messageOf(error) });
    }
    this.store.getState().merge(batches);
    for (const listener of this.batchListeners) listener(batches);
  }

  /** Calls `listener` with every frame's batches once merged; returns how to stop. */
  onBatches(listener: (batches: readonly TraceBatch[]) => void): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  /** A command the worker answers with progress once done; the store says it is busy till then. */
  private async command(work: (engine: RunEngine) => Maybe<Progress>): Promise<void> {
    const { store } = this;
    if (store.getState().info === null) return;
    store.getState().setBusy(true);
    try {
      await this.call(work);
    } finally {
      store.getState().setBusy(false);
      this.frames.flush();
    }
  }

  private async call(work: (engine: RunEngine) => Maybe<unknown>): Promise<void> {
    const session = this.session;
    try {
      await work(this.engine());
    } catch (error) {
      if (session === this.session) this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const state = this.store.getState();
    if (this.isStopped(error)) {
      if (state.phase !== 'hung') state.hung(null);
    } else {
      state.failed({ operatorUid: null, message: messageOf(error) });
    }
  }
}
