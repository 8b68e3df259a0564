/**
 * A running job: the subtasks of every operator wired by channels, driven by a virtual
 * processing-time clock that only the caller moves. Everything is synchronous and
 * deterministic: the same document, configuration and calls give the same output.
 */
import type { PipelineDocument } from '../pipeline/document';
import {
  assignToKeyGroup,
  DEFAULT_MAX_PARALLELISM,
  keyGroupRangeForOperator,
  normalizeKey,
} from '../keygroups';
import type { KeyGroupRange } from '../keygroups';
import { isPaged } from '../state/keyed-state';
import type { KeyedStateBackend, PagedKeyedStateBackend } from '../state/keyed-state';
import { createOperator, keySelector } from '../operators/factory';
import { createGenerator } from '../sources/generators/generator';
import type { GeneratorKind } from '../sources/generators/types';
import { generatorSupplier, listSupplier } from '../sources/record-supplier';
import { isRecord } from '../sources/record-supplier';
import type { RecordSupplier, SourceItem } from '../sources/record-supplier';
import { scriptSupplier } from '../sources/script-supplier';
import { SourceSubtask } from '../sources/source-subtask';
import type { SourceMetrics, WatermarkStrategy } from '../sources/source-subtask';
import { HeapKeyedStateBackend } from '../state/heap';
import type { TimeCharacteristic } from '../time';
import type { JsonValue } from '../pipeline/document';
import type { OperatorContext } from './operator';
import { planJob } from './plan';
import { checkCompatibility, stateLayout } from './savepoint-compatibility';
import type { CompatibilityReport } from './savepoint-compatibility';
import { SAVEPOINT_FORMAT, SAVEPOINT_VERSION, SavepointError } from './snapshot';
import type { JobSnapshot, SubtaskState } from './snapshot';
import type { PlannedOperator } from './plan';
import { EdgeWriter, RoutingOutput } from './router';
import type { InputGate, OutgoingEdge, Partitioner } from './router';
import { OperatorSubtask } from './subtask';
import type { SubtaskMetrics } from './subtask';
import { InternalTimerService } from './timer-service';
import { Tracer } from './trace';
import type { TraceEvent, TraceOptions } from './trace';

export interface RunConfig {
  /** Whether windows follow event time or the processing-time clock. */
  time: TimeCharacteristic;
  stateBackend: 'heap' | 'indexeddb';
  /** Subtasks of every operator that does not set its own. */
  parallelism: number;
  maxParallelism?: number;
  /** Seeds the generators: the same seed gives the same records. */
  seed: number;
  /** Tracing on (optionally sampled) or off (null: nothing allocated for it). */
  trace?: TraceOptions | null;
  /**
   * Creates the keyed state of a stateful operator subtask when the backend is not the heap
   * (the IndexedDB backend needs a database, which the worker or the CLI opens).
   */
  createKeyedState?: (operatorUid: string, range: KeyGroupRange) => KeyedStateBackend;
}

export interface SinkResult {
  sink: string;
  subtask: number;
  value: unknown;
  timestamp: number;
  processingTime: number;
}

export type JobStatus = 'running' | 'finished' | 'failed' | 'canceled';

export interface JobFailure {
  operatorUid: string | null;
  message: string;
}

/** Where `runUntil` stops. */
export type RunCondition = 'record' | 'watermark' | 'firing' | 'idle' | 'end';

export interface JobMetrics {
  processingTime: number;
  status: JobStatus;
  sources: SourceMetrics[];
  operators: SubtaskMetrics[];
}

/** Processing-time work of a source or an operator subtask. */
interface Scheduled {
  nextDue(): number;
  fire(now: number, until: number): void;
}

