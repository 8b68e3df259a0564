import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { PIPELINE_VERSION } from '../../engine/pipeline/document';
import {
  BARRIER_ALIGNED,
  BARRIER_RECEIVED,
  TRACE_BATCH_VERSION,
  type SessionOperator,
  type TraceBatch,
} from '../../worker/trace-batch';
import type { JobEvent } from '../../worker/recovery-types';
import { channelMap } from './barrier-channels';
import { BarrierTracker } from './barrier-tracker';

// Two sources merged by a union into a window, then a sink: a barrier aligns at the window.
const doc: PipelineDocument = {
  version: PIPELINE_VERSION,
  name: 'union',
  nodes: [
    { uid: 'a', kind: 'source.generator', params: {} },
    { uid: 'b', kind: 'source.generator', params: {} },
    { uid: 'u', kind: 'union', params: {} },
    { uid: 'w', kind: 'windowAll', params: {} },
    { uid: 'k', kind: 'sink', params: {} },
  ],
  edges: [
    { id: 'a-u', source: 'a', target: 'u' },
    { id: 'b-u', source: 'b', target: 'u' },
    { id: 'u-w', source: 'u', target: 'w' },
    { id: 'w-k', source: 'w', target: 'k' },
  ],
};

const op = (uid: string, parallelism: number, firstLane: number): SessionOperator => ({
  uid,
  kind: doc.nodes.find((n) => n.uid === uid)!.kind,
  label: uid,
  parallelism,
  firstLane,
});
const operators = [op('a', 2, 0), op('b', 1, 2), op('w', 1, 3), op('k', 1, 4)];

type Barrier = [op: number, subtask: number, pt: number, checkpoint: number, channel: number];

/** A batch of barrier events only; channel -1 is an alignment. */
function batch(barriers: Barrier[], epoch = 0, events: JobEvent[] = []): TraceBatch {
  const col = <T>(make: (n: number) => T, pick: (b: Barrier) => number) => {
    const c = make(barriers.length) as unknown as { [i: number]: number };
    barriers.forEach((b, i) => (c[i] = pick(b)));
    return c as unknown as T;
  };
  const none = { op: new Uint16Array(), subtask: new Uint16Array(), pt: new Float64Array() };
  return {
    version: TRACE_BATCH_VERSION,
    epoch,
    seq: 0,
    keys: { base: 0, added: [] },
    records: {
      ...none,
      id: new Uint32Array(),
      dir: new Uint8Array(),
      ts: new Float64Array(),
      key: new Uint32Array(),
    },
    watermarks: { ...none, watermark: new Float64Array() },
    idleness: { ...none, idle: new Uint8Array() },
    windows: {
      ...none,
      action: new Uint8Array(),
      key: new Uint32Array(),
      start: new Float64Array(),
      end: new Float64Array(),
      watermark: new Float64Array(),
      result: new Int32Array(),
    },
    late: {
      ...none,
      id: new Uint32Array(),
      ts: new Float64Array(),
      key: new Uint32Array(),
      watermark: new Float64Array(),
      outcome: new Uint8Array(),
    },
    barriers: {
      op: col(
        (n) => new Uint16Array(n),
        (b) => b[0],
      ),
      subtask: col(
        (n) => new Uint16Array(n),
        (b) => b[1],
      ),
      pt: col(
        (n) => new Float64Array(n),
        (b) => b[2],
      ),
      checkpoint: col(
        (n) => new Uint32Array(n),
        (b) => b[3],
      ),
      action: col(
        (n) => new Uint8Array(n),
        (b) => (b[4] < 0 ? BARRIER_ALIGNED : BARRIER_RECEIVED),
      ),
      channel: col(
        (n) => new Int32Array(n),
        (b) => b[4],
      ),
    },
    firedResults: { base: 0, added: [] },
    results: [],
    sideOutput: [],
    progress: {
      state: 'running',
      recordsProcessed: 0,
      recordsTotal: null,
      ratePerSecond: 0,
      processingTime: 0,
      watermarks: new Float64Array(),
      operators: [],
      sampleEvery: 1,
      failure: null,
    },
    recovery: {
      attempt: 0,
      status: 'running',
      resultBase: 0,
      results: [],
      settled: [],
      checkpoints: [],
      events,
    },
  };
}

