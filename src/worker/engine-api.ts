/**
 * The engine's API as the main thread sees it: plain functions over the engine, with no worker
 * globals, so the same object runs behind comlink in the Worker and in-process in tests.
 * Everything a function returns must survive structured cloning (no functions, no classes).
 */
import * as Comlink from 'comlink';
import { parsePipeline, runJob, validatePipeline } from '../engine/index';
import type { PipelineDocument, Problem, SinkResult } from '../engine/index';
import type { ParseResult } from '../engine/pipeline/parse';
import { CompareRuns } from './compare-runs';
import type { CompareRunResult, CompareSide } from './compare-runs';
import { replayToHang } from './hang-locator';
import type { HangNotices, Replayed } from './hang-locator';
import { proveExactlyOnce } from './exactly-once-proof';
import type { BreakpointHit, Breakpoints } from './breakpoints';
import type {
  CheckpointRecord,
  DiffResult,
  DryRunResult,
  FailureTarget,
  ProofOptions,
  ProofOutcome,
  SavepointDownload,
  SavepointFileError,
  StateInspection,
  StateQuery,
} from './recovery-types';
import { RunSession } from './run-session';
import type { SessionHost, SessionStart, StepKind } from './run-session';
import { diffStates, snapshotState } from './savepoint-diff';
import { compatibilityOf, dryRunRestore, readSavepointFile } from './savepoint-file';
import type { RestoreTarget } from './savepoint-file';
import { transferablesOf } from './trace-batch';
import type {
  Progress,
  RecordDescription,
  SessionConfig,
  Speed,
  TraceBatch,
  TraceView,
} from './trace-batch';

export interface RunOptions {
  time: 'event' | 'processing';
  parallelism: number;
  seed: number;
}

export interface RunFailure {
  /** The operator that failed, when one did; null for a job-wide problem. */
  operatorUid: string | null;
  message: string;
}

export interface RunOutcome {
  status: 'finished' | 'failed';
  failure?: RunFailure;
  /** What the sinks received, in the order they received it. */
  results: SinkResult[];
  /** Records the sources emitted. */
  recordsIn: number;
  /** Wall-clock time the run took in the worker. */
  durationMs: number;
  /** The job's virtual processing-time clock when it stopped. */
  processingTime: number;
}

/** Reads the wall clock; injected so tests can pin durations. */
export type Stopwatch = () => number;

/** Where the API runs: the session's clock and yields, and the watchdog's notices. */
export interface EngineHost extends Partial<SessionHost> {
  notices?: HangNotices;
}

