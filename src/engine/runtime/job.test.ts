import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsonValue, PipelineDocument, PipelineNode } from '../pipeline/document';
import { PIPELINE_VERSION } from '../pipeline/document';
import type { WindowResult } from '../operators/window-operator';
import { Job } from './job';
import type { RunConfig, SinkResult } from './job';
import type { TraceEvent } from './trace';
import { parseSnapshot, SavepointError, serializeSnapshot } from './snapshot';

interface Row {
  key: string;
  ts: number;
  at: number;
  value?: number;
}

type Params = Record<string, JsonValue>;

const listSource = (uid: string, records: Row[], params: Params = {}): PipelineNode => ({
  uid,
  kind: 'source.list',
  params: { records: records as unknown as JsonValue[], ...params },
});
const keyBy = (): PipelineNode => ({
  uid: 'keyBy',
  kind: 'keyBy',
  params: { mode: 'field', field: 'key' },
});
const windowNode = (params: Params): PipelineNode => ({
  uid: 'window',
  kind: 'window',
  params: { assigner: 'tumbling', sizeMs: 10, aggregate: 'count', lateOutput: false, ...params },
});
const sink = (uid = 'results'): PipelineNode => ({ uid, kind: 'sink', params: { name: uid } });

/**
 * sources -> (union) -> middle... -> keyBy -> window -> results sink, plus a 'late' sink on
 * the window's late port when it has one.
 */
function pipeline(sources: PipelineNode[], window: Params, middle: PipelineNode[] = []) {
  const w = windowNode(window);
  const nodes = [...sources, ...middle, keyBy(), w, sink()];
  const edges: PipelineDocument['edges'] = [];
  const link = (source: string, target: string, sourcePort?: string) =>
    edges.push({
      id: `${source}-${target}`,
      source,
      target,
      ...(sourcePort ? { sourcePort } : {}),
    });
  let tail = sources.map((s) => s.uid);
  if (tail.length > 1) {
    nodes.push({ uid: 'union', kind: 'union', params: {} });
    tail.forEach((t) => link(t, 'union'));
    tail = ['union'];
  }
  for (const n of [...middle, keyBy(), w, sink()]) {
    tail.forEach((t) => link(t, n.uid));
    tail = [n.uid];
  }
  if (w.params.lateOutput === true) {
    nodes.push(sink('late'));
    link('window', 'late', 'late');
  }
  const doc: PipelineDocument = { version: PIPELINE_VERSION, name: 'test', nodes, edges };
  return doc;
}

function start(doc: PipelineDocument, config: Partial<RunConfig> = {}) {
  const job = new Job(doc, {
    time: 'event',
    stateBackend: 'heap',
    parallelism: 1,
    seed: 1,
    ...config,
  });
  const results: SinkResult[] = [];
  job.onResult((r) => results.push(r));
  const windows = () =>
    results.filter((r) => r.sink === 'results').map((r) => r.value as WindowResult);
  const metricsOf = (uid: string) => job.metrics().operators.filter((m) => m.uid === uid);
  return { job, results, windows, metricsOf };
}

const row = (key: string, ts: number, at = ts): Row => ({ key, ts, at });

