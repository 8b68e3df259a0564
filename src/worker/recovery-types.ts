/**
 * What sessions with checkpointing send and answer beside the trace: checkpoint history, the
 * job's failures, restarts and restores, the state of every sink result, savepoints, the state
 * inspector, savepoint diffs and the exactly-once proof. Plain data, no engine code: the UI
 * imports it directly.
 */
import type { Key, KeyGroupRange } from '../engine/keygroups';
import type {
  CheckpointingConfig,
  CheckpointStats,
  RestartStrategy,
  ResultState,
} from '../engine/runtime/job-master';
import type { CompatibilityReport } from '../engine/runtime/savepoint-compatibility';
import type { SavepointErrorReason } from '../engine/runtime/snapshot';
import type { IndexedDbStateStats } from '../engine/state/indexeddb/stats';

export type { CheckpointingConfig, CheckpointStats, RestartStrategy, ResultState };

/** Where to inject a failure: the whole job, or one operator subtask. */
export type FailureTarget = { operatorUid: string; subtask: number } | null;

/** Where a source subtask reads next. */
export interface SourceOffset {
  uid: string;
  subtask: number;
  offset: number;
}

/**
 * Why the job failed: an injected failure of the whole job or of one subtask, a scripted
 * failure on record N, or an error of the job itself (a user function that threw).
 */
export type FailureReason = 'injected-job' | 'injected-subtask' | 'injected-record' | 'job-error';

/** The job's lifecycle under its job master, in the order it happened. */
export type JobEvent =
  | {
      kind: 'failed';
      /** Processing time of the failure. */
      pt: number;
      /** The attempt that failed (0 for the first run). */
      attempt: number;
      operatorUid: string | null;
      /** The subtask a failure was injected into, when one was named. */
      subtask: number | null;
      message: string;
      /** Why, as a code the UI words in the user's language; `message` says it in English. */
      reason: FailureReason;
      /** For `injected-record`: the record the failure came on. */
      record?: number;
      /** Whether the restart strategy restarts the job; false: the job has failed for good. */
      restarting: boolean;
    }
  | {
      kind: 'restarting';
      pt: number;
      /** The attempt that will start. */
      attempt: number;
      /** Processing time at which it starts: the failure's plus the strategy's delay. */
      restartAt: number;
      delayMs: number;
    }
  | {
      kind: 'restored';
      /** Processing time of the restored job: the checkpoint's, which it rewinds to. */
      pt: number;
      attempt: number;
      /** The checkpoint it restored from; null when none (from the start, or without checkpoints). */
      checkpointId: number | null;
      /** Whether keyed state came back; false with checkpoints off, where it is lost. */
      stateRestored: boolean;
      /** Where each source subtask reads next: rewound to the checkpoint's offsets. */
      offsets: SourceOffset[];
    };

/** One checkpoint or savepoint the job triggered. */
export type CheckpointRecord =
  | (CheckpointStats & { status: 'completed'; attempt: number })
  | {
      status: 'failed';
      id: number;
      kind: 'checkpoint' | 'savepoint';
      triggeredAt: number;
      attempt: number;
      message: string;
    };

/** What a batch of a session with checkpointing adds to the trace. */
export interface RecoveryBatch {
  /** The running attempt (0 until the first restart) and the job master's status. */
  attempt: number;
  status: 'running' | 'restarting' | 'finished' | 'failed' | 'canceled';
  /** Index among the results of the epoch of this batch's first result. */
  resultBase: number;
  /** Per result in the batch's `results`, in order: its attempt and its state when sent. */
  results: { attempt: number; state: ResultState }[];
  /** Results sent earlier (by index) that were committed or discarded since. */
  settled: { index: number; state: Exclude<ResultState, 'pending'> }[];
  /** Checkpoints completed or failed since the last batch. */
  checkpoints: CheckpointRecord[];
  events: JobEvent[];
}

// --- Savepoints ---

export interface SavepointMeta {
  pipelineName: string;
  checkpointId: number;
  /** Wall-clock time the file was written (ms since the epoch); null when read from a file. */
  takenAt: number | null;
  /** The job's processing time at the savepoint. */
  processingTime: number;
  backend: 'heap' | 'indexeddb';
  maxParallelism: number;
  /** Every operator uid with state (sources included), with its parallelism. */
  operators: { uid: string; kind: string; parallelism: number; entries: number }[];
  /** Size of the file as stored (compressed or not), and of its JSON text. */
  bytes: number;
  jsonBytes: number;
  compressed: boolean;
  formatVersion: number;
}

