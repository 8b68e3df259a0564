/**
 * Turns the engine's trace events into `TraceBatch`es: one append per event into typed-array
 * columns, keys and fired results interned into tables that the batches extend by deltas.
 */
import type { Key } from '../engine/keygroups';
import type { SinkResult } from '../engine/runtime/job';
import type { TraceEvent } from '../engine/runtime/trace';
import { cloneSafe } from './clone-safe';
import { Column, takeAll } from './columns';
import type { Columns } from './columns';
import {
  BARRIER_ALIGNED,
  BARRIER_RECEIVED,
  LATE_DROPPED,
  LATE_SIDE_OUTPUT,
  NO_KEY,
  NO_RESULT,
  RECORD_IN,
  RECORD_OUT,
  TRACE_BATCH_VERSION,
  WINDOW_CREATED,
  WINDOW_FIRED,
  WINDOW_PURGED,
} from './trace-batch';
import type {
  BarrierColumns,
  IdlenessColumns,
  LateColumns,
  Progress,
  RecordColumns,
  SessionOperator,
  SideOutputRecord,
  TraceBatch,
  WatermarkColumns,
  WindowColumns,
} from './trace-batch';

/** The key of a record event, where the stream is keyed at that operator. */
export type RecordKeyOf = (op: number, dir: 'in' | 'out', value: unknown) => Key | undefined;

/** What the encoder made of one event, for the session's record log. */
export interface Encoded {
  /** Record id of a record or late event, else -1. */
  id: number;
  op: number;
  /** Key table index, or `NO_KEY`. */
  key: number;
}

const WINDOW_ACTIONS = { created: WINDOW_CREATED, fired: WINDOW_FIRED, purged: WINDOW_PURGED };

export class TraceBatchEncoder {
  private epochValue = 0;
  private seq = 0;
  private nextRecordId = 0;
  private readonly opIndex: Map<string, number>;
  private readonly keyIndex = new Map<Key, number>();
  private keysSent = 0;
  private readonly keys: Key[] = [];
  private firedSent = 0;
  private readonly fired: unknown[] = [];
  private results: SinkResult[] = [];
  private sideOutput: SideOutputRecord[] = [];
  private events = 0;

  private readonly records: Columns<RecordColumns> = {
    id: new Column(Uint32Array),
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    dir: new Column(Uint8Array),
    pt: new Column(Float64Array),
    ts: new Column(Float64Array),
    key: new Column(Uint32Array),
  };
  private readonly watermarks: Columns<WatermarkColumns> = {
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    pt: new Column(Float64Array),
    watermark: new Column(Float64Array),
  };
  private readonly idleness: Columns<IdlenessColumns> = {
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    pt: new Column(Float64Array),
    idle: new Column(Uint8Array),
  };
  private readonly windows: Columns<WindowColumns> = {
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    action: new Column(Uint8Array),
    key: new Column(Uint32Array),
    start: new Column(Float64Array),
    end: new Column(Float64Array),
    pt: new Column(Float64Array),
    watermark: new Column(Float64Array),
    result: new Column(Int32Array),
  };
  private readonly late: Columns<LateColumns> = {
    id: new Column(Uint32Array),
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    pt: new Column(Float64Array),
    ts: new Column(Float64Array),
    key: new Column(Uint32Array),
    watermark: new Column(Float64Array),
    outcome: new Column(Uint8Array),
  };
  private readonly barriers: Columns<BarrierColumns> = {
    op: new Column(Uint16Array),
    subtask: new Column(Uint16Array),
    pt: new Column(Float64Array),
    checkpoint: new Column(Uint32Array),
    action: new Column(Uint8Array),
    channel: new Column(Int32Array),
  };

  constructor(
    operators: readonly SessionOperator[],
    private readonly keyOfRecord: RecordKeyOf,
  ) {
    this.opIndex = new Map(operators.map((o, i) => [o.uid, i]));
  }

  get epoch(): number {
    return this.epochValue;
  }

  /** Events and results waiting for the next batch. */
  get pending(): number {
    return this.events + this.results.length;
  }

  /** Starts the trace over (reset, seek): a new epoch, empty tables, record ids from 0. */
  restart(): void {
    this.drain(null);
    this.epochValue++;
    this.seq = 0;
    this.nextRecordId = 0;
    this.keyIndex.clear();
    this.keys.length = 0;
    this.keysSent = 0;
    this.fired.length = 0;
    this.firedSent = 0;
  }

  /** The key behind a key column index. */
  keyAt(index: number): Key | null {
    return index === NO_KEY ? null : (this.keys[index] ?? null);
  }