describe('Job: results do not depend on parallelism', () => {
  const windowSpec = fc.oneof(
    fc.record({ assigner: fc.constant('tumbling'), sizeMs: fc.integer({ min: 1, max: 40 }) }),
    fc
      .record({ slideMs: fc.integer({ min: 1, max: 15 }), n: fc.integer({ min: 1, max: 4 }) })
      .map(({ slideMs, n }) => ({ assigner: 'sliding', slideMs, sizeMs: slideMs * n + (n % 2) })),
    fc.record({ assigner: fc.constant('session'), gapMs: fc.integer({ min: 1, max: 30 }) }),
  );
  const input = fc.array(
    fc.record({
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      ts: fc.integer({ min: 0, max: 200 }),
      at: fc.integer({ min: 0, max: 200 }),
    }),
    { maxLength: 40 },
  );

  /** Every result and late record of a run, as sorted JSON lines. */
  function outcome(doc: PipelineDocument, parallelism: number): string[] {
    const { job, results } = start(doc, { parallelism });
    job.runUntil('end');
    expect(job.status).toBe('finished');
    return results
      .map((r) => JSON.stringify([r.sink, r.value, r.timestamp, r.processingTime]))
      .sort();
  }

  it('gives the same multiset of results at parallelism 1, 2 and 4', () => {
    fc.assert(
      fc.property(
        input,
        windowSpec,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 20 }),
        (records, window, outOfOrdernessMs, allowedLatenessMs) => {
          // A map between source and window makes the window's valve combine p channels.
          const map: PipelineNode = {
            uid: 'map',
            kind: 'map',
            params: { mode: 'code', code: '(r) => ({ ...r, v: r.ts % 7 })' },
          };
          const doc = pipeline(
            [listSource('src', records, { outOfOrdernessMs })],
            { ...window, allowedLatenessMs, aggregate: 'sum', field: 'v', lateOutput: true },
            [map],
          );
          const one = outcome(doc, 1);
          expect(outcome(doc, 2)).toEqual(one);
          expect(outcome(doc, 4)).toEqual(one);
        },
      ),
      { seed: 42, numRuns: 60 },
    );
  });
});

