import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../engine/index';
import type { SinkResult } from '../engine/runtime/job';
import {
  batchSize,
  NO_KEY,
  NO_RESULT,
  TraceTables,
  transferablesOf,
  type Progress,
  type SessionOperator,
  type TraceBatch,
} from './trace-batch';
import { TraceBatchEncoder } from './trace-encoder';

const operators: SessionOperator[] = [
  { uid: 'src', kind: 'source.list', label: 'src', parallelism: 1, firstLane: 0 },
  { uid: 'win', kind: 'window', label: 'Per user', parallelism: 2, firstLane: 1 },
];

const progress: Progress = {
  state: 'running',
  recordsProcessed: 3,
  recordsTotal: 10,
  ratePerSecond: 0,
  processingTime: 40,
  watermarks: new Float64Array([5, 1, -Infinity]),
  operators: [],
  sampleEvery: 1,
  failure: null,
};

/** Window inputs are keyed by their `user` field; everything else is unkeyed. */
const encoder = () =>
  new TraceBatchEncoder(operators, (op, dir, value) =>
    op === 1 && dir === 'in' ? (value as { user: string }).user : undefined,
  );

const events: TraceEvent[] = [
  { type: 'record', dir: 'out', op: 'src', subtask: 0, pt: 10, ts: 1000, value: { user: 'a' } },
  { type: 'record', dir: 'in', op: 'win', subtask: 1, pt: 10, ts: 1000, value: { user: 'a' } },
  {
    type: 'window',
    action: 'created',
    op: 'win',
    subtask: 1,
    pt: 10,
    key: 'a',
    start: 0,
    end: 5000,
    watermark: -Infinity,
  },
  { type: 'watermark', op: 'src', subtask: 0, pt: 11, watermark: 999 },
  { type: 'idle', op: 'win', subtask: 0, pt: 12, idle: true },
  { type: 'barrier', op: 'win', subtask: 1, pt: 13, checkpoint: 7, action: 'received', channel: 0 },
  { type: 'barrier', op: 'win', subtask: 1, pt: 13, checkpoint: 7, action: 'aligned' },
  {
    type: 'late',
    op: 'win',
    subtask: 1,
    pt: 20,
    ts: 10,
    key: 7,
    watermark: 6000,
    outcome: 'dropped',
    value: { user: 7 },
  },
  {
    type: 'window',
    action: 'fired',
    op: 'win',
    subtask: 1,
    pt: 30,
    key: 'a',
    start: 0,
    end: 5000,
    watermark: 6000,
    result: 2,
  },
  {
    type: 'window',
    action: 'purged',
    op: 'win',
    subtask: 1,
    pt: 30,
    key: null,
    start: null,
    end: null,
    watermark: Infinity,
  },
  {
    type: 'timer',
    action: 'fired',
    domain: 'event',
    op: 'win',
    subtask: 1,
    pt: 30,
    time: 4999,
    key: 'a',
  },
  { type: 'job', pt: 40, status: 'finished' },
];

/** The batch read back into events, through the session's tables. */
function decode(batch: TraceBatch, tables: TraceTables) {
  const out: Record<string, unknown>[] = [];
  const op = (i: number) => operators[i]!.uid;
  const r = batch.records;
  for (let i = 0; i < r.id.length; i++) {
    out.push({
      type: 'record',
      id: r.id[i],
      dir: r.dir[i] === 0 ? 'in' : 'out',
      op: op(r.op[i]!),
      subtask: r.subtask[i],
      pt: r.pt[i],
      ts: r.ts[i],
      key: tables.key(r.key[i]!),
    });
  }
  const w = batch.windows;
  for (let i = 0; i < w.op.length; i++) {
    out.push({
      type: 'window',
      action: ['created', 'fired', 'purged'][w.action[i]!],
      op: op(w.op[i]!),
      subtask: w.subtask[i],
      pt: w.pt[i],
      key: tables.key(w.key[i]!),
      start: Number.isNaN(w.start[i]) ? null : w.start[i],
      end: Number.isNaN(w.end[i]) ? null : w.end[i],
      watermark: w.watermark[i],
      result: w.result[i] === NO_RESULT ? undefined : tables.firedResults[w.result[i]!],
    });
  }
  const l = batch.late;
  for (let i = 0; i < l.id.length; i++) {
    out.push({
      type: 'late',
      id: l.id[i],
      op: op(l.op[i]!),
      subtask: l.subtask[i],
      pt: l.pt[i],
      ts: l.ts[i],
      key: tables.key(l.key[i]!),
      watermark: l.watermark[i],
      outcome: l.outcome[i] === 0 ? 'side-output' : 'dropped',
    });
  }
  const m = batch.watermarks;
  for (let i = 0; i < m.op.length; i++) {
    out.push({
      type: 'watermark',
      op: op(m.op[i]!),
      subtask: m.subtask[i],
      pt: m.pt[i],
      watermark: m.watermark[i],
    });
  }
  const d = batch.idleness;
  for (let i = 0; i < d.op.length; i++) {
    out.push({
      type: 'idle',
      op: op(d.op[i]!),
      subtask: d.subtask[i],
      pt: d.pt[i],
      idle: d.idle[i] === 1,
    });
  }
  const b = batch.barriers;
  for (let i = 0; i < b.op.length; i++) {
    out.push({
      type: 'barrier',
      op: op(b.op[i]!),
      subtask: b.subtask[i],
      pt: b.pt[i],
      checkpoint: b.checkpoint[i],
      action: b.action[i] === 0 ? 'received' : 'aligned',
      channel: b.channel[i],
    });
  }
  return out;
}