export class Job {
  private clock = 0;
  private statusValue: JobStatus = 'running';
  private failureValue: JobFailure | null = null;
  private watermarkAdvances = 0;
  private readonly sources: SourceSubtask[] = [];
  private readonly subtasks: OperatorSubtask[] = [];
  /** Sources with clock-driven work (periodic watermarks, idleness), asked at every advance. */
  private readonly scheduledSources: Scheduled[] = [];
  /** Operator subtasks that may set processing-time timers. */
  private readonly timerSubtasks: Scheduled[] = [];
  /**
   * At or before the earliest processing-time timer of any operator subtask: what they said
   * when last asked, forgotten whenever one registers a timer. The clock advances on every
   * record, and most event-time jobs never set such a timer, so they need not be asked.
   */
  private timersDue = -Infinity;
  private readonly resultListeners = new Set<(r: SinkResult) => void>();
  private readonly tracer: Tracer | null;
  private readonly plan: PlannedOperator[];
  private readonly maxParallelism: number;
  private started = false;
  private lastCheckpointId = 0;
  /** Subtasks whose keyed state is paged in from IndexedDB. */
  private readonly pagedSubtasks: OperatorSubtask[];
  private readonly routes = new Map<string, ((value: unknown) => unknown) | 'opaque'>();

  constructor(
    private readonly doc: PipelineDocument,
    readonly config: RunConfig,
  ) {
    this.tracer = config.trace ? new Tracer(config.trace) : null;
    this.maxParallelism = config.maxParallelism ?? DEFAULT_MAX_PARALLELISM;
    this.plan = planJob(doc, config.parallelism);
    this.build(this.plan);
    this.pagedSubtasks = this.subtasks.filter(
      (s) => s.keyedState !== null && isPaged(s.keyedState),
    );
    if (this.pagedSubtasks.length > 0) this.computeRoutes();
  }

  get processingTime(): number {
    return this.clock;
  }

  get status(): JobStatus {
    return this.statusValue;
  }

  get failure(): JobFailure | null {
    return this.failureValue;
  }

  onResult(listener: (r: SinkResult) => void): () => void {
    this.resultListeners.add(listener);
    return () => this.resultListeners.delete(listener);
  }

  onTrace(listener: (e: TraceEvent) => void): () => void {
    if (this.tracer === null) throw new Error('Tracing is off for this job: set config.trace');
    return this.tracer.subscribe(listener);
  }

  /** The trace's sampling, to change while the job runs; null when tracing is off. */
  get trace(): Pick<Tracer, 'recordEvents' | 'setSampleEvery'> | null {
    return this.tracer;
  }

  /**
   * Moves the clock to `time`, processing every record that arrives before then. Records
   * arriving exactly at `time` are next in line: the following step or advance takes them.
   */
  advanceProcessingTime(time: number): void {
    this.guard(() => {
      for (;;) {
        const source = this.nextSource();
        if (source === null || source.nextArrival() >= time) break;
        this.emitFrom(source);
        if (this.statusValue !== 'running') return;
      }
      this.advanceClock(time);
    });
  }

  /**
   * Processes the next record to arrive, from any source or from the one named; false when
   * none is pending.
   */
  step(sourceUid?: string): boolean {
    let stepped = false;
    this.guard(() => {
      const source = sourceUid === undefined ? this.nextSource() : this.pendingSource(sourceUid);
      if (source === null) return;
      this.emitFrom(source);
      stepped = true;
    });
    return stepped;
  }

  /**
   * The same as `step`, for any state backend: with IndexedDB the key groups the record and
   * the timers it may fire can touch are loaded first, and the writes flushed after.
   */
  async stepAsync(sourceUid?: string): Promise<boolean> {
    const source = sourceUid === undefined ? this.nextSource() : this.pendingSource(sourceUid);
    if (source === null || this.statusValue !== 'running') return false;
    if (!(await this.paged(() => this.pagesForRecord(source)))) return false;
    const stepped = this.step(sourceUid);
    await this.flushPaged();
    return stepped;
  }

  /** `advanceProcessingTime` for any state backend, one record at a time. */
  async advanceProcessingTimeAsync(time: number, batchSize = 1024): Promise<void> {
    // A batch of records shares one prefetch and one flush: IndexedDB transactions are the cost.
    while (this.statusValue === 'running') {
      if (!(await this.paged(() => this.pagesForBatch(time, batchSize)))) return;
      let done = false;
      this.guard(() => {
        for (let n = 0; n < batchSize && this.statusValue === 'running'; n++) {
          const source = this.nextSource();
          if (source === null || source.nextArrival() >= time) break;
          this.emitFrom(source);
        }
        const next = this.nextSource();
        if (next === null || next.nextArrival() >= time) {
          this.advanceClock(time);
          done = true;
        }
      });
      await this.flushPaged();
      if (done) return;
    }
  }