function tracker(): BarrierTracker {
  const t = new BarrierTracker();
  t.start(doc, operators);
  return t;
}

describe('channelMap', () => {
  it('numbers the window inputs through the union: one channel per upstream subtask', () => {
    expect(channelMap(doc, operators).get('w')).toEqual([
      { base: 0, count: 2, edges: ['a-u', 'u-w'] },
      { base: 2, count: 1, edges: ['b-u', 'u-w'] },
    ]);
    expect(channelMap(doc, operators).get('k')).toEqual([{ base: 0, count: 1, edges: ['w-k'] }]);
  });
});

describe('BarrierTracker', () => {
  it('holds the inputs that delivered the barrier until the operator aligns', () => {
    const t = tracker();
    t.ingest([batch([[2, 0, 100, 1, 0]])]);
    // One of a's two subtasks delivered: a-u still carries the other's records.
    expect(t.view().held).toEqual({});
    expect(t.view().crossed).toEqual({ 'a-u': 1, 'u-w': 1 });
    t.ingest([batch([[2, 0, 110, 1, 1]])]);
    // Both did: a-u holds while u-w still carries b's records.
    expect(t.view().held).toEqual({ 'a-u': 1 });
    t.ingest([
      batch([
        [2, 0, 130, 1, 2],
        [2, 0, 130, 1, -1],
      ]),
    ]);
    expect(t.view().held).toEqual({});
    expect(t.view().crossed).toEqual({ 'a-u': 1, 'b-u': 1, 'u-w': 1 });
    expect(t.view().snapshots).toEqual({ w: 1 });
    // a's input was held back on the way; b's came last and was never held.
    expect(t.view().waited).toEqual({ 'a-u': 1 });
  });

  it('remembers an input held back even when the operator aligns within the same batch', () => {
    const t = tracker();
    t.ingest([
      batch([
        [2, 0, 100, 2, 2],
        [2, 0, 100, 2, 0],
        [2, 0, 100, 2, 1],
        [2, 0, 100, 2, -1],
      ]),
    ]);
    expect(t.view().held).toEqual({});
    expect(t.view().waited).toEqual({ 'b-u': 2 });
  });

  it('a single-channel input aligns at once and holds nothing', () => {
    const t = tracker();
    t.ingest([
      batch([
        [3, 0, 50, 4, 0],
        [3, 0, 50, 4, -1],
      ]),
    ]);
    expect(t.view()).toEqual({
      crossed: { 'w-k': 4 },
      held: {},
      waited: {},
      snapshots: { k: 4 },
    });
  });

  it('keeps when each subtask received and aligned, per checkpoint', () => {
    const t = tracker();
    t.ingest([
      batch([
        [2, 0, 100, 1, 0],
        [2, 0, 120, 1, 1],
        [2, 0, 130, 1, 2],
        [2, 0, 130, 1, -1],
        [3, 0, 131, 1, 0],
        [3, 0, 131, 1, -1],
        [3, 0, 300, 2, 0],
      ]),
    ]);
    expect(t.subtaskTimes(1)).toEqual([
      { uid: 'w', subtask: 0, received: 100, aligned: 130 },
      { uid: 'k', subtask: 0, received: 131, aligned: 131 },
    ]);
    expect(t.subtaskTimes(2)).toEqual([{ uid: 'k', subtask: 0, received: 300, aligned: null }]);
  });

  it('drops what waited when the job fails, and everything with a new epoch', () => {
    const t = tracker();
    t.ingest([batch([[2, 0, 100, 1, 0]])]);
    const failed: JobEvent = {
      kind: 'failed',
      pt: 105,
      attempt: 0,
      operatorUid: null,
      subtask: null,
      message: 'Injected failure of the job',
      reason: 'injected-job',
      restarting: true,
    };
    t.ingest([batch([], 0, [failed])]);
    expect(t.view().held).toEqual({});
    expect(t.view().crossed).toEqual({ 'a-u': 1, 'u-w': 1 });
    expect(t.ingest([batch([], 1)])).toBe(true);
    expect(t.view()).toEqual({ crossed: {}, held: {}, waited: {}, snapshots: {} });
    expect(t.subtaskTimes(1)).toEqual([]);
  });
});