describe('trace batches', () => {
  it('round-trip every event the timeline draws', () => {
    const e = encoder();
    for (const event of events) e.push(event);
    const result: SinkResult = {
      sink: 'out',
      subtask: 0,
      value: { n: 2 },
      timestamp: 4999,
      processingTime: 30,
    };
    e.result(result);
    expect(e.pending).toBe(11);
    const batch = e.take(progress);
    const tables = new TraceTables();
    tables.apply(batch);

    expect(batch).toMatchObject({ version: 1, epoch: 0, seq: 0, results: [result], progress });
    expect(batch.keys).toEqual({ base: 0, added: ['a', 7, null] });
    expect(batchSize(batch)).toBe(10);
    expect(decode(batch, tables)).toEqual([
      {
        type: 'record',
        id: 0,
        dir: 'out',
        op: 'src',
        subtask: 0,
        pt: 10,
        ts: 1000,
        key: undefined,
      },
      { type: 'record', id: 1, dir: 'in', op: 'win', subtask: 1, pt: 10, ts: 1000, key: 'a' },
      {
        type: 'window',
        action: 'created',
        op: 'win',
        subtask: 1,
        pt: 10,
        key: 'a',
        start: 0,
        end: 5000,
        watermark: -Infinity,
        result: undefined,
      },
      {
        type: 'window',
        action: 'fired',
        op: 'win',
        subtask: 1,
        pt: 30,
        key: 'a',
        start: 0,
        end: 5000,
        watermark: 6000,
        result: 2,
      },
      {
        type: 'window',
        action: 'purged',
        op: 'win',
        subtask: 1,
        pt: 30,
        key: null,
        start: null,
        end: null,
        watermark: Infinity,
        result: undefined,
      },
      {
        type: 'late',
        id: 2,
        op: 'win',
        subtask: 1,
        pt: 20,
        ts: 10,
        key: 7,
        watermark: 6000,
        outcome: 'dropped',
      },
      { type: 'watermark', op: 'src', subtask: 0, pt: 11, watermark: 999 },
      { type: 'idle', op: 'win', subtask: 0, pt: 12, idle: true },
      {
        type: 'barrier',
        op: 'win',
        subtask: 1,
        pt: 13,
        checkpoint: 7,
        action: 'received',
        channel: 0,
      },
      {
        type: 'barrier',
        op: 'win',
        subtask: 1,
        pt: 13,
        checkpoint: 7,
        action: 'aligned',
        channel: -1,
      },
    ]);
    expect(batch.records.key[0]).toBe(NO_KEY);
  });

  it('grow the key and result tables by deltas, and start over in a new epoch', () => {
    const e = encoder();
    const tables = new TraceTables();
    e.push(events[2]!);
    tables.apply(e.take(progress));
    e.push(events[8]!);
    e.push({ ...events[2]!, key: 'b' } as TraceEvent);
    const second = e.take(progress);
    expect(second.seq).toBe(1);
    expect(second.keys).toEqual({ base: 1, added: ['b'] });
    expect(second.firedResults).toEqual({ base: 0, added: [2] });
    tables.apply(second);
    expect(tables.keys).toEqual(['a', 'b']);
    expect(second.windows.key).toEqual(new Uint32Array([0, 1]));

    // A skipped batch is noticed rather than misread.
    e.push({ ...events[2]!, key: 'c' } as TraceEvent);
    e.take(progress);
    e.push({ ...events[2]!, key: 'd' } as TraceEvent);
    expect(() => tables.apply(e.take(progress))).toThrow(/does not follow/);

    e.push(events[0]!);
    e.restart();
    const fresh = e.take(progress);
    expect(fresh).toMatchObject({ epoch: 1, seq: 0, keys: { base: 0, added: [] } });
    expect(batchSize(fresh)).toBe(0);
    tables.apply(fresh);
    expect(tables.keys).toEqual([]);
    e.push(events[1]!);
    expect(e.take(progress).records.id).toEqual(new Uint32Array([0]));
  });

  it('cross a MessageChannel as transferred buffers, intact', async () => {
    const e = encoder();
    for (let i = 0; i < 1000; i++) e.push({ ...events[1]!, pt: i } as TraceEvent);
    const batch = e.take(progress);
    const buffers = transferablesOf(batch);
    expect(new Set(buffers).size).toBe(buffers.length);
    const sent = { ...batch.records };
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<TraceBatch>((resolve) => {
      port2.onmessage = (m) => resolve(m.data as TraceBatch);
    });
    port1.postMessage(batch, buffers);
    const got = await received;
    port1.close();
    port2.close();
    // Transferred, not copied: the sender's buffers are detached.
    expect(sent.pt.byteLength).toBe(0);
    expect(got.records.pt).toEqual(Float64Array.from({ length: 1000 }, (_, i) => i));
    expect(got.records.key).toEqual(new Uint32Array(1000));
  });

  it('show a value that cannot cross as text instead of failing the batch', () => {
    const e = encoder();
    e.result({ sink: 'out', subtask: 0, value: { f: () => 1 }, timestamp: 0, processingTime: 0 });
    e.push({ ...events[8]!, result: Symbol('x') } as TraceEvent);
    const batch = e.take(progress);
    expect(() => structuredClone({ ...batch, progress: null })).not.toThrow();
    expect(batch.results[0]!.value).toMatch(/cannot be shown/);
  });
});