  /**
   * Up to `maxRecords` records arriving before `before`, sharing one prefetch and one flush;
   * returns how many were processed.
   */
  async runBatchAsync(maxRecords: number, before: number): Promise<number> {
    if (this.statusValue !== 'running') return 0;
    if (!(await this.paged(() => this.pagesForBatch(before, maxRecords)))) return 0;
    let n = 0;
    this.guard(() => {
      while (n < maxRecords && this.statusValue === 'running') {
        const source = this.nextSource();
        if (source === null || source.nextArrival() >= before) break;
        this.emitFrom(source);
        n++;
      }
    });
    await this.flushPaged();
    return n;
  }

  /** Arrival time of the next pending record, or +Infinity. */
  nextArrival(): number {
    return this.nextSource()?.nextArrival() ?? Infinity;
  }

  /** `drain` for any state backend. */
  async drainAsync(): Promise<void> {
    if (!(await this.paged(() => this.pagesForTimers(Infinity, Infinity)))) return;
    this.drain();
    await this.flushPaged();
  }

  /**
   * Steps until the condition holds: after one record, once a watermark advances, once a
   * window fires, once no record is pending ('idle'), or through the end of input and a
   * drain ('end'). Returns the number of records processed.
   */
  runUntil(condition: RunCondition, maxRecords = Number.MAX_SAFE_INTEGER): number {
    if (condition === 'idle' || condition === 'end') {
      const records = this.runAll(maxRecords);
      if (condition === 'end' && this.statusValue === 'running' && this.nextSource() === null) {
        this.drain();
      }
      return records;
    }
    const watermarks = this.watermarkAdvances;
    const firings = this.firings();
    let records = 0;
    while (this.statusValue === 'running' && records < maxRecords) {
      if (!this.step()) break;
      records++;
      if (condition === 'record') break;
      if (condition === 'watermark' && this.watermarkAdvances !== watermarks) break;
      if (condition === 'firing' && this.firings() !== firings) break;
    }
    return records;
  }

  /**
   * Every pending record in arrival order: the hot loop of a run "as fast as possible". Per
   * record it does what `emitFrom` does, with starting hoisted out of the loop and the end of
   * the job checked only when the emitting source has just finished (no other can finish it).
   */
  private runAll(maxRecords: number): number {
    let records = 0;
    this.guard(() => {
      this.start();
      while (records < maxRecords && this.statusValue === 'running') {
        const source = this.nextSource();
        if (source === null) break;
        this.advanceClock(source.nextArrival());
        source.emitNext();
        if (source.finished) this.finishIfDone();
        records++;
      }
    });
    return records;
  }

  /**
   * Stops with drain, as Flink's `stop --drain`: the clock runs to the end of time (firing
   * every processing-time timer) and every source emits the final watermark.
   */
  drain(): void {
    this.guard(() => {
      this.advanceClock(Infinity);
      for (const s of this.sources) s.finish();
      this.finishIfDone();
    });
  }

