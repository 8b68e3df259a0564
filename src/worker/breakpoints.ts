/**
 * Breakpoints: where a playing run session stops by itself. A window fires, a record comes too
 * late for its windows, a checkpoint completes. The session stops right after the event and
 * says which it was (a `BreakpointHit`, sent on the batch of the pause).
 *
 * Plain data and a matcher over trace events, with no engine code: the UI imports the types.
 */
import type { Key } from '../engine/keygroups';
import type { TraceEvent } from '../engine/runtime/trace';
import { cloneSafe } from './clone-safe';
import type { CheckpointRecord } from './recovery-types';
import type { TraceBatch } from './trace-batch';

export type BreakpointKind = 'windowFires' | 'lateRecord' | 'checkpointCompletes';

export const BREAKPOINT_KINDS: readonly BreakpointKind[] = [
  'windowFires',
  'lateRecord',
  'checkpointCompletes',
];

/** Which events stop a playing run. Steps and re-runs (seek, reset) never stop at them. */
export interface Breakpoints {
  windowFires: boolean;
  lateRecord: boolean;
  /** Periodic checkpoints of a session with checkpointing; savepoints are taken paused. */
  checkpointCompletes: boolean;
  /** Window fires and late records of this operator only; null for every operator. */
  operatorUid: string | null;
}

export const NO_BREAKPOINTS: Breakpoints = {
  windowFires: false,
  lateRecord: false,
  checkpointCompletes: false,
  operatorUid: null,
};

/** How many kinds are on. */
export function activeBreakpoints(b: Breakpoints): number {
  return BREAKPOINT_KINDS.filter((kind) => b[kind]).length;
}

type CompletedCheckpoint = Extract<CheckpointRecord, { status: 'completed' }>;

interface HitAt {
  /** Processing time of the event: where the session's clock stands while paused at it. */
  processingTime: number;
  /** Records the sources had read when it happened. */
  recordsProcessed: number;
}

export type BreakpointHit = HitAt &
  (
    | {
        kind: 'windowFires';
        operatorUid: string;
        subtask: number;
        /** Null for an unkeyed window (windowAll). */
        key: Key;
        /** Event-time range [start, end); null for the global window. */
        start: number | null;
        end: number | null;
        /** The operator's watermark that fired it. */
        watermark: number;
        /** What the window emitted. */
        result: unknown;
      }
    | {
        kind: 'lateRecord';
        operatorUid: string;
        subtask: number;
        /** The record's id in the trace (see `describe`). */
        recordId: number;
        key: Key;
        eventTime: number;
        /** The watermark it met: every window it belongs to had ended by then. */
        watermark: number;
        outcome: 'side-output' | 'dropped';
        value: unknown;
      }
    | { kind: 'checkpointCompletes'; checkpoint: CompletedCheckpoint }
  );

/** A trace batch as a session sends it: the batches of a pause at a breakpoint say which. */
export type SessionBatch = TraceBatch & { breakpoint?: BreakpointHit };

/** Something the session saw happen that a breakpoint may stop at. */
export type Happening = { event: TraceEvent; recordId: number } | { checkpoint: CheckpointRecord };

/**
 * The hit, if a breakpoint stops at this happening; `recordsProcessed` is filled in when the
 * session stops.
 */
export function breakpointHit(b: Breakpoints, happening: Happening): BreakpointHit | null {
  if ('checkpoint' in happening) {
    const c = happening.checkpoint;
    if (!b.checkpointCompletes || c.status !== 'completed' || c.kind !== 'checkpoint') return null;
    return {
      kind: 'checkpointCompletes',
      checkpoint: c,
      processingTime: c.triggeredAt,
      recordsProcessed: 0,
    };
  }
  const e = happening.event;
  if (e.type !== 'window' && e.type !== 'late') return null;
  if (b.operatorUid !== null && e.op !== b.operatorUid) return null;
  if (e.type === 'window') {
    if (!b.windowFires || e.action !== 'fired') return null;
    return {
      kind: 'windowFires',
      operatorUid: e.op,
      subtask: e.subtask,
      key: e.key,
      start: e.start,
      end: e.end,
      watermark: e.watermark,
      result: cloneSafe(e.result),
      processingTime: e.pt,
      recordsProcessed: 0,
    };
  }
  if (!b.lateRecord) return null;
  return {
    kind: 'lateRecord',
    operatorUid: e.op,
    subtask: e.subtask,
    recordId: happening.recordId,
    key: e.key,
    eventTime: e.ts,
    watermark: e.watermark,
    outcome: e.outcome,
    value: cloneSafe(e.value),
    processingTime: e.pt,
    recordsProcessed: 0,
  };
}

/**
 * Per operator, the operators its output reaches, itself included. What follows a firing or a
 * late record in these operators (its records on their way, the sinks' results of them) is its
 * consequence: it goes out with the event when the run stops there.
 */
export function downstreamOf(
  plan: readonly { uid: string; inputs: readonly { from: string }[] }[],
): Map<string, ReadonlySet<string>> {
  const consumers = new Map<string, string[]>();
  for (const op of plan) {
    for (const input of op.inputs)
      consumers.set(input.from, [...(consumers.get(input.from) ?? []), op.uid]);
  }
  const reach = new Map<string, ReadonlySet<string>>();
  // Upstream first in the plan: walking it backwards meets every consumer before its input.
  for (let i = plan.length - 1; i >= 0; i--) {
    const uid = plan[i]!.uid;
    const set = new Set([uid]);
    for (const c of consumers.get(uid) ?? []) for (const r of reach.get(c) ?? []) set.add(r);
    reach.set(uid, set);
  }
  return reach;
}
