/**
 * Checkpoint barriers as the canvas and the checkpoint history draw them, from the trace
 * batches' barrier columns: which edges a checkpoint's barrier has crossed, which edges hold
 * it back while their operator waits for the barrier on its other inputs (alignment), which
 * operators snapshot, and per operator subtask when it received and aligned each barrier.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { BARRIER_ALIGNED, type SessionOperator, type TraceBatch } from '../../worker/trace-batch';
import { channelMap, type InputChannels } from './barrier-channels';

/** When one operator subtask received the first barrier of a checkpoint, and aligned it. */
export interface SubtaskBarrier {
  uid: string;
  subtask: number;
  received: number;
  /** Processing time it aligned and snapshot; null while it waits. */
  aligned: number | null;
}

export interface BarrierView {
  /** Per edge id: the latest checkpoint whose barrier crossed it. */
  crossed: Readonly<Record<string, number>>;
  /** Per edge id: the checkpoint its barrier waits for alignment at the edge's target. */
  held: Readonly<Record<string, number>>;
  /**
   * Per edge id: the latest checkpoint whose barrier came in on it before the target had the
   * barrier on its other inputs, so the edge was held back until the target aligned, however
   * briefly (the engine often aligns within one step, before any batch could show it held).
   */
  waited: Readonly<Record<string, number>>;
  /** Per operator uid: the latest checkpoint one of its subtasks snapshot for. */
  snapshots: Readonly<Record<string, number>>;
}

/** Checkpoints whose per-subtask times are kept (the newest). */
const KEPT_CHECKPOINTS = 32;

export const EMPTY_BARRIERS: BarrierView = { crossed: {}, held: {}, waited: {}, snapshots: {} };

export class BarrierTracker {
  private operators: readonly SessionOperator[] = [];
  private channels = new Map<string, InputChannels[]>();
  private epoch = -1;
  /** `uid#subtask#checkpoint` → the channels its barrier arrived on, until aligned. */
  private readonly pending = new Map<string, { uid: string; channels: Set<number> }>();
  private readonly times = new Map<number, Map<string, SubtaskBarrier>>();
  private crossed: Record<string, number> = {};
  private snapshots: Record<string, number> = {};
  private waited: Record<string, number> = {};

  /** A new session: its document and operators; all that was tracked goes. */
  start(doc: PipelineDocument, operators: readonly SessionOperator[]): void {
    this.operators = operators;
    this.channels = channelMap(doc, operators);
    this.reset();
  }

  /** Applies batches in order; returns whether anything changed. */
  ingest(batches: readonly TraceBatch[]): boolean {
    let changed = false;
    for (const batch of batches) {
      if (batch.epoch !== this.epoch) {
        this.epoch = batch.epoch;
        this.reset();
        changed = true;
      }
      // A failed attempt's barriers never align: the restart drops what it waited for.
      if (batch.recovery?.events.some((e) => e.kind === 'failed')) {
        changed ||= this.pending.size > 0;
        this.pending.clear();
      }
      const b = batch.barriers;
      for (let i = 0; i < b.op.length; i++) {
        const op = this.operators[b.op[i]!];
        if (op === undefined) continue;
        changed = true;
        const subtask = b.subtask[i]!;
        const checkpoint = b.checkpoint[i]!;
        const pt = b.pt[i]!;
        const key = `${op.uid}#${subtask}#${checkpoint}`;
        const time = this.timeOf(checkpoint, op.uid, subtask, pt);
        if (b.action[i] === BARRIER_ALIGNED) {
          this.pending.delete(key);
          time.aligned = pt;
          this.snapshots = { ...this.snapshots, [op.uid]: checkpoint };
          continue;
        }
        const channel = b.channel[i]!;
        const entry = this.pending.get(key) ?? { uid: op.uid, channels: new Set<number>() };
        entry.channels.add(channel);
        this.pending.set(key, entry);
        const input = this.inputOf(op.uid, channel);
        if (input === undefined) continue;
        const crossed = { ...this.crossed };
        for (const edge of input.edges) crossed[edge] = Math.max(crossed[edge] ?? 0, checkpoint);
        this.crossed = crossed;
        const waited = this.holding(op.uid, entry.channels);
        if (waited.length > 0) {
          const next = { ...this.waited };
          for (const edge of waited) next[edge] = Math.max(next[edge] ?? 0, checkpoint);
          this.waited = next;
        }
      }
    }
    return changed;
  }

  view(): BarrierView {
    const held: Record<string, number> = {};
    for (const [key, { uid, channels }] of this.pending) {
      const checkpoint = Number(key.slice(key.lastIndexOf('#') + 1));
      for (const edge of this.holding(uid, channels)) {
        held[edge] = Math.max(held[edge] ?? 0, checkpoint);
      }
    }
    return { crossed: this.crossed, held, waited: this.waited, snapshots: this.snapshots };
  }

  /**
   * The edges an operator subtask holds back, having the barrier on `channels`: those that
   * delivered it, but not an edge shared with an input still to deliver (after a union it
   * still carries that input's records). None once every channel delivered.
   */
  private holding(uid: string, channels: ReadonlySet<number>): string[] {
    const waiting = new Set<string>();
    const delivered = new Set<string>();
    for (const input of this.channels.get(uid) ?? []) {
      for (let c = input.base; c < input.base + input.count; c++) {
        for (const edge of input.edges) (channels.has(c) ? delivered : waiting).add(edge);
      }
    }
    return waiting.size === 0 ? [] : [...delivered].filter((edge) => !waiting.has(edge));
  }

  /** Per operator subtask (in session order), its barrier times for one checkpoint. */
  subtaskTimes(checkpoint: number): SubtaskBarrier[] {
    const order = new Map(this.operators.map((o, i) => [o.uid, i]));
    return [...(this.times.get(checkpoint)?.values() ?? [])].sort(
      (a, b) => (order.get(a.uid) ?? 0) - (order.get(b.uid) ?? 0) || a.subtask - b.subtask,
    );
  }

  private inputOf(uid: string, channel: number): InputChannels | undefined {
    return this.channels.get(uid)?.find((c) => channel >= c.base && channel < c.base + c.count);
  }

  private timeOf(checkpoint: number, uid: string, subtask: number, pt: number): SubtaskBarrier {
    let rows = this.times.get(checkpoint);
    if (rows === undefined) {
      rows = new Map();
      this.times.set(checkpoint, rows);
      if (this.times.size > KEPT_CHECKPOINTS) this.times.delete(this.times.keys().next().value!);
    }
    const key = `${uid}#${subtask}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = { uid, subtask, received: pt, aligned: null };
      rows.set(key, row);
    }
    return row;
  }

  private reset(): void {
    this.pending.clear();
    this.times.clear();
    this.crossed = {};
    this.waited = {};
    this.snapshots = {};
  }
}
