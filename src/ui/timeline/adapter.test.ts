import { describe, expect, it } from 'vitest';
import {
  NO_KEY,
  NO_RESULT,
  WINDOW_CREATED,
  WINDOW_FIRED,
  WINDOW_PURGED,
  type SessionInfo,
  type TraceBatch,
} from '../../worker/trace-batch';
import type { BreakpointHit } from '../../worker/breakpoints';
import type { JobEvent } from '../../worker/recovery-types';
import { TraceAdapter } from './adapter';
import { LATE_SIDE_OUTPUT, RECORD_IN, RECORD_OUT, TimelineModel } from './model';
import { OPERATORS, SOURCE_LANE, WINDOW_LANE, WINDOW_LANE_2, WINDOW_OP } from './test-scenario';

const info: SessionInfo = { operators: OPERATORS, sinks: [], recordsTotal: 10, lanes: 3 };

type Columns<T> = { [K in keyof T]: number[] };
interface Parts {
  epoch?: number;
  seq?: number;
  keys?: { base: number; added: string[] };
  results?: { base: number; added: unknown[] };
  records?: Partial<Columns<TraceBatch['records']>>;
  watermarks?: Partial<Columns<TraceBatch['watermarks']>>;
  windows?: Partial<Columns<TraceBatch['windows']>>;
  late?: Partial<Columns<TraceBatch['late']>>;
  barriers?: Partial<Columns<TraceBatch['barriers']>>;
  idleness?: Partial<Columns<TraceBatch['idleness']>>;
  processingTime?: number;
  detail?: { ptFrom: number; ptTo: number };
  recovery?: TraceBatch['recovery'];
}

/** A batch as the worker sends it, from plain arrays. */
function batch(parts: Parts): TraceBatch {
  const r = parts.records ?? {};
  const w = parts.watermarks ?? {};
  const win = parts.windows ?? {};
  const l = parts.late ?? {};
  const b = parts.barriers ?? {};
  const d = parts.idleness ?? {};
  return {
    version: 1,
    epoch: parts.epoch ?? 0,
    seq: parts.seq ?? 0,
    keys: parts.keys ?? { base: 0, added: [] },
    records: {
      id: Uint32Array.from(r.id ?? []),
      op: Uint16Array.from(r.op ?? []),
      subtask: Uint16Array.from(r.subtask ?? []),
      dir: Uint8Array.from(r.dir ?? []),
      pt: Float64Array.from(r.pt ?? []),
      ts: Float64Array.from(r.ts ?? []),
      key: Uint32Array.from(r.key ?? []),
    },
    watermarks: {
      op: Uint16Array.from(w.op ?? []),
      subtask: Uint16Array.from(w.subtask ?? []),
      pt: Float64Array.from(w.pt ?? []),
      watermark: Float64Array.from(w.watermark ?? []),
    },
    idleness: {
      op: Uint16Array.from(d.op ?? []),
      subtask: Uint16Array.from(d.subtask ?? []),
      pt: Float64Array.from(d.pt ?? []),
      idle: Uint8Array.from(d.idle ?? []),
    },
    windows: {
      op: Uint16Array.from(win.op ?? []),
      subtask: Uint16Array.from(win.subtask ?? []),
      action: Uint8Array.from(win.action ?? []),
      key: Uint32Array.from(win.key ?? []),
      start: Float64Array.from(win.start ?? []),
      end: Float64Array.from(win.end ?? []),
      pt: Float64Array.from(win.pt ?? []),
      watermark: Float64Array.from(win.watermark ?? []),
      result: Int32Array.from(win.result ?? []),
    },
    late: {
      id: Uint32Array.from(l.id ?? []),
      op: Uint16Array.from(l.op ?? []),
      subtask: Uint16Array.from(l.subtask ?? []),
      pt: Float64Array.from(l.pt ?? []),
      ts: Float64Array.from(l.ts ?? []),
      key: Uint32Array.from(l.key ?? []),
      watermark: Float64Array.from(l.watermark ?? []),
      outcome: Uint8Array.from(l.outcome ?? []),
    },
    barriers: {
      op: Uint16Array.from(b.op ?? []),
      subtask: Uint16Array.from(b.subtask ?? []),
      pt: Float64Array.from(b.pt ?? []),
      checkpoint: Uint32Array.from(b.checkpoint ?? []),
      action: Uint8Array.from(b.action ?? []),
      channel: Int32Array.from(b.channel ?? []),
    },
    firedResults: parts.results ?? { base: 0, added: [] },
    results: [],
    sideOutput: [],
    progress: {
      state: 'running',
      recordsProcessed: 0,
      recordsTotal: 10,
      ratePerSecond: 0,
      processingTime: parts.processingTime ?? 0,
      watermarks: new Float64Array(3),
      operators: [],
      sampleEvery: 1,
      failure: null,
    },
    ...(parts.detail === undefined ? {} : { detail: parts.detail }),
    ...(parts.recovery === undefined ? {} : { recovery: parts.recovery }),
  };
}