  /**
   * A consistent snapshot of the whole job, taken between records: with no data in flight,
   * this is what aligned checkpoint barriers capture.
   */
  async snapshot(options: { incrementalFrom?: JobSnapshot } = {}): Promise<JobSnapshot> {
    const checkpointId = ++this.lastCheckpointId;
    const base = options.incrementalFrom;
    const baseOf = (subtask: OperatorSubtask) => {
      const state = base?.operators
        .find((o) => o.uid === subtask.uid)
        ?.subtasks.find((s) => s.index === subtask.index);
      return base !== undefined && state !== undefined
        ? { checkpointId: base.checkpointId, state }
        : undefined;
    };
    const taken = new Map<OperatorSubtask, Promise<SubtaskState>>();
    for (const s of this.subtasks) {
      s.onAligned = (_id, subtask) => taken.set(subtask, subtask.snapshot(baseOf(subtask)));
    }
    // Barriers travel synchronously: when the last source has injected its barrier, every
    // subtask has aligned and started its snapshot.
    const sourceStates = new Map(this.sources.map((s) => [s, s.injectBarrier(checkpointId)]));
    const operators: JobSnapshot['operators'] = [];
    for (const op of this.plan) {
      if (isSourceKind(op.kind)) continue;
      const subtasks = this.subtasks
        .filter((s) => s.uid === op.uid)
        .sort((a, b) => a.index - b.index);
      operators.push({
        uid: op.uid,
        kind: op.kind,
        layout: stateLayout(op),
        parallelism: op.parallelism,
        subtasks: await Promise.all(subtasks.map((s) => taken.get(s)!)),
      });
    }
    // The callbacks close over this snapshot: drop them, or it stays reachable until the next.
    for (const s of this.subtasks) s.onAligned = () => undefined;
    const sourceUids = [...new Set(this.sources.map((s) => s.uid))];
    return {
      format: SAVEPOINT_FORMAT,
      version: SAVEPOINT_VERSION,
      checkpointId,
      pipelineName: this.doc.name,
      backend: this.config.stateBackend,
      maxParallelism: this.maxParallelism,
      processingTime: this.clock,
      sources: sourceUids.map((uid) => {
        const states = this.sourceSubtasks(uid).map((s) => sourceStates.get(s)!);
        return { uid, parallelism: states.length, subtasks: states };
      }),
      operators,
    };
  }

  /**
   * What restoring `snapshot` would do, operator by operator, and why it would be refused:
   * the compatibility dry run. It changes nothing.
   */
  compatibility(
    snapshot: JobSnapshot,
    options: { allowNonRestoredState?: boolean } = {},
  ): CompatibilityReport {
    return checkCompatibility(snapshot, this.plan, {
      ...options,
      maxParallelism: this.maxParallelism,
    });
  }

  /**
   * Starts this (fresh) job from a checkpoint or savepoint. State of an operator uid this
   * job lacks is refused unless `allowNonRestoredState`, as in Flink.
   */
  async restore(
    snapshot: JobSnapshot,
    options: { allowNonRestoredState?: boolean } = {},
  ): Promise<void> {
    if (this.started) {
      throw new SavepointError('A job can only be restored before it has run.', 'job-started');
    }
    // Everything is checked before anything changes: a refused restore leaves the job as it was.
    const report = this.compatibility(snapshot, options);
    if (!report.ok) throw new SavepointError(report.errors.join('\n'), 'incompatible');
    for (const saved of snapshot.sources) {
      this.sourceSubtasks(saved.uid).forEach((s, i) => s.restore(saved.subtasks[i]!));
    }
    for (const saved of snapshot.operators) {
      for (const subtask of this.subtasks.filter((s) => s.uid === saved.uid)) {
        await subtask.restore(saved.subtasks);
      }
    }
    this.clock = snapshot.processingTime;
    this.lastCheckpointId = snapshot.checkpointId;
  }

  /** Fails the job now, as a crashed task would (failure injection for demos and tests). */
  fail(message: string, operatorUid: string | null = null): void {
    if (this.statusValue !== 'running') return;
    this.failureValue = { operatorUid, message };
    this.setStatus('failed', message);
  }

  /** Where every source is in its input now (kept when a job restarts without state). */
  sourcePositions(): JobSnapshot['sources'] {
    return [...new Set(this.sources.map((s) => s.uid))].map((uid) => {
      const subtasks = this.sourceSubtasks(uid).map((s) => s.snapshot());
      return { uid, parallelism: subtasks.length, subtasks };
    });
  }

  cancel(): void {
    if (this.statusValue === 'running') this.setStatus('canceled');
  }

  /** The keyed state of every stateful operator subtask, for the state inspector (read only). */
  keyedStates(): {
    uid: string;
    subtask: number;
    keyGroupRange: KeyGroupRange;
    state: KeyedStateBackend;
  }[] {
    return this.subtasks.flatMap((s) =>
      s.keyedState === null
        ? []
        : [{ uid: s.uid, subtask: s.index, keyGroupRange: s.keyGroupRange, state: s.keyedState }],
    );
  }