export function createEngineApi(now: Stopwatch = () => performance.now(), host: EngineHost = {}) {
  const sessionHost: SessionHost = {
    now,
    yieldToMessages,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    indexedDB: globalThis.indexedDB,
    date: () => Date.now(),
    ...host,
    onSlice: (records) => {
      host.onSlice?.(records);
      host.notices?.mark(records);
    },
  };
  let session: RunSession | null = null;
  const compared = new CompareRuns(sessionHost);
  const current = (): RunSession => {
    if (session === null) throw new Error('No run session: start one first.');
    return session;
  };

  return {
    /** Answers at once unless the worker is busy in a long stretch of work: the watchdog's ping. */
    ping(): true {
      return true;
    },

    /** The validator's problems for a document, errors first. */
    validate(doc: PipelineDocument): Problem[] {
      return validatePipeline(doc);
    },

    /** Parses and checks a pipeline file's text: the import path. */
    parse(text: string): ParseResult {
      return parsePipeline(text);
    },

    /**
     * Runs a pipeline to the end of its bounded sources on the heap backend and returns what
     * the sinks received, as `npm run engine` prints it for the same document and seed. User
     * errors resolve as a failed outcome; nothing is thrown across the boundary for them.
     */
    async run(doc: PipelineDocument, options: RunOptions): Promise<RunOutcome> {
      const started = now();
      // Read the document as the CLI reads its file, so a malformed one fails with reasons.
      const read = parsePipeline(JSON.stringify(doc));
      if (!read.ok) {
        const message = read.problems.map((p) => `${p.code}: ${p.message}`).join('\n');
        const failure = { operatorUid: read.problems[0]?.nodeUid ?? null, message };
        return failed(failure, [], 0, now() - started, 0);
      }
      const results: SinkResult[] = [];
      const run = runJob(
        read.doc,
        { ...options, stateBackend: 'heap' },
        { onResult: (r) => results.push(r) },
      );
      const durationMs = now() - started;
      if (!run.started) {
        return failed(run.failure, [], 0, durationMs, 0);
      }
      const { recordsIn, processingTime } = run;
      if (run.failure !== null) {
        return failed(run.failure, results, recordsIn, durationMs, processingTime);
      }
      const uncloneable = results.find((r) => !isCloneable(r.value));
      if (uncloneable !== undefined) {
        const message = `Sink "${uncloneable.sink}" received a value that cannot be shown (such as a function or a symbol): return plain data from your functions.`;
        const failure = { operatorUid: uncloneable.sink, message };
        return failed(failure, results, recordsIn, durationMs, processingTime);
      }
      return { status: 'finished', results, recordsIn, durationMs, processingTime };
    },

    /**
     * Sets a run session up, paused at the start, replacing any earlier one. Trace batches go
     * to `onBatch` (its buffers transferred) at most every ~50 ms while playing and after
     * every command.
     */
    async start(
      doc: PipelineDocument,
      config: SessionConfig,
      onBatch: (batch: TraceBatch) => unknown,
    ): Promise<SessionStart> {
      await session?.dispose();
      session = null;
      const started = await RunSession.start(doc, config, sender(onBatch), sessionHost);
      if (!started.ok) return started;
      session = started.session;
      return { ok: true, info: session.info };
    },

    /**
     * Starts a session from a savepoint file (gzipped or not), replacing the current one only
     * once the new one has started: a bad file, one that does not fit the document, or a
     * restore that fails leaves the current session as it was.
     */
    async restore(
      doc: PipelineDocument,
      config: SessionConfig,
      file: Uint8Array,
      options: { allowNonRestoredState: boolean },
      onBatch: (batch: TraceBatch) => unknown,
    ): Promise<SessionStart | { ok: false; savepoint: SavepointFileError }> {
      const read = await readSavepointFile(file);
      if (!read.ok) return { ok: false, savepoint: read.error };
      const dryRun = compatibilityOf(read, doc, {
        parallelism: config.parallelism,
        allowNonRestoredState: options.allowNonRestoredState,
      });
      if (!dryRun.ok) return { ok: false, savepoint: dryRun.error };
      if (!dryRun.report.ok) {
        const message = dryRun.report.errors.join('\n');
        return { ok: false, savepoint: { reason: 'incompatible', message } };
      }
      const origin = { savepoint: read.text, allowNonRestoredState: options.allowNonRestoredState };
      // The new session starts before the old one goes: if the restore fails, the old one stays.
      const started = await RunSession.start(doc, config, sender(onBatch), sessionHost, origin);
      if (!started.ok) return started;
      await session?.dispose();
      session = started.session;
      return { ok: true, info: session.info };
    },

    /** The compatibility dry run of a savepoint file against a document: it changes nothing. */
    dryRunRestore(
      file: Uint8Array,
      doc: PipelineDocument,
      options: RestoreTarget,
    ): Promise<DryRunResult> {
      return dryRunRestore(file, doc, options);
    },

    /** Per keyed operator, the keys added, removed and changed from savepoint `a` to `b`. */
    async diffSavepoints(a: Uint8Array, b: Uint8Array): Promise<DiffResult> {
      const [before, after] = [await readSavepointFile(a), await readSavepointFile(b)];
      if (!before.ok) return before;
      if (!after.ok) return after;
      return {
        ok: true,
        diff: diffStates(snapshotState(before.snapshot), snapshotState(after.snapshot)),
      };
    },

    /** The same from a savepoint to the paused session's live state. */
    async diffWithLive(file: Uint8Array): Promise<DiffResult> {
      const before = await readSavepointFile(file);
      if (!before.ok) return before;
      const live = await current().liveState();
      return { ok: true, diff: diffStates(snapshotState(before.snapshot), live) };
    },

    /** Fails the session's job now, whole or in one operator subtask. */
    injectFailure(target: FailureTarget = null): Promise<Progress> {
      return current().injectFailure(target);
    },

    /** The session's job fails once when it has processed this many records. */
    failOnRecord(records: number): void {
      current().failOnRecord(records);
    },

    /** The session's checkpoint history, oldest first. */
    checkpoints(): CheckpointRecord[] {
      return current().checkpoints();
    },

    /** A savepoint of the paused session's job, as the file to download. */
    async takeSavepoint(): Promise<SavepointDownload> {
      const download = await current().takeSavepoint();
      return Comlink.transfer(download, [download.bytes.buffer as ArrayBuffer]);
    },

    /** The paused session's keyed state, per operator subtask, with one page of entries. */
    inspectState(query: StateQuery = {}): Promise<StateInspection> {
      return current().inspectState(query);
    },

    /**
     * Runs the pipeline's bounded input with the given failures in each checkpointing mode and
     * once without failures, and says per mode what was lost and duplicated.
     */
    proveExactlyOnce(doc: PipelineDocument, options: ProofOptions): Promise<ProofOutcome> {
      return proveExactlyOnce(doc, options, sessionHost.indexedDB);
    },

    play(): void {
      current().play();
    },

    pause(): Promise<void> {
      return current().pause();
    },

    setSpeed(speed: Speed): void {
      current().setSpeed(speed);
    },

    /** Where play stops by itself (a window fires, a record is late, a checkpoint completes). */
    setBreakpoints(breakpoints: Breakpoints): void {
      current().setBreakpoints(breakpoints);
    },

    /** The breakpoint the session is paused at, or null. */
    pausedAt(): BreakpointHit | null {
      return current().pausedAt();
    },

    step(kind: StepKind): Promise<Progress> {
      return current().step(kind);
    },

    seek(processingTime: number): Promise<Progress> {
      return current().seek(processingTime);
    },

    reset(): Promise<Progress> {
      return current().reset();
    },

    cancel(): Promise<Progress> {
      return current().cancel();
    },

    setView(view: TraceView): void {
      current().setView(view);
    },

    /** A sent record's fields, times, windows and lateness; null once it is forgotten. */
    describe(recordId: number): RecordDescription | null {
      return current().describe(recordId);
    },

    /**
     * Compare mode: runs one side (A or B) in a session of its own, beside the run bar's, to
     * the end of its bounded input or to processing time `horizon`; its batches go to `onBatch`.
     */
    compareRun(
      side: CompareSide,
      doc: PipelineDocument,
      config: SessionConfig,
      horizon: number,
      onBatch: (batch: TraceBatch) => unknown,
    ): Promise<CompareRunResult> {
      return compared.run(side, doc, config, horizon, sender(onBatch));
    },

    /** A record of one compared side's run, for a tooltip; null once it is gone. */
    describeCompared(side: CompareSide, recordId: number): RecordDescription | null {
      return compared.describe(side, recordId);
    },

    /** Ends compare mode's runs. */
    endCompare(): Promise<void> {
      return compared.dispose();
    },

    /**
     * Replays a run in a fresh worker to find the operator it hangs in (see hang-locator):
     * naming operators from `namedFrom` records on. Returns only when the run does not hang.
     */
    replayToHang(doc: PipelineDocument, options: RunOptions, namedFrom: number): Replayed {
      const notices = host.notices ?? { mark: () => undefined, enter: () => undefined };
      return replayToHang(doc, options, namedFrom, notices);
    },
  };
}

/** Hands batches to the main thread with their buffers transferred. */
function sender(onBatch: (batch: TraceBatch) => unknown): (batch: TraceBatch) => void {
  return (batch) => {
    // A main thread that has gone away cannot take batches: nothing is left to tell.
    void Promise.resolve(onBatch(Comlink.transfer(batch, transferablesOf(batch)))).catch(
      () => undefined,
    );
  };
}

/** Lets queued messages in before the next slice (a message, not a clamped timer). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export type EngineApi = ReturnType<typeof createEngineApi>;
export type { CompareRunResult, CompareSide } from './compare-runs';

function failed(
  failure: RunFailure,
  results: SinkResult[],
  recordsIn: number,
  durationMs: number,
  processingTime: number,
): RunOutcome {
  // What the sinks received before the failure is still worth showing, if it can cross.
  const shown = results.filter((r) => isCloneable(r.value));
  return { status: 'failed', failure, results: shown, recordsIn, durationMs, processingTime };
}

function isCloneable(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return typeof value !== 'function' && typeof value !== 'symbol';
  }
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