  push(event: TraceEvent): Encoded {
    if (event.type === 'job') return { id: -1, op: -1, key: NO_KEY };
    const op = this.opIndex.get(event.op);
    if (op === undefined || event.type === 'timer') return { id: -1, op: -1, key: NO_KEY };
    this.events++;
    switch (event.type) {
      case 'record': {
        const id = this.nextRecordId++;
        const key = this.intern(this.keyOfRecord(op, event.dir, event.value));
        const c = this.records;
        c.id.push(id);
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.dir.push(event.dir === 'in' ? RECORD_IN : RECORD_OUT);
        c.pt.push(event.pt);
        c.ts.push(event.ts);
        c.key.push(key);
        return { id, op, key };
      }
      case 'watermark': {
        const c = this.watermarks;
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.pt.push(event.pt);
        c.watermark.push(event.watermark);
        return { id: -1, op, key: NO_KEY };
      }
      case 'idle': {
        const c = this.idleness;
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.pt.push(event.pt);
        c.idle.push(event.idle ? 1 : 0);
        return { id: -1, op, key: NO_KEY };
      }
      case 'window': {
        const key = this.intern(event.key);
        let result = NO_RESULT;
        if (event.action === 'fired') {
          result = this.fired.length;
          this.fired.push(cloneSafe(event.result));
        }
        const c = this.windows;
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.action.push(WINDOW_ACTIONS[event.action]);
        c.key.push(key);
        c.start.push(event.start ?? NaN);
        c.end.push(event.end ?? NaN);
        c.pt.push(event.pt);
        c.watermark.push(event.watermark);
        c.result.push(result);
        return { id: -1, op, key };
      }
      case 'late': {
        const id = this.nextRecordId++;
        const key = this.intern(event.key);
        const c = this.late;
        c.id.push(id);
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.pt.push(event.pt);
        c.ts.push(event.ts);
        c.key.push(key);
        c.watermark.push(event.watermark);
        c.outcome.push(event.outcome === 'side-output' ? LATE_SIDE_OUTPUT : LATE_DROPPED);
        if (event.outcome === 'side-output') {
          const { subtask, pt, ts, value } = event;
          this.sideOutput.push({ id, op, subtask, pt, ts, value: cloneSafe(value) });
        }
        return { id, op, key };
      }
      case 'barrier': {
        const c = this.barriers;
        c.op.push(op);
        c.subtask.push(event.subtask);
        c.pt.push(event.pt);
        c.checkpoint.push(event.checkpoint);
        c.action.push(event.action === 'aligned' ? BARRIER_ALIGNED : BARRIER_RECEIVED);
        c.channel.push(event.channel ?? -1);
        return { id: -1, op, key: NO_KEY };
      }
    }
  }

  result(result: SinkResult): void {
    this.results.push({ ...result, value: cloneSafe(result.value) });
  }

  /** Everything since the last batch, as the next batch of this epoch (or a detail batch). */
  take(progress: Progress, detail?: TraceBatch['detail']): TraceBatch {
    const batch = this.drain(progress)!;
    if (detail !== undefined) batch.detail = detail;
    return batch;
  }

  private intern(key: Key | undefined): number {
    if (key === undefined) return NO_KEY;
    let index = this.keyIndex.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key);
      this.keyIndex.set(key, index);
    }
    return index;
  }

  /** Empties the columns and tables into a batch, or discards them when `progress` is null. */
  private drain(progress: Progress | null): TraceBatch | null {
    const batch: TraceBatch | null =
      progress === null
        ? null
        : {
            version: TRACE_BATCH_VERSION,
            epoch: this.epochValue,
            seq: this.seq++,
            keys: { base: this.keysSent, added: this.keys.slice(this.keysSent) },
            records: takeAll(this.records),
            watermarks: takeAll(this.watermarks),
            idleness: takeAll(this.idleness),
            windows: takeAll(this.windows),
            late: takeAll(this.late),
            barriers: takeAll(this.barriers),
            firedResults: { base: this.firedSent, added: this.fired.slice(this.firedSent) },
            results: this.results,
            sideOutput: this.sideOutput,
            progress,
          };
    if (batch === null) {
      takeAll(this.records);
      takeAll(this.watermarks);
      takeAll(this.idleness);
      takeAll(this.windows);
      takeAll(this.late);
      takeAll(this.barriers);
    }
    this.keysSent = this.keys.length;
    this.firedSent = this.fired.length;
    this.results = [];
    this.sideOutput = [];
    this.events = 0;
    return batch;
  }
}