  metrics(): JobMetrics {
    return {
      processingTime: this.clock,
      status: this.statusValue,
      sources: this.sources.map((s) => s.metrics()),
      operators: this.subtasks.map((s) => s.metrics()),
    };
  }

  /** A source's subtasks in index order, as savepoints list them. */
  private sourceSubtasks(uid: string): SourceSubtask[] {
    return this.sources.filter((s) => s.uid === uid).sort((a, b) => a.index - b.index);
  }

  /** Paged backends per subtask, with the key groups a unit of work may touch. */
  /**
   * Loads what a unit of work needs; false when the state backend failed (a full or blocked
   * database), which fails the job like any other failure. Completed checkpoints are kept
   * elsewhere, so nothing they hold is lost.
   */
  private async paged(needs: () => Map<OperatorSubtask, Set<number> | 'all'>): Promise<boolean> {
    if (this.pagedSubtasks.length === 0) return true;
    try {
      await Promise.all(
        [...needs()].map(([subtask, groups]) => {
          const backend = subtask.keyedState as PagedKeyedStateBackend;
          if (groups !== 'all') return backend.prefetch(groups);
          const { start, end } = subtask.keyGroupRange;
          return backend.prefetch(Array.from({ length: end - start + 1 }, (_, i) => start + i));
        }),
      );
      return true;
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  private async flushPaged(): Promise<void> {
    try {
      for (const s of this.pagedSubtasks) await (s.keyedState as PagedKeyedStateBackend).flush();
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * What firing timers may touch: event-time timers up to the highest watermark any source
   * has (idleness can lift the combined watermark that far), processing-time ones before `until`.
   */
  private pagesForTimers(eventTimeBound: number, until: number): Map<OperatorSubtask, Set<number>> {
    let watermark = eventTimeBound;
    if (watermark !== Infinity) {
      for (const s of this.sources) watermark = Math.max(watermark, s.watermarkBound());
    }
    const needs = new Map<OperatorSubtask, Set<number>>();
    for (const subtask of this.pagedSubtasks) {
      const groups = new Set<number>();
      subtask.timers.eventTimers.keyGroupsUpTo(watermark, groups);
      subtask.timers.processingTimers.keyGroupsUpTo(until - 1, groups);
      needs.set(subtask, groups);
    }
    return needs;
  }

  /**
   * What the next record of a source may touch: its own key group where the route to a
   * stateful operator leaves the record as it is (filters, unions, a keyBy), every key group
   * where a map or another operator's output lies between; and what its timers may touch.
   */
  private pagesForRecord(source: SourceSubtask): Map<OperatorSubtask, Set<number> | 'all'> {
    const record = source.peek()!;
    // A bounded source's last record ends its input: the final watermark fires everything.
    const watermark = source.endsWithin(1) ? Infinity : source.watermarkAfter(record);
    const needs = this.pagesForTimers(watermark, record.at);
    return this.addRecordPages(needs, source, [record]);
  }

  /**
   * What the next records before `time` may touch, up to `batchSize` of them from each
   * source (more than the batch will take: enough is enough), and the timers they may fire.
   */
  private pagesForBatch(
    time: number,
    batchSize: number,
  ): Map<OperatorSubtask, Set<number> | 'all'> {
    const batches = this.sources.map((s) => [s, s.peekAhead(batchSize, time)] as const);
    let watermark = -Infinity;
    for (const [s, records] of batches) {
      if (s.endsWithin(records.length)) watermark = Infinity;
      for (const r of records) watermark = Math.max(watermark, s.watermarkAfter(r));
    }
    let needs: Map<OperatorSubtask, Set<number> | 'all'> = this.pagesForTimers(watermark, time);
    for (const [s, records] of batches) needs = this.addRecordPages(needs, s, records);
    return needs;
  }

  /**
   * The key groups records of a source reach: their own where the route to a stateful
   * operator leaves them as they are (filters, unions, a keyBy), every one where a map or
   * another operator's output lies between.
   */
  private addRecordPages(
    needs: Map<OperatorSubtask, Set<number> | 'all'>,
    source: SourceSubtask,
    records: readonly SourceItem[],
  ): Map<OperatorSubtask, Set<number> | 'all'> {
    if (records.length === 0) return needs;
    for (const subtask of this.pagedSubtasks) {
      const route = this.routes.get(`${source.uid}>${subtask.uid}`);
      if (route === undefined) continue;
      const groups = needs.get(subtask);
      if (route === 'opaque' || groups === 'all' || groups === undefined) {
        needs.set(subtask, 'all');
        continue;
      }
      const { start, end } = subtask.keyGroupRange;
      for (const record of records) {
        if (!isRecord(record)) continue;
        const kg = assignToKeyGroup(normalizeKey(route(record.value)), this.maxParallelism);
        if (kg >= start && kg <= end) groups.add(kg);
      }
    }
    return needs;
  }

  /**
   * For each source and stateful operator downstream of it: the key selector when only
   * filters lie between them (the record reaches the operator unchanged), else 'opaque'.
   */
  private computeRoutes(): void {
    const stateful = new Set(this.pagedSubtasks.map((s) => s.uid));
    const byUid = new Map(this.plan.map((o) => [o.uid, o]));
    const visit = (source: string, uid: string, transparent: boolean) => {
      for (const down of this.plan) {
        for (const input of down.inputs) {
          if (input.from !== uid) continue;
          if (stateful.has(down.uid)) {
            const route =
              transparent && input.keyBy !== undefined
                ? keySelector(input.keyBy.uid, input.keyBy.params)
                : transparent && down.kind === 'windowAll'
                  ? () => null
                  : 'opaque';
            if (!this.routes.has(`${source}>${down.uid}`) || route === 'opaque') {
              this.routes.set(`${source}>${down.uid}`, route);
            }
          }
          visit(source, down.uid, transparent && byUid.get(down.uid)!.kind === 'filter');
        }
      }
    };
    for (const uid of new Set(this.sources.map((s) => s.uid))) visit(uid, uid, true);
  }

  private firings(): number {
    let n = 0;
    for (const s of this.subtasks) n += s.operator.gauges?.().firings ?? 0;
    return n;
  }

  /**
   * On the first work: a bounded source with nothing to read has reached its end, and says
   * so with the final watermark, as Flink's does (else an empty source holds the rest back).
   */
  private start(): void {
    if (this.started) return;
    this.started = true;
    for (const s of this.sources) if (s.bounded && s.nextArrival() === Infinity) s.finish();
    this.finishIfDone();
  }

  private emitFrom(source: SourceSubtask): void {
    this.start();
    this.advanceClock(source.nextArrival());
    source.emitNext();
    this.finishIfDone();
  }

  /** The subtask of a source with a record pending (the earliest, if it has several). */
  private pendingSource(uid: string): SourceSubtask | null {
    let best: SourceSubtask | null = null;
    for (const s of this.sources) {
      if (s.uid !== uid || s.nextArrival() === Infinity) continue;
      if (best === null || s.nextArrival() < best.nextArrival()) best = s;
    }
    return best;
  }

  private nextSource(): SourceSubtask | null {
    let best: SourceSubtask | null = null;
    let at = Infinity;
    for (const s of this.sources) {
      const a = s.nextArrival();
      if (a < at) {
        at = a;
        best = s;
      }
    }
    return best;
  }

  /**
   * Runs processing-time work due up to `time` in time order (sources before operators at
   * the same instant), then sets the clock there.
   */
  private advanceClock(time: number): void {
    this.start();
    for (;;) {
      let due = Infinity;
      let next: Scheduled | null = null;
      for (const s of this.scheduledSources) {
        const d = s.nextDue();
        if (d < due) {
          due = d;
          next = s;
        }
      }
      if (this.timersDue <= time) {
        let earliest = Infinity;
        for (const s of this.timerSubtasks) {
          const d = s.nextDue();
          if (d < earliest) earliest = d;
          if (d < due) {
            due = d;
            next = s;
          }
        }
        this.timersDue = earliest;
      }
      if (next === null || due > time) break;
      if (due > this.clock) this.clock = due;
      next.fire(this.clock, time);
    }
    if (time > this.clock) this.clock = time;
  }

  /** Called after every record: a plain loop, so it allocates nothing. */
  private finishIfDone(): void {
    if (this.statusValue !== 'running') return;
    for (const s of this.sources) if (!s.finished) return;
    this.setStatus('finished');
  }

  private guard(work: () => void): void {
    if (this.statusValue !== 'running') return;
    try {
      work();
    } catch (e) {
      const operatorUid =
        typeof e === 'object' && e !== null && 'operatorUid' in e ? String(e.operatorUid) : null;
      this.fail(e instanceof Error ? e.message : String(e), operatorUid);
    }
  }

  private setStatus(status: JobStatus, message?: string): void {
    this.statusValue = status;
    this.tracer?.emit({ type: 'job', pt: this.clock, status, ...(message ? { message } : {}) });
  }

  private deliver(sink: string, value: unknown, timestamp: number, subtask: number): void {
    const result: SinkResult = { sink, subtask, value, timestamp, processingTime: this.clock };
    for (const l of this.resultListeners) l(result);
  }

  /** Creates subtasks downstream first, so every writer finds its targets. */
  private build(plan: PlannedOperator[]): void {
    const maxParallelism = this.maxParallelism;
    const gates = new Map<string, InputGate[]>();
    const clock = () => this.clock;
    const onWatermark = () => {
      this.watermarkAdvances++;
    };

    const writersFor = (op: PlannedOperator, subtask: number): Map<string, EdgeWriter[]> => {
      const ports = new Map<string, EdgeWriter[]>();
      for (const down of plan) {
        let channelBase = 0;
        for (const input of down.inputs) {
          const upstream = plan.find((o) => o.uid === input.from)!;
          const forward = input.partitioning === 'forward';
          if (input.from === op.uid) {
            const targets = gates.get(down.uid)!;
            const edge: OutgoingEdge = forward
              ? {
                  partitioner: { kind: 'forward' },
                  targets: [targets[subtask]!],
                  channels: [channelBase],
                }
              : {
                  partitioner: this.partitioner(input, maxParallelism),
                  targets,
                  channels: targets.map(() => channelBase + subtask),
                };
            const list = ports.get(input.port) ?? [];
            list.push(new EdgeWriter(edge, subtask));
            ports.set(input.port, list);
          }
          channelBase += forward ? 1 : upstream.parallelism;
        }
      }
      return ports;
    };

    for (const op of [...plan].reverse()) {
      if (isSourceKind(op.kind)) {
        for (let i = 0; i < op.parallelism; i++) {
          const output = new RoutingOutput(writersFor(op, i), this.traceRecordOut(op.uid, i));
          const source = new SourceSubtask(
            op.uid,
            i,
            this.supplier(op, i),
            watermarkStrategy(op),
            op.kind === 'source.generator' ? op.params.count !== null : op.params.bounded !== false,
            output,
            this.tracer,
            clock,
          );
          this.sources.unshift(source);
          // Only sources with periodic watermarks or an idle timeout have clock-driven work.
          const ws = watermarkStrategy(op);
          if (ws.emit === 'periodic' || ws.idleTimeoutMs !== null)
            this.scheduledSources.unshift({
              nextDue: () => source.nextDue(),
              fire: (n, u) => source.fireDue(n, u),
            });
        }
        continue;
      }

      const channelCount = op.inputs.reduce(
        (n, i) =>
          n + (i.partitioning === 'forward' ? 1 : plan.find((o) => o.uid === i.from)!.parallelism),
        0,
      );
      const subtasks: OperatorSubtask[] = [];
      for (let i = 0; i < op.parallelism; i++) {
        const range = keyGroupRangeForOperator(maxParallelism, op.parallelism, i);
        const output = new RoutingOutput(writersFor(op, i), this.traceRecordOut(op.uid, i));
        const timers = new InternalTimerService(() => {
          this.timersDue = -Infinity;
        });
        const subtask = new OperatorSubtask(
          op.uid,
          i,
          range,
          channelCount,
          output,
          timers,
          op.kind === 'window' || op.kind === 'windowAll' ? this.keyedState(op.uid, range) : null,
          this.tracer,
          clock,
          onWatermark,
        );
        const ctx: OperatorContext = {
          uid: op.uid,
          subtaskIndex: i,
          parallelism: op.parallelism,
          maxParallelism,
          keyGroupRange: range,
          output,
          keyedState: subtask.keyedState,
          timers,
          tracer: this.tracer,
          currentProcessingTime: clock,
        };
        subtask.operator = createOperator(op, ctx, this.config.time, (sink, v, ts, st) =>
          this.deliver(sink, v, ts, st),
        );
        subtasks.push(subtask);
        this.subtasks.unshift(subtask);
        // Only window operators set processing-time timers.
        if (subtask.keyedState !== null)
          this.timerSubtasks.push({
            nextDue: () => subtask.nextDue(),
            fire: (now) => subtask.fireProcessingTime(now),
          });
      }
      gates.set(op.uid, subtasks);
    }
  }

  private traceRecordOut(uid: string, subtask: number) {
    const tracer = this.tracer;
    if (tracer === null) return null;
    return (value: unknown, ts: number) => {
      if (tracer.sampleRecord()) {
        tracer.emit({ type: 'record', dir: 'out', op: uid, subtask, pt: this.clock, ts, value });
      }
    };
  }

  private keyedState(uid: string, range: KeyGroupRange): KeyedStateBackend {
    if (this.config.stateBackend === 'heap') return new HeapKeyedStateBackend(range);
    if (this.config.createKeyedState === undefined) {
      throw new Error(
        'The IndexedDB state backend needs a database: run the job where IndexedDB is available, or choose the heap backend.',
      );
    }
    return this.config.createKeyedState(uid, range);
  }

  private partitioner(
    input: PlannedOperator['inputs'][number],
    maxParallelism: number,
  ): Partitioner {
    switch (input.partitioning) {
      case 'hash': {
        const selector =
          input.keyBy !== undefined ? keySelector(input.keyBy.uid, input.keyBy.params) : () => null;
        return { kind: 'hash', selector, maxParallelism };
      }
      case 'broadcast':
        return { kind: 'broadcast' };
      default:
        return { kind: 'rebalance' };
    }
  }

  private supplier(op: PlannedOperator, subtask: number): RecordSupplier {
    const p = op.params;
    if (op.kind === 'source.list') {
      return listSupplier(
        op.uid,
        p.records as JsonValue[],
        String(p.timestampField),
        String(p.arrivalField),
      );
    }
    if (op.kind === 'source.script') {
      return scriptSupplier(op.uid, p.steps as JsonValue[], String(p.timestampField));
    }
    const generator = createGenerator({
      generator: p.generator as GeneratorKind,
      count: p.count as number | null,
      keys: p.keys as number,
      ratePerSecond: p.ratePerSecond as number,
      disorderMs: p.disorderMs as number,
      lateFraction: p.lateFraction as number,
      lateByMs: p.lateByMs as number,
      seed: this.config.seed,
    });
    return generatorSupplier(generator, subtask, op.parallelism);
  }
}

const isSourceKind = (kind: PlannedOperator['kind']) =>
  kind === 'source.list' || kind === 'source.generator' || kind === 'source.script';

function watermarkStrategy(op: PlannedOperator): WatermarkStrategy {
  // A script's watermark is its own watermark steps: no generator, no idleness.
  if (op.kind === 'source.script') {
    return { outOfOrdernessMs: 0, emit: 'script', intervalMs: 0, idleTimeoutMs: null };
  }
  const p = op.params;
  return {
    outOfOrdernessMs: p.watermarks === 'monotonous' ? 0 : (p.outOfOrdernessMs as number),
    emit: p.watermarkEmit === 'periodic' ? 'periodic' : 'perRecord',
    intervalMs: p.watermarkIntervalMs as number,
    idleTimeoutMs: p.idleTimeoutMs as number | null,
  };
}