describe('Job', () => {
  it('is deterministic: the same document and seed give the same results, byte for byte', () => {
    const generator: PipelineNode = {
      uid: 'gen',
      kind: 'source.generator',
      params: {
        generator: 'clickstream',
        count: 400,
        keys: 5,
        ratePerSecond: 50,
        disorderMs: 300,
        lateFraction: 0.1,
        lateByMs: 1000,
        outOfOrdernessMs: 300,
      },
    };
    const doc = pipeline([generator], {
      assigner: 'sliding',
      sizeMs: 2000,
      slideMs: 500,
      allowedLatenessMs: 200,
      lateOutput: true,
    });
    const run = (seed: number) => {
      const { job, results } = start(doc, { parallelism: 2, seed });
      job.runUntil('end');
      return JSON.stringify(results);
    };
    const first = run(7);
    expect(first.length).toBeGreaterThan(1000);
    expect(run(7)).toBe(first);
    expect(run(8)).not.toBe(first);
  });

  it('fails with the operator and the message when a user function throws', () => {
    const map: PipelineNode = {
      uid: 'explode',
      kind: 'map',
      params: {
        mode: 'code',
        code: '(r) => { if (r.ts === 3) throw new Error("boom at 3"); return r; }',
      },
    };
    const doc = pipeline([listSource('src', [row('a', 1), row('a', 3), row('a', 5)])], {}, [map]);
    const { job, metricsOf } = start(doc);
    job.runUntil('end');
    expect(job.status).toBe('failed');
    expect(job.failure?.operatorUid).toBe('explode');
    expect(job.failure?.message).toContain('boom at 3');
    expect(job.metrics().status).toBe('failed');
    // The failed job takes no more input.
    expect(job.step()).toBe(false);
    expect(metricsOf('explode')[0]!.recordsIn).toBe(2);
  });

  it('fails with the window operator when an aggregate field is not numeric', () => {
    const doc = pipeline(
      [listSource('src', [{ ...row('a', 1), value: 'x' as unknown as number }])],
      {
        aggregate: 'sum',
        field: 'value',
      },
    );
    const { job } = start(doc);
    job.runUntil('end');
    expect(job.status).toBe('failed');
    expect(job.failure).toEqual({
      operatorUid: 'window',
      message: expect.stringContaining('field "value"'),
    });
  });

  it('fires processing-time windows as advanceProcessingTime moves the clock', () => {
    // Unbounded: a finished job would stop the clock before the last window is due.
    const doc = pipeline(
      [listSource('src', [row('a', 500, 1), row('a', -7, 2), row('a', 0, 12)], { bounded: false })],
      { assigner: 'tumbling', sizeMs: 10 },
    );
    const { job, results, windows } = start(doc, { time: 'processing' });
    job.advanceProcessingTime(9);
    expect(results).toEqual([]);
    job.advanceProcessingTime(10);
    expect(windows()).toEqual([{ key: 'a', start: 0, end: 10, value: 2 }]);
    expect(results[0]!.processingTime).toBe(10);
    job.advanceProcessingTime(25);
    expect(windows()).toEqual([
      { key: 'a', start: 0, end: 10, value: 2 },
      { key: 'a', start: 10, end: 20, value: 1 },
    ]);
    expect(results[1]!.processingTime).toBe(20);
    expect(job.processingTime).toBe(25);
  });

  it("runUntil('end') fires processing-time windows between records just as stepping does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 40 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.boolean(),
        (rows, bounded) => {
          const records = rows.map(([key, at]) => row(key, at, at));
          const doc = pipeline([listSource('src', records, { bounded })], {
            assigner: 'tumbling',
            sizeMs: 7,
          });
          const run = (drive: (job: Job) => void) => {
            const { job, results } = start(doc, { time: 'processing' });
            drive(job);
            return results.map((r) => [r.value, r.processingTime]);
          };
          const ran = run((job) => job.runUntil('end'));
          const stepped = run((job) => {
            while (job.step());
            if (job.status === 'running') job.drain();
          });
          expect(ran).toEqual(stepped);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });

  it("runUntil('firing') stops right after the record that fires a window", () => {
    const records = [1, 2, 3, 12, 13, 25, 26].map((ts) => row('a', ts));
    const doc = pipeline([listSource('src', records, { bounded: false })], {});
    const { job, windows } = start(doc);
    expect(job.runUntil('firing')).toBe(4);
    expect(windows()).toEqual([{ key: 'a', start: 0, end: 10, value: 3 }]);
    expect(job.runUntil('firing')).toBe(2);
    expect(windows()).toHaveLength(2);
    // No more firings: runs out of input and stops.
    expect(job.runUntil('firing')).toBe(1);
    expect(job.status).toBe('running');
  });

  it("runUntil('watermark') stops once a watermark advances", () => {
    const records = [5, 5, 5, 3, 8].map((ts, i) => row('a', ts, i));
    const doc = pipeline([listSource('src', records, { bounded: false })], {});
    const { job, metricsOf } = start(doc);
    expect(job.runUntil('watermark')).toBe(1);
    expect(metricsOf('window')[0]!.watermark).toBe(4);
    // Neither 5 again nor 3 raises the watermark; 8 does.
    expect(job.runUntil('watermark')).toBe(4);
    expect(metricsOf('window')[0]!.watermark).toBe(7);
  });

  it('finishes with a bounded source, whose final watermark fires every window', () => {
    const doc = pipeline([listSource('src', [row('a', 1), row('b', 2), row('a', 15)])], {});
    const { job, windows, metricsOf } = start(doc);
    expect(job.runUntil('idle')).toBe(3);
    expect(job.status).toBe('finished');
    expect(job.metrics().sources[0]).toMatchObject({ finished: true, watermark: Infinity });
    expect(metricsOf('window')[0]!.watermark).toBe(Infinity);
    expect(windows()).toEqual([
      { key: 'a', start: 0, end: 10, value: 1 },
      { key: 'b', start: 0, end: 10, value: 1 },
      { key: 'a', start: 10, end: 20, value: 1 },
    ]);
    expect(metricsOf('window')[0]!.stateEntries).toBe(0);
  });

  it('takes the minimum of the watermarks of a union of two sources', () => {
    const a = listSource('a', [row('x', 100, 1), row('x', 300, 3)], { bounded: false });
    const b = listSource('b', [row('y', 50, 2), row('y', 200, 4)], { bounded: false });
    const { job, metricsOf } = start(pipeline([a, b], {}));
    const watermark = () => metricsOf('window')[0]!.watermark;
    job.step();
    expect(watermark()).toBe(-Infinity);
    job.step();
    expect(watermark()).toBe(49);
    // 'a' moves to 299, but 'b' still holds the minimum.
    job.step();
    expect(watermark()).toBe(49);
    job.step();
    expect(watermark()).toBe(199);
  });

  it('lets the other source advance the watermark once one goes idle', () => {
    // 'quiet' sends one record and then nothing; 'busy' keeps going.
    const busyRows = [0, 50, 100, 150, 200].map((t) => row('a', t));
    const run = (idleTimeoutMs: number | null) => {
      const busy = listSource('busy', busyRows, { bounded: false });
      const quiet = listSource('quiet', [row('b', 0)], { bounded: false, idleTimeoutMs });
      const { job, windows, metricsOf } = start(pipeline([busy, quiet], { sizeMs: 100 }));
      job.advanceProcessingTime(201);
      return { watermark: metricsOf('window')[0]!.watermark, windows: windows(), job };
    };
    expect(run(null).watermark).toBe(-1);
    expect(run(null).windows).toEqual([]);
    const idle = run(100);
    expect(idle.watermark).toBe(199);
    expect(idle.job.metrics().sources.find((s) => s.uid === 'quiet')?.idle).toBe(true);
    expect(idle.windows).toEqual([
      { key: 'a', start: 0, end: 100, value: 2 },
      { key: 'b', start: 0, end: 100, value: 1 },
      { key: 'a', start: 100, end: 200, value: 2 },
    ]);
  });

  it('reports records in and out, watermark, open windows and state entries', () => {
    const records = [row('a', 1), row('a', 2), row('b', 3), row('a', 11)];
    const doc = pipeline([listSource('src', records, { bounded: false })], {});
    const { job, metricsOf } = start(doc);
    job.step();
    job.step();
    job.step();
    expect(metricsOf('window')[0]).toMatchObject({
      recordsIn: 3,
      recordsOut: 0,
      watermark: 2,
      openWindows: 2,
      stateEntries: 2,
      firings: 0,
      lateRecordsDropped: 0,
    });
    job.step();
    expect(metricsOf('window')[0]).toMatchObject({
      recordsIn: 4,
      recordsOut: 2,
      watermark: 10,
      openWindows: 1,
      stateEntries: 1,
      firings: 2,
    });
    expect(metricsOf('results')[0]).toMatchObject({ recordsIn: 2, watermark: 10 });
    expect(job.metrics().sources[0]).toMatchObject({ recordsOut: 4, offset: 4, watermark: 10 });
  });

  it('counts late records dropped by a window', () => {
    const records = [row('a', 20, 0), row('a', 1, 1), row('a', 2, 2)];
    const { job, metricsOf } = start(pipeline([listSource('src', records)], {}));
    job.runUntil('end');
    expect(metricsOf('window')[0]!.lateRecordsDropped).toBe(2);
  });

  it('an empty bounded source finishes at once and does not hold back the watermark', () => {
    const a = listSource('a', [row('x', 5, 1), row('x', 15, 2)]);
    const empty = listSource('empty', []);
    const { job, windows, metricsOf } = start(pipeline([a, empty], {}));
    expect(job.runUntil('idle')).toBe(2);
    expect(metricsOf('window')[0]!.watermark).toBe(Infinity);
    expect(windows()).toHaveLength(2);
    expect(job.status).toBe('finished');
  });

  it('never changes the document it runs: a user function that mutates a record fails', () => {
    const records = [1, 2, 3].map((ts) => ({ ...row('a', ts), value: 1 }));
    const map: PipelineNode = {
      uid: 'times10',
      kind: 'map',
      params: { mode: 'code', code: '(r) => { r.value *= 10; return r; }' },
    };
    const doc = pipeline([listSource('src', records)], { aggregate: 'sum', field: 'value' }, [map]);
    const { job } = start(doc);
    job.runUntil('end');
    expect(job.status).toBe('failed');
    expect(job.failure?.operatorUid).toBe('times10');
    expect(job.failure?.message).toMatch(/read.only/);
    expect(records[0]).toEqual({ key: 'a', ts: 1, at: 1, value: 1 });
  });

  it('names the flatMap operator when it returns something that is not iterable', () => {
    const flatMap: PipelineNode = {
      uid: 'split',
      kind: 'flatMap',
      params: { code: '(r) => r.ts' },
    };
    const { job } = start(pipeline([listSource('src', [row('a', 1)])], {}, [flatMap]));
    job.runUntil('end');
    expect(job.status).toBe('failed');
    expect(job.failure?.operatorUid).toBe('split');
  });
});