export interface SavepointDownload {
  fileName: string;
  /** The file: gzip where CompressionStream exists, else the JSON text as UTF-8. */
  bytes: Uint8Array;
  meta: SavepointMeta;
}

/** Why a file was refused, in plain words, with the reason's code. */
export interface SavepointFileError {
  reason: SavepointErrorReason;
  message: string;
}

export type DryRunResult =
  | { ok: true; report: CompatibilityReport; meta: SavepointMeta }
  | { ok: false; error: SavepointFileError };

// --- State inspector ---

/** A namespace as data: none (per-key state), a time window, or the global window. */
export type NamespaceView =
  | { kind: 'void' }
  | { kind: 'window'; start: number; end: number }
  | { kind: 'global' }
  | { kind: 'other'; id: string | number };

export interface StateQuery {
  operatorUid?: string;
  subtask?: number;
  keyGroup?: number;
  /** Only entries of this key. */
  key?: Key;
  /** Paging of `entries.items` (defaults 0 and 100). */
  offset?: number;
  limit?: number;
}

export interface InspectedKeyGroup {
  keyGroup: number;
  entries: number;
  keys: number;
  /** UTF-8 size of the key group's serialized state. */
  bytes: number;
}

export interface InspectedSubtask {
  uid: string;
  subtask: number;
  keyGroupRange: KeyGroupRange;
  backend: 'heap' | 'indexeddb';
  entries: number;
  keys: number;
  bytes: number;
  /** Non-empty key groups, ascending. */
  keyGroups: InspectedKeyGroup[];
  /** The IndexedDB backend's counters before this inspection read it; null on the heap. */
  indexedDb: (IndexedDbStateStats & { cacheHitRate: number | null }) | null;
}

export interface InspectedEntry {
  uid: string;
  subtask: number;
  keyGroup: number;
  table: string;
  key: Key;
  namespace: NamespaceView;
  value: unknown;
  /** UTF-8 size of the entry serialized. */
  bytes: number;
}

export interface StateInspection {
  processingTime: number;
  subtasks: InspectedSubtask[];
  /** Entries matching the query, in key group, table and key order; one page of them. */
  entries: { total: number; offset: number; limit: number; items: InspectedEntry[] };
}

// --- Savepoint diff ---

export interface KeyDiff {
  key: Key;
  keyGroup: number;
  /** The key's entries on each side (table, namespace, value); empty on the side it lacks. */
  before: { table: string; namespace: NamespaceView; value: unknown }[];
  after: { table: string; namespace: NamespaceView; value: unknown }[];
}

export interface OperatorDiff {
  uid: string;
  /** Counts of keys; the lists hold at most `limit` keys each. */
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: KeyDiff[];
  removed: KeyDiff[];
  changed: KeyDiff[];
}

export interface StateDiff {
  operators: OperatorDiff[];
}

export type DiffResult = { ok: true; diff: StateDiff } | { ok: false; error: SavepointFileError };

// --- Exactly-once proof ---

/** A failure of a proof run: after this many records processed (replays count), where. */
export interface ProofFailure {
  afterRecords: number;
  target?: FailureTarget;
}

export interface ProofOptions {
  time: 'event' | 'processing';
  parallelism: number;
  seed: number;
  stateBackend?: 'heap' | 'indexeddb';
  /** Processing time between checkpoints. */
  checkpointIntervalMs: number;
  failures: ProofFailure[];
  /** Fixed-delay restarts; defaults to as many as there are failures, without delay. */
  restart?: RestartStrategy;
}

/** A sink result as the proof compares them. */
export interface ProofResult {
  sink: string;
  value: unknown;
  timestamp: number;
  /** How many times it is lost, duplicated or unexpected. */
  times: number;
}

export interface ProofRun {
  mode: CheckpointingConfig['mode'];
  status: 'finished' | 'failed' | 'canceled' | 'running' | 'restarting';
  failures: number;
  restarts: number;
  checkpoints: number;
  committed: number;
  discarded: number;
  /** In the reference, missing here. */
  lost: ProofResult[];
  /** In the reference, here more often. */
  duplicated: ProofResult[];
  /** Not in the reference at all (e.g. a window that counted only part of its records). */
  unexpected: ProofResult[];
  /** Nothing lost, duplicated or unexpected. */
  exact: boolean;
}

export type ProofOutcome =
  | {
      ok: true;
      reference: { results: number };
      runs: Record<CheckpointingConfig['mode'], ProofRun>;
    }
  | { ok: false; message: string };