/** A window of key 0 on subtask 0 that opens, takes two records (one emitted by the source), fires. */
const first = batch({
  keys: { base: 0, added: ['user-0', 'user-1'] },
  results: { base: 0, added: [2] },
  records: {
    id: [1, 1, 2],
    op: [0, WINDOW_OP, WINDOW_OP],
    subtask: [0, 0, 0],
    dir: [RECORD_OUT, RECORD_IN, RECORD_IN],
    pt: [1000, 1000, 1500],
    ts: [900, 900, 1200],
    key: [NO_KEY, 0, 0],
  },
  watermarks: {
    op: [WINDOW_OP, WINDOW_OP],
    subtask: [0, 1],
    pt: [1500, 1500],
    watermark: [1100, 1100],
  },
  // The creation is listed after the records: the adapter opens windows first anyway.
  windows: {
    op: [WINDOW_OP, WINDOW_OP, WINDOW_OP],
    subtask: [0, 0, 0],
    action: [WINDOW_CREATED, WINDOW_FIRED, WINDOW_PURGED],
    key: [0, 0, 0],
    start: [0, 0, 0],
    end: [2000, 2000, 2000],
    pt: [1000, 2500, 2500],
    watermark: [-Infinity, 2100, 2100],
    result: [NO_RESULT, 0, NO_RESULT],
  },
  processingTime: 2600,
});