describe('Job: tracing', () => {
  const records = Array.from({ length: 20 }, (_, i) => row(i % 2 ? 'a' : 'b', i * 3));
  const doc = pipeline([listSource('src', records)], { lateOutput: true });

  function traced(sampleEvery: number): TraceEvent[] {
    const { job } = start(doc, { trace: { sampleEvery } });
    const events: TraceEvent[] = [];
    job.onTrace((e) => events.push(e));
    job.runUntil('end');
    return events;
  }

  it('is off by default: onTrace throws', () => {
    const { job } = start(doc);
    expect(() => job.onTrace(() => {})).toThrow(/Tracing is off/);
    const nulled = start(doc, { trace: null });
    expect(() => nulled.job.onTrace(() => {})).toThrow(/Tracing is off/);
    nulled.job.runUntil('end');
    expect(nulled.job.status).toBe('finished');
  });

  it('samples record events but keeps every window and watermark event', () => {
    const all = traced(1);
    const half = traced(2);
    const of = (events: TraceEvent[], type: TraceEvent['type']) =>
      events.filter((e) => e.type === type);
    const windowIn = of(all, 'record').filter((e) => e.type === 'record' && e.op === 'window');
    expect(windowIn.filter((e) => e.type === 'record' && e.dir === 'in')).toHaveLength(20);
    // One sampling counter for all record events: exactly every other one is kept.
    const allRecords = of(all, 'record');
    expect(of(half, 'record')).toHaveLength(Math.ceil(allRecords.length / 2));
    expect(of(half, 'record')[1]).toEqual(allRecords[2]);
    expect(of(half, 'window')).toEqual(of(all, 'window'));
    expect(of(half, 'watermark')).toEqual(of(all, 'watermark'));
    // 2 keys x 6 windows of 10 ms over ts 0..57.
    const fired = of(all, 'window').filter((e) => e.type === 'window' && e.action === 'fired');
    expect(fired).toHaveLength(12);
    expect(all.at(-1)).toMatchObject({ type: 'job', status: 'finished' });
  });
});

