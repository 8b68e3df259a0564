/**
 * The trace: what the timeline animates. Operators call the tracer only when tracing is on
 * (the tracer is null otherwise, so the hot path allocates nothing). Record events can be
 * sampled; control events (watermarks, windows, late records, timers) are always kept.
 */
import type { Key } from '../keygroups';

interface At {
  /** Operator uid and subtask index. */
  op: string;
  subtask: number;
  /** Processing time (virtual clock) when it happened. */
  pt: number;
}

export type TraceEvent =
  | (At & { type: 'record'; dir: 'in' | 'out'; ts: number; value: unknown })
  | (At & { type: 'watermark'; watermark: number })
  | (At & { type: 'idle'; idle: boolean })
  | (At & {
      type: 'window';
      action: 'created' | 'fired' | 'purged';
      key: Key;
      start: number | null;
      end: number | null;
      watermark: number;
      result?: unknown;
    })
  | (At & {
      type: 'late';
      ts: number;
      key: Key;
      watermark: number;
      /** Where the late record went. */
      outcome: 'side-output' | 'dropped';
      value: unknown;
    })
  | (At & {
      type: 'timer';
      action: 'registered' | 'fired';
      domain: 'event' | 'processing';
      time: number;
      key: Key;
    })
  | (At & {
      type: 'barrier';
      checkpoint: number;
      /** A barrier arrived on one input channel, or on all of them (the subtask snapshots). */
      action: 'received' | 'aligned';
      channel?: number;
    })
  | { type: 'job'; pt: number; status: string; message?: string };

export interface TraceOptions {
  /** Keep one in every `sampleEvery` record events (1 = all). */
  sampleEvery: number;
}

export class Tracer {
  private readonly listeners = new Set<(e: TraceEvent) => void>();
  private recordCounter = 0;
  private sampleEvery: number;

  constructor(options: TraceOptions) {
    this.sampleEvery = options.sampleEvery;
  }

  /** Record events seen so far, kept or not: how dense the trace would be unsampled. */
  get recordEvents(): number {
    return this.recordCounter;
  }

  /** Changes the sampling rate from the next record event on (a viewer zoomed in or out). */
  setSampleEvery(sampleEvery: number): void {
    this.sampleEvery = Math.max(1, Math.floor(sampleEvery));
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether this record event is kept under sampling; call once per record event. */
  sampleRecord(): boolean {
    const keep = this.recordCounter % this.sampleEvery === 0;
    this.recordCounter++;
    return keep;
  }

  emit(event: TraceEvent): void {
    for (const l of this.listeners) l(event);
  }
}
