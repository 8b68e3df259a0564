/**
 * Runs a comparison: A's and B's variants one after the other in the engine Worker (each a
 * compared run session of its own), their trace batches into one TimelineModel per side
 * through the TraceAdapter as the run bar's run does, and the windows of both joined. The
 * engine comes in as an argument, so tests run it in-process.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { CompareRunResult, CompareSide } from '../../worker/engine-api';
import type {
  RecordDescription,
  SessionConfig,
  SessionState,
  TraceBatch,
} from '../../worker/trace-batch';
import { CameraLink, TimelineModel, TraceAdapter } from '../timeline';
import { compareOutcomes, type Comparison } from './diff';
import { runOutcome } from './outcomes';
import { variantsOf, type CompareSetup, type Variant } from './variants';

type Maybe<T> = T | Promise<T>;

/** The compare calls of the engine API (`engine()` in the app, the API in-process in tests). */
export interface CompareEngine {
  compareRun(
    side: CompareSide,
    doc: PipelineDocument,
    config: SessionConfig,
    horizon: number,
    onBatch: (batch: TraceBatch) => unknown,
  ): Maybe<CompareRunResult>;
  describeCompared(side: CompareSide, recordId: number): Maybe<RecordDescription | null>;
  endCompare(): Maybe<unknown>;
}

/** How one side's run ended: over (its bounded input ended) or stopped at the horizon. */
export interface SideRun {
  state: SessionState;
  processingTime: number;
  /** True when the input is unbounded and the run stopped at the horizon. */
  stoppedAtHorizon: boolean;
  /** Why the job failed, when it did. */
  failure: string | null;
}

export type CompareResult =
  | { ok: true; comparison: Comparison; sides: Record<CompareSide, SideRun> }
  | { ok: false; side: CompareSide; message: string }
  /** A newer comparison (or closing) made this one moot. */
  | { ok: false; side: null; message: null };

export const SIDES: readonly CompareSide[] = ['a', 'b'];

export class CompareRunner {
  readonly models: Record<CompareSide, TimelineModel> = {
    a: new TimelineModel(),
    b: new TimelineModel(),
  };
  /** A and B's timelines share one processing-time axis. */
  readonly link = new CameraLink();
  /** Bumped by every comparison and by `end`: an older one's results are dropped. */
  private generation = 0;

  constructor(private readonly engine: () => CompareEngine) {}

  /** Runs A, then B, and joins their windows; `onSide` hears which side starts. */
  async compare(
    doc: PipelineDocument,
    config: SessionConfig,
    setup: CompareSetup,
    onSide: (side: CompareSide) => void = () => undefined,
  ): Promise<CompareResult> {
    const generation = ++this.generation;
    const variants = variantsOf(doc, config, setup);
    const sides = {} as Record<CompareSide, SideRun>;
    for (const side of SIDES) {
      onSide(side);
      let ran: SideRun | { message: string };
      try {
        ran = await this.runSide(side, variants[side], setup.horizonMs, generation);
      } catch (error) {
        ran = { message: error instanceof Error ? error.message : String(error) };
      }
      if (generation !== this.generation) return { ok: false, side: null, message: null };
      if ('message' in ran) return { ok: false, side, message: ran.message };
      sides[side] = ran;
    }
    this.link.showAll(SIDES.map((side) => this.models[side].extent()));
    const windowOrder = doc.nodes.map((n) => n.uid);
    const comparison = compareOutcomes(
      runOutcome(this.models.a),
      runOutcome(this.models.b),
      windowOrder,
    );
    return { ok: true, comparison, sides };
  }

  /** A record's fields for a side's timeline tooltip. */
  async describe(side: CompareSide, recordId: number): Promise<RecordDescription | null> {
    try {
      return await this.engine().describeCompared(side, recordId);
    } catch {
      return null;
    }
  }

  /** Compare mode closed: the worker's runs end and the timelines empty. */
  async end(): Promise<void> {
    this.generation++;
    for (const side of SIDES) this.models[side].reset([]);
    try {
      await this.engine().endCompare();
    } catch {
      // A stopped engine holds no runs any more.
    }
  }

  private async runSide(
    side: CompareSide,
    variant: Variant,
    horizon: number,
    generation: number,
  ): Promise<SideRun | { message: string }> {
    const batches: TraceBatch[] = [];
    let last: { epoch: number; seq: number } | null = null;
    let arrived = () => undefined as void;
    const allIn = new Promise<void>((resolve) => (arrived = resolve));
    const isLast = (b: TraceBatch) => last !== null && b.epoch === last.epoch && b.seq === last.seq;
    const result = await this.engine().compareRun(
      side,
      variant.doc,
      variant.config,
      horizon,
      (batch) => {
        batches.push(batch);
        if (isLast(batch)) arrived();
      },
    );
    if (!result.ok) return { message: result.failure.message };
    last = result.lastBatch;
    // Batches come through their own channel: the answer may come before the last of them.
    if (batches.some(isLast)) arrived();
    await allIn;
    if (generation !== this.generation) return { message: '' };
    const adapter = new TraceAdapter(this.models[side]);
    adapter.start(result.info, variant.config.time);
    for (const batch of batches) adapter.apply(batch);
    return {
      state: result.state,
      processingTime: result.processingTime,
      stoppedAtHorizon: result.info.recordsTotal === null,
      failure: result.failure?.message ?? null,
    };
  }
}