describe('Job: restoring a savepoint', () => {
  const records = [row('a', 1), row('b', 2), row('c', 3), row('a', 30), row('b', 31)];

  it('refuses a savepoint whose window kind changed, and leaves the job untouched', async () => {
    const tumbling = start(pipeline([listSource('src', records)], {}), { parallelism: 2 });
    for (let i = 0; i < 3; i++) tumbling.job.step();
    const savepoint = parseSnapshot(serializeSnapshot(await tumbling.job.snapshot()));
    expect(savepoint.operators[0]!.subtasks.map((s) => s.index)).toEqual([0, 1]);

    const sessionDoc = pipeline([listSource('src', records)], { assigner: 'session', gapMs: 5 });
    const session = start(sessionDoc, { parallelism: 2 });
    expect(session.job.compatibility(savepoint).ok).toBe(false);
    const refused = await session.job.restore(savepoint).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SavepointError);
    expect((refused as SavepointError).reason).toBe('incompatible');
    expect((refused as SavepointError).message).toContain('"window" was a tumbling window');
    expect(session.job.processingTime).toBe(0);

    session.job.runUntil('end');
    const fresh = start(sessionDoc, { parallelism: 2 });
    fresh.job.runUntil('end');
    expect(session.windows()).toEqual(fresh.windows());
  });
});