describe('TraceAdapter', () => {
  it('fills the model from a batch: lanes, keys, records, watermarks and windows', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    let commits = 0;
    model.subscribe(() => commits++);
    adapter.apply(first);
    expect(commits).toBe(1);
    expect(model.keys).toEqual(['user-0', 'user-1']);
    expect(model.records.length).toBe(3);
    expect([...model.records.columns.lane.subarray(0, 3)]).toEqual([
      SOURCE_LANE,
      WINDOW_LANE,
      WINDOW_LANE,
    ]);
    expect(model.watermarks.length).toBe(2);
    expect(model.windows.length).toBe(1);
    const c = model.windows.columns;
    expect(c.records[0]).toBe(2);
    expect(c.firedPt[0]).toBe(2500);
    expect(c.firedWatermark[0]).toBe(2100);
    expect(c.purgedPt[0]).toBe(2500);
    expect(model.results[c.result[0]]).toBe(2);
    expect(model.now).toBe(2600);
  });

  it('appends the next batch, late records, idleness and barriers included', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    adapter.apply(first);
    adapter.apply(
      batch({
        seq: 1,
        keys: { base: 2, added: ['user-2'] },
        results: { base: 1, added: [] },
        late: {
          id: [3],
          op: [WINDOW_OP],
          subtask: [1],
          pt: [3000],
          ts: [500],
          key: [2],
          watermark: [2100],
          outcome: [LATE_SIDE_OUTPUT],
        },
        barriers: {
          op: [0],
          subtask: [0],
          pt: [3100],
          checkpoint: [1],
          action: [1],
          channel: [-1],
        },
        idleness: { op: [WINDOW_OP], subtask: [1], pt: [2800], idle: [1] },
        processingTime: 3200,
      }),
    );
    expect(model.keys).toEqual(['user-0', 'user-1', 'user-2']);
    expect(model.late.length).toBe(1);
    expect(model.late.columns.lane[0]).toBe(WINDOW_LANE_2);
    expect(model.late.columns.watermark[0]).toBe(2100);
    expect(model.barriers.length).toBe(1);
    expect(model.idleSpans(WINDOW_LANE_2)).toEqual([{ from: 2800, to: 3200 }]);
    expect(model.now).toBe(3200);
  });

  it('keeps the job failing and restoring a checkpoint, and forgets them on a newer epoch', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    const events: JobEvent[] = [
      {
        kind: 'failed',
        pt: 500,
        attempt: 0,
        operatorUid: null,
        subtask: null,
        message: 'x',
        reason: 'injected-job',
        restarting: true,
      },
      { kind: 'restarting', pt: 500, attempt: 1, restartAt: 700, delayMs: 200 },
      { kind: 'restored', pt: 700, attempt: 1, checkpointId: 2, stateRestored: true, offsets: [] },
    ];
    adapter.apply(
      batch({
        recovery: {
          attempt: 1,
          status: 'running',
          resultBase: 0,
          results: [],
          settled: [],
          checkpoints: [],
          events: [...events],
        },
      }),
    );
    expect(model.jobEvents).toEqual([
      { kind: 'failed', pt: 500 },
      { kind: 'restored', pt: 700, checkpointId: 2 },
    ]);
    adapter.apply(batch({ epoch: 1 }));
    expect(model.jobEvents).toEqual([]);
  });

  it('marks the breakpoint of a batch paused at one, at the fired window, until a batch without it', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    const hit: BreakpointHit = {
      kind: 'windowFires',
      operatorUid: 'per-10s',
      subtask: 0,
      key: 'user-0',
      start: 0,
      end: 2000,
      watermark: 2100,
      result: 2,
      processingTime: 2500,
      recordsProcessed: 1,
    };
    adapter.apply({ ...first, breakpoint: hit });
    expect(model.breakpoint).toEqual({ hit, operator: WINDOW_OP, lane: WINDOW_LANE, window: 0 });
    adapter.apply(batch({ seq: 1, keys: { base: 2, added: [] }, results: { base: 1, added: [] } }));
    expect(model.breakpoint).toBeNull();
  });

  it('starts over on a newer epoch', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    adapter.apply(first);
    const generation = model.generation;
    adapter.apply({ ...batch({ epoch: 1, keys: { base: 0, added: ['user-9'] } }) });
    expect(model.generation).toBe(generation + 1);
    expect(model.records.length).toBe(0);
    expect(model.keys).toEqual(['user-9']);
    expect(model.operators).toBe(OPERATORS);
  });

  it('puts a detail batch’s records in place of those held over its stretch', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    adapter.apply(first);
    adapter.apply(
      batch({
        seq: 1,
        keys: { base: 2, added: [] },
        results: { base: 1, added: [] },
        detail: { ptFrom: 1200, ptTo: 1800 },
        records: {
          id: [7, 8, 9, 10],
          op: [WINDOW_OP, WINDOW_OP, WINDOW_OP, WINDOW_OP],
          subtask: [0, 0, 0, 0],
          dir: [RECORD_IN, RECORD_IN, RECORD_IN, RECORD_IN],
          pt: [1100, 1300, 1700, 1900],
          ts: [1000, 1200, 1600, 1800],
          key: [0, 0, 1, 1],
        },
        processingTime: 2600,
      }),
    );
    // 1500 gave way to 1300 and 1700; 1100 and 1900 lie outside the stretch.
    const c = model.records.columns;
    expect([...c.pt.subarray(0, model.records.length)]).toEqual([1000, 1000, 1300, 1700]);
    expect([...c.id.subarray(0, model.records.length)]).toEqual([1, 1, 8, 9]);
    expect(c.lane[3]).toBe(WINDOW_LANE);
    expect(model.windows.columns.records[0]).toBe(2);
  });

  it('remembers which clock the session’s windows follow', () => {
    const model = new TimelineModel();
    new TraceAdapter(model).start(info, 'processing');
    expect(model.windowTime).toBe('processing');
    new TraceAdapter(model).start(info);
    expect(model.windowTime).toBe('event');
  });

  it('refuses a batch that does not follow the last', () => {
    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(info);
    adapter.apply(first);
    expect(() =>
      adapter.apply(
        batch({ seq: 2, keys: { base: 2, added: [] }, results: { base: 1, added: [] } }),
      ),
    ).toThrow(/does not follow/);
    expect(() =>
      adapter.apply(
        batch({ seq: 1, keys: { base: 0, added: [] }, results: { base: 1, added: [] } }),
      ),
    ).toThrow(/does not follow/);
  });
});
