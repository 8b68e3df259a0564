import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import type { SessionHost } from './run-session';
import { RunSession } from './run-session';
import { NO_KEY, RECORD_IN, TraceTables, WINDOW_FIRED } from './trace-batch';
import type { SessionConfig, TraceBatch } from './trace-batch';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

function withSource(doc: PipelineDocument, params: Record<string, unknown>): PipelineDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.kind === 'source.generator'
        ? ({ ...n, params: { ...n.params, ...params } } as typeof n)
        : n,
    ),
  };
}

const config: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 2,
  seed: 7,
  speed: 'max',
};

/**
 * A wall clock that moves only when the session reads it (by `msPerRead`, so slices of work
 * end as they would in real time), waits or yields: runs are reproducible.
 */
function fakeHost(msPerYield = 20, msPerRead = 1): SessionHost & { wall: number } {
  const host = {
    wall: 0,
    now: () => (host.wall += msPerRead),
    yieldToMessages: async () => {
      host.wall += msPerYield;
      await new Promise((resolve) => setImmediate(resolve));
    },
    sleep: async (ms: number) => {
      host.wall += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    indexedDB,
  };
  return host;
}

async function open(doc: PipelineDocument, cfg: SessionConfig = config, host = fakeHost()) {
  const batches: TraceBatch[] = [];
  const started = await RunSession.start(doc, cfg, (b) => batches.push(b), host);
  if (!started.ok) throw new Error(started.failure.message);
  return { session: started.session, batches, host };
}

async function until(batches: TraceBatch[], done: (b: TraceBatch) => boolean): Promise<void> {
  for (let i = 0; i < 10_000; i++) {
    if (batches.some(done)) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The session never got there');
}

const last = (batches: TraceBatch[]) => batches[batches.length - 1]!;
const results = (batches: TraceBatch[]) => batches.flatMap((b) => b.results);
const finished = (b: TraceBatch) => b.progress.state === 'finished';

describe('a run session', () => {
  it('starts paused at the start and describes the job it set up', async () => {
    const { session, batches } = await open(example);
    expect(session.info.operators.map((o) => [o.uid, o.parallelism, o.firstLane])).toEqual([
      ['clicks', 2, 0],
      ['only-clicks', 2, 2],
      ['per-10s', 2, 4],
      ['counts', 2, 6],
      ['late', 2, 8],
    ]);
    expect(session.info.sinks).toEqual([
      { uid: 'counts', lateOutputOf: null },
      { uid: 'late', lateOutputOf: 'per-10s' },
    ]);
    expect(session.info.recordsTotal).toBe(200);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.progress).toMatchObject({ state: 'idle', recordsProcessed: 0 });
  });

  it('refuses a document that does not validate, with reasons', async () => {
    const broken = { ...example, edges: example.edges.filter((e) => e.id !== 'e3') };
    const started = await RunSession.start(broken, config, () => undefined, fakeHost());
    expect(started.ok).toBe(false);
  });

  it.each([
    ['event time, parallelism 2', example, config],
    ['event time, parallelism 1', example, { ...config, parallelism: 1 }],
    ['processing time', example, { ...config, time: 'processing' as const }],
    [
      'sliding windows over 1000 records',
      {
        ...withSource(example, { count: 1000, keys: 5 }),
        nodes: withSource(example, { count: 1000, keys: 5 }).nodes.map((n) =>
          n.kind === 'window'
            ? { ...n, params: { ...n.params, assigner: 'sliding', slideMs: 5000 } }
            : n,
        ),
      },
      config,
    ],
  ])('plays as fast as possible to the results run() gives (%s)', async (_, doc, cfg) => {
    const { session, batches } = await open(doc, cfg);
    session.play();
    await until(batches, finished);
    const run = await createEngineApi().run(doc, cfg);
    expect(run.status).toBe('finished');
    expect(results(batches)).toEqual(run.results);
    expect(last(batches).progress.recordsProcessed).toBe(run.recordsIn);
  });

  it('plays paced by the wall clock: 100x speed covers 100 ms of processing time per ms', async () => {
    // Reads that take no time: the wall clock moves only while the session waits.
    const host = fakeHost(20, 0);
    const doc = withSource(example, { count: 2000 });
    const { session, batches } = await open(doc, { ...config, speed: 100 }, host);
    const playedAt = host.wall;
    session.play();
    await until(batches, (b) => b.progress.processingTime >= 20_000);
    await session.pause();
    const { processingTime, state } = last(batches).progress;
    expect(state).toBe('paused');
    // Every wait counts, except the yield before the first slice and the wait after the last.
    const waited = host.wall - playedAt;
    expect(processingTime).toBeLessThanOrEqual(waited * 100);
    expect(processingTime).toBeGreaterThanOrEqual((waited - 20 - 16) * 100);
    session.setSpeed('max');
    session.play();
    await until(batches, finished);
    const run = await createEngineApi().run(doc, config);
    expect(results(batches)).toEqual(run.results);
  });

  it('keeps the paced clock going from where a stretch at full speed left the job', async () => {
    const { session, batches, host } = await open(withSource(example, { count: 5000 }));
    session.play();
    await until(batches, (b) => b.progress.processingTime > 60_000);
    session.setSpeed(10);
    const paused = last(batches).progress.processingTime;
    const wall = host.wall;
    await until(batches, (b) => b.progress.processingTime > paused);
    // No stall while a stale paced clock catches up with the job...
    expect(host.wall - wall).toBeLessThan(1000);
    // ...and from there about 10 ms of processing time per wall millisecond.
    const from = { wall: host.wall, pt: last(batches).progress.processingTime };
    await until(batches, () => host.wall > from.wall + 2000);
    await session.pause();
    const rate = (last(batches).progress.processingTime - from.pt) / (host.wall - from.wall);
    expect(rate).toBeGreaterThan(8);
    expect(rate).toBeLessThanOrEqual(10);
  });

  it('steps one record, to the next watermark change and to the next window firing', async () => {
    const { session, batches } = await open(example);
    const one = await session.step('record');
    expect(one.recordsProcessed).toBe(1);
    expect(one.state).toBe('paused');
    const stepped = last(batches);
    expect(stepped.records.id.length).toBeGreaterThan(0);

    const window = session.info.operators.findIndex((o) => o.kind === 'window');
    const before = batches.length;
    await session.step('watermark');
    const wm = batches.slice(before).flatMap((b) => [...b.watermarks.op]);
    expect(wm.some((op) => !session.info.operators[op]!.kind.startsWith('source.'))).toBe(true);

    const firingsBefore = last(batches).progress.operators[window]!.firings;
    const mark = batches.length;
    const atFiring = await session.step('firing');
    const fired = batches.slice(mark).flatMap((b) => [...b.windows.action]);
    expect(fired).toContain(WINDOW_FIRED);
    expect(atFiring.operators[window]!.firings).toBeGreaterThan(firingsBefore);
    // It stops at the firing: the run is far from over.
    expect(atFiring.recordsProcessed).toBeLessThan(200);

    // Stepping on from the firing to the end gives what a run gives.
    session.setSpeed('max');
    session.play();
    await until(batches, finished);
    expect(results(batches)).toEqual((await createEngineApi().run(example, config)).results);
  });

  it('seeks to a processing time: the same state as playing to that time', async () => {
    const played = await open(example, { ...config, speed: 50 });
    played.session.play();
    await until(played.batches, (b) => b.progress.processingTime >= 4000);
    await played.session.pause();
    const at = last(played.batches).progress;

    const sought = await open(example);
    await sought.session.step('firing');
    const progress = await sought.session.seek(at.processingTime);
    expect(progress.processingTime).toBe(at.processingTime);
    expect(progress.recordsProcessed).toBe(at.recordsProcessed);
    expect(progress.operators).toEqual(at.operators);
    expect([...progress.watermarks]).toEqual([...at.watermarks]);
    // The seek started a new epoch: its batches alone hold the run up to that time.
    const epoch = last(sought.batches).epoch;
    expect(epoch).toBeGreaterThan(0);
    const since = sought.batches.filter((b) => b.epoch === epoch);
    expect(results(since)).toEqual(results(played.batches));
  });

  it('refuses a seek or a speed that is not a time or a rate, and clamps the speed', async () => {
    const { session, batches, host } = await open(withSource(example, { count: 100_000 }));
    await expect(session.seek(NaN)).rejects.toThrow(RangeError);
    await expect(session.seek(-1)).rejects.toThrow(RangeError);
    expect(() => session.setSpeed(Infinity)).toThrow(RangeError);
    // 5000x is held to 1000x.
    session.setSpeed(5000);
    session.play();
    await until(batches, (b) => b.progress.processingTime > 10_000);
    const from = { wall: host.wall, pt: last(batches).progress.processingTime };
    await until(batches, () => host.wall > from.wall + 1000);
    await session.pause();
    // Batches trail the job by up to ~50 ms, hence the margin.
    const rate = (last(batches).progress.processingTime - from.pt) / (host.wall - from.wall);
    expect(rate).toBeGreaterThan(800);
    expect(rate).toBeLessThan(1100);
  });

  it('resets to the start and cancels a long run', async () => {
    const big = withSource(example, { count: 50_000 });
    const { session, batches } = await open(big);
    session.play();
    await until(batches, (b) => b.progress.recordsProcessed > 1000);
    const canceled = await session.cancel();
    expect(canceled.state).toBe('canceled');
    expect(canceled.recordsProcessed).toBeLessThan(50_000);
    session.play();
    expect(last(batches).progress.state).toBe('canceled');

    const reset = await session.reset();
    expect(reset).toMatchObject({ state: 'idle', recordsProcessed: 0, processingTime: 0 });
    expect(last(batches).epoch).toBe(1);
    expect(last(batches).seq).toBe(0);
  });

  it('reports progress: records of the total, and the rate', async () => {
    const { session, batches } = await open(withSource(example, { count: 5000 }));
    session.play();
    await until(batches, finished);
    const done = last(batches).progress;
    expect(done).toMatchObject({ recordsProcessed: 5000, recordsTotal: 5000 });
    expect(batches.some((b) => b.progress.ratePerSecond > 0)).toBe(true);
    // Processed counts only grow within an epoch.
    const counts = batches.map((b) => b.progress.recordsProcessed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('samples about maxEvents records for the range in view, and every control event', async () => {
    const doc = withSource(example, { count: 20_000, ratePerSecond: 100 });
    const { session, batches } = await open(doc);
    // 20,000 records at 100/s arrive over 200 s of processing time.
    session.setView({ ptFrom: 0, ptTo: 200_000, maxEvents: 2000 });
    session.play();
    await until(batches, finished);
    const sent = batches.reduce((n, b) => n + b.records.id.length, 0);
    expect(sent).toBeGreaterThan(1000);
    expect(sent).toBeLessThan(4000);

    const all = await open(doc);
    all.session.setView({ ptFrom: 0, ptTo: 200_000, maxEvents: 1_000_000 });
    all.session.play();
    await until(all.batches, finished);
    const count = (bs: TraceBatch[], k: 'windows' | 'watermarks' | 'late') =>
      bs.reduce((n, b) => n + b[k].op.length, 0);
    for (const kind of ['windows', 'watermarks', 'late'] as const) {
      expect(count(batches, kind)).toBe(count(all.batches, kind));
    }
    expect(all.batches.reduce((n, b) => n + b.records.id.length, 0)).toBeGreaterThan(50_000);
  });

  it('samples a narrow view densely and the rest of the run sparsely', async () => {
    const doc = withSource(example, { count: 20_000, ratePerSecond: 100 });
    const { session, batches } = await open(doc);
    session.setView({ ptFrom: 100_000, ptTo: 110_000, maxEvents: 1000 });
    session.play();
    await until(batches, finished);
    let inView = 0;
    let outside = 0;
    for (const b of batches) {
      for (const pt of b.records.pt) {
        if (pt >= 100_000 && pt <= 110_000) inView++;
        else outside++;
      }
    }
    expect(inView).toBeGreaterThan(500);
    expect(inView).toBeLessThan(2000);
    expect(outside).toBeLessThan(4000);
  });

  it('sends detail for a stretch already run when the view zooms in on it', async () => {
    const doc = withSource(example, { count: 20_000, ratePerSecond: 100 });
    const { session, batches } = await open(doc);
    session.setView({ ptFrom: 0, ptTo: 200_000, maxEvents: 1000 });
    session.play();
    await until(batches, finished);
    const live = batches.length;
    const inRange = (pt: number) => pt >= 50_000 && pt <= 60_000;
    const liveInRange = batches.reduce((n, b) => n + [...b.records.pt].filter(inRange).length, 0);

    session.setView({ ptFrom: 50_000, ptTo: 60_000, maxEvents: 1000 });
    await until(batches, (b) => b.detail !== undefined);
    const detail = batches.slice(live).find((b) => b.detail !== undefined)!;
    expect(detail.detail).toEqual({ ptFrom: 50_000, ptTo: 60_000 });
    const pts = [...detail.records.pt];
    expect(pts.every(inRange)).toBe(true);
    expect(pts.length).toBeGreaterThan(Math.max(500, liveInRange * 5));
    expect(pts.length).toBeLessThan(2000);
    expect(detail.watermarks.op.length + detail.windows.op.length + detail.late.id.length).toBe(0);

    // The same records the run traced there: a replay, not an approximation.
    const all = await open(doc);
    all.session.setView({ ptFrom: 0, ptTo: 200_000, maxEvents: 10_000_000 });
    all.session.play();
    await until(all.batches, finished);
    const traced = new Set(
      all.batches.flatMap((b) =>
        [...b.records.pt].map(
          (pt, i) =>
            `${b.records.op[i]}/${b.records.subtask[i]}/${b.records.dir[i]}/${pt}/${b.records.ts[i]}`,
        ),
      ),
    );
    const r = detail.records;
    for (let i = 0; i < r.id.length; i++) {
      expect(traced.has(`${r.op[i]}/${r.subtask[i]}/${r.dir[i]}/${r.pt[i]}/${r.ts[i]}`)).toBe(true);
    }
    expect(session.describe(r.id[0]!)).toMatchObject({
      eventTime: r.ts[0],
      processingTime: r.pt[0],
    });

    // Asking again for what it already sent replays nothing.
    const sent = batches.length;
    session.setView({ ptFrom: 52_000, ptTo: 58_000, maxEvents: 600 });
    for (let i = 0; i < 200; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(batches.length).toBe(sent);
  });

  it('describes a record it sent: fields, times, key, windows, and why it was late', async () => {
    const { session, batches } = await open(example);
    session.play();
    await until(batches, finished);
    const tables = new TraceTables();
    for (const b of batches) tables.apply(b);
    const window = session.info.operators.findIndex((o) => o.kind === 'window');
    const b = batches.find((x) =>
      [...x.records.op].some((op, i) => op === window && x.records.dir[i] === RECORD_IN),
    )!;
    const i = [...b.records.op].findIndex(
      (op, j) => op === window && b.records.dir[j] === RECORD_IN,
    );
    const described = session.describe(b.records.id[i]!)!;
    expect(described).toMatchObject({
      op: 'per-10s',
      eventTime: b.records.ts[i],
      processingTime: b.records.pt[i],
      key: tables.key(b.records.key[i]!),
      late: null,
    });
    expect(b.records.key[i]).not.toBe(NO_KEY);
    expect(described.value).toMatchObject({ user: described.key });
    expect(described.windows).toEqual([
      {
        start: Math.floor(described.eventTime / 10_000) * 10_000,
        end: Math.floor(described.eventTime / 10_000) * 10_000 + 10_000,
        fired: true,
      },
    ]);

    const lateBatch = batches.find((x) => x.late.id.length > 0)!;
    const late = session.describe(lateBatch.late.id[0]!)!;
    expect(late.late).toEqual({
      watermark: lateBatch.late.watermark[0],
      behindBy: lateBatch.late.watermark[0]! - lateBatch.late.ts[0]!,
      outcome: 'side-output',
    });
    expect(lateBatch.sideOutput[0]).toMatchObject({ id: lateBatch.late.id[0], value: late.value });
    expect(session.describe(10_000_000)).toBeNull();
  });

  it('ends failed when a user function throws, naming the operator', async () => {
    const throwing: PipelineDocument = {
      ...example,
      nodes: example.nodes.map((n) =>
        n.uid === 'only-clicks'
          ? {
              ...n,
              params: {
                mode: 'code',
                code: '(() => { let n = 0; return () => { if (++n > 50) throw new Error("too late for me"); return true; }; })()',
              },
            }
          : n,
      ),
    };
    const { session, batches } = await open(throwing);
    session.play();
    await until(batches, (b) => b.progress.state === 'failed');
    const { failure, recordsProcessed } = last(batches).progress;
    expect(failure?.operatorUid).toBe('only-clicks');
    expect(failure?.message).toMatch(/too late for me/);
    expect(recordsProcessed).toBeLessThan(200);
  });

  it('runs on the IndexedDB backend with the same results as the heap', async () => {
    const { session, batches } = await open(example, { ...config, stateBackend: 'indexeddb' });
    await session.step('firing');
    await session.step('watermark');
    await session.step('record');
    session.play();
    await until(batches, finished);
    expect(results(batches)).toEqual((await createEngineApi().run(example, config)).results);

    // Seeking re-runs on a fresh database to the same state as the heap's.
    const heap = await open(example);
    const onHeap = await heap.session.seek(7000);
    const onDisk = await session.seek(7000);
    expect(onDisk.recordsProcessed).toBe(onHeap.recordsProcessed);
    expect(onDisk.operators).toEqual(onHeap.operators);
    const epoch = (bs: TraceBatch[]) => bs.filter((b) => b.epoch === last(bs).epoch);
    expect(results(epoch(batches))).toEqual(results(epoch(heap.batches)));
    await session.dispose();
  });
});
