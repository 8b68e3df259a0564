import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonValue, PipelineDocument } from '../pipeline/document';
import type { WindowResult } from '../operators/window-operator';
import { createJob } from '../runtime/create-job';
import type { RunConfig, SinkResult } from '../runtime/job';
import { JobMaster } from '../runtime/job-master';
import type { DeliveredResult } from '../runtime/job-master';
import { IndexedDbKeyedStateBackend } from '../state/indexeddb/backend';
import { StateStore } from '../state/indexeddb/store';
import { linearPipeline } from '../testing/linear-pipeline';
import { scriptItems } from './script-supplier';

type Params = Record<string, JsonValue>;

const rec = (key: string, ts: number, value = 1) => ({ key, ts, value });

/** script -> keyBy key -> window -> 'results', and 'late' on the late port. */
function scriptDoc(steps: JsonValue[], window: Params = {}, source: Params = {}): PipelineDocument {
  const doc = linearPipeline({
    name: 'script-test',
    sources: { main: {} },
    keyBy: 'key',
    window: {
      assigner: 'tumbling',
      sizeMs: 10_000,
      aggregate: 'count',
      lateOutput: true,
      ...window,
    },
  });
  doc.nodes[0] = { uid: 'source-main', kind: 'source.script', params: { steps, ...source } };
  return doc;
}

const config = (time: RunConfig['time'] = 'event'): RunConfig => ({
  time,
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
});

/** Runs to the end and returns every sink result in the order delivered. */
function run(doc: PipelineDocument, time: RunConfig['time'] = 'event') {
  const job = createJob(doc, config(time));
  const results: SinkResult[] = [];
  job.onResult((r) => results.push(r));
  job.runUntil('end');
  expect(job.failure).toBeNull();
  return { job, results };
}

const shown = (results: SinkResult[]) =>
  results.map((r) =>
    r.sink === 'late'
      ? ['late', (r.value as { ts: number }).ts, r.processingTime]
      : [
          r.sink,
          (r.value as WindowResult).start,
          (r.value as WindowResult).value,
          r.processingTime,
        ],
  );

describe('script items', () => {
  it('are one per record and per control step, arriving at the script clock', () => {
    const items = scriptItems(
      's',
      [
        { add: [rec('a', 5), rec('b', 7)] },
        { advanceWatermark: 6 },
        { advanceProcessingTime: 100 },
        { add: [rec('a', 3)] },
        { advanceWatermarkToInfinity: true },
      ],
      'ts',
    );
    expect(items.map((i) => ('control' in i ? [i.control, i.at] : ['record', i.at, i.ts]))).toEqual(
      [
        ['record', 0, 5],
        ['record', 0, 7],
        ['watermark', 0],
        ['clock', 100],
        ['record', 100, 3],
        ['watermark', 100],
      ],
    );
    expect(items[5]).toMatchObject({ watermark: Infinity });
  });

  it('read the event time from the configured field', () => {
    const [item] = scriptItems('s', [{ add: [{ when: 42 }] }], 'when');
    expect(item).toMatchObject({ ts: 42, at: 0 });
    expect(() => scriptItems('s', [{ add: [{ ts: 1 }] }], 'when')).toThrow(/Step 1 .* "when"/);
  });
});

describe('scripted input: the watermark decides', () => {
  it('fires a window exactly at the watermark step, and a record after it is late', () => {
    const { results, job } = run(
      scriptDoc([
        { add: [rec('a', 1_000), rec('a', 4_000)] },
        { advanceProcessingTime: 500 },
        { add: [rec('a', 9_000)] },
        { advanceWatermark: 9_998 },
        { advanceProcessingTime: 500 },
        // Not late yet: the window's last instant 9 999 is still ahead of the watermark.
        { add: [rec('a', 9_999)] },
        { advanceWatermark: 9_999 },
        { advanceProcessingTime: 500 },
        { add: [rec('a', 5_000), rec('a', 12_000)] },
      ]),
    );
    expect(shown(results)).toEqual([
      ['results', 0, 4, 1_000],
      ['late', 5_000, 1_500],
      // The bounded script ends with the final watermark, which fires the rest.
      ['results', 10_000, 1, 1_500],
    ]);
    expect(job.status).toBe('finished');
  });

  it('sends nothing to the side output when records come before the watermark step', () => {
    const { results } = run(
      scriptDoc([{ add: [rec('a', 1_000), rec('a', 5_000)] }, { advanceWatermark: 9_999 }]),
    );
    expect(shown(results)).toEqual([['results', 0, 2, 0]]);
  });

  it('re-fires for a late record within the allowed lateness, and drops it after', () => {
    const { results } = run(
      scriptDoc(
        [
          { add: [rec('a', 1_000)] },
          { advanceWatermark: 10_000 },
          { add: [rec('a', 2_000)] },
          { advanceWatermark: 12_000 },
          { add: [rec('a', 3_000)] },
        ],
        { allowedLatenessMs: 2_001 },
      ),
    );
    expect(shown(results)).toEqual([
      ['results', 0, 1, 0],
      ['results', 0, 2, 0],
      ['late', 3_000, 0],
    ]);
  });

  it('holds every window back while the script emits no watermark, until the end', () => {
    const { results } = run(
      scriptDoc(
        [
          { add: [rec('a', 1_000)] },
          { advanceProcessingTime: 60_000 },
          { add: [rec('a', 30_000)] },
        ],
        {},
      ),
    );
    // No out-of-orderness generator: the records alone move no watermark.
    expect(shown(results)).toEqual([
      ['results', 0, 1, 60_000],
      ['results', 30_000, 1, 60_000],
    ]);
  });

  it('an unbounded script stops without the final watermark', () => {
    const job = createJob(
      scriptDoc([{ add: [rec('a', 1_000)] }, { advanceWatermark: 500 }], {}, { bounded: false }),
      config(),
    );
    const results: SinkResult[] = [];
    job.onResult((r) => results.push(r));
    job.runUntil('idle');
    expect(results).toEqual([]);
    expect(job.status).toBe('running');
    expect(job.metrics().sources[0]).toMatchObject({ offset: 2, watermark: 500, finished: false });
  });

  it("closes session windows at the script's watermark, so a later record starts another", () => {
    const { results } = run(
      scriptDoc(
        [
          { add: [rec('a', 1_000), rec('a', 7_000)] },
          { advanceWatermark: 5_000 },
          // Too late to bridge the fired session [1 s, 4 s); it merges with the one at 7 s.
          { add: [rec('a', 4_500)] },
          { advanceWatermark: 9_999 },
          { add: [rec('a', 20_000)] },
        ],
        { assigner: 'session', gapMs: 3_000 },
      ),
    );
    expect(shown(results)).toEqual([
      ['results', 1_000, 1, 0],
      ['results', 4_500, 2, 0],
      ['results', 20_000, 1, 0],
    ]);
  });
});

describe('scripted input: processing time', () => {
  it('fires processing-time windows as the script clock passes their end', () => {
    const { results } = run(
      scriptDoc(
        [
          { add: [rec('a', 0), rec('a', 0)] },
          { advanceProcessingTime: 1_500 },
          { add: [rec('a', 0)] },
          { advanceProcessingTime: 200 },
          { add: [rec('a', 0)] },
          { advanceProcessingTime: 2_000 },
        ],
        { sizeMs: 1_000 },
      ),
      'processing',
    );
    // [0, 1000) fires when the clock reaches its end, before the record at 1 500 arrives.
    expect(shown(results)).toEqual([
      ['results', 0, 2, 1_000],
      ['results', 1_000, 2, 2_000],
    ]);
  });

  it('gives the same results as a list source whose arrivals are the script clock', () => {
    const listDoc = linearPipeline({
      name: 'list',
      sources: {
        main: {
          records: [
            { key: 'a', ts: 0, at: 0 },
            { key: 'a', ts: 0, at: 1_500 },
            { key: 'b', ts: 0, at: 1_700 },
          ],
        },
      },
      keyBy: 'key',
      window: { assigner: 'tumbling', sizeMs: 1_000, aggregate: 'count' },
    });
    const script = scriptDoc(
      [
        { add: [rec('a', 0)] },
        { advanceProcessingTime: 1_500 },
        { add: [rec('a', 0)] },
        { advanceProcessingTime: 200 },
        { add: [rec('b', 0)] },
      ],
      { sizeMs: 1_000, lateOutput: false },
    );
    const values = (rs: SinkResult[]) => rs.map((r) => [r.value, r.processingTime]);
    expect(values(run(script, 'processing').results)).toEqual(
      values(run(listDoc, 'processing').results),
    );
  });
});

/**
 * A list source with per-record bounded out-of-orderness, written as a script: each record
 * arrives at its time, followed by the watermark the list source would emit after it.
 */
function asScript(records: { key: string; ts: number; at: number }[], bound: number): JsonValue[] {
  const steps: JsonValue[] = [];
  let clock = 0;
  let maxTs = -Infinity;
  let watermark = -Infinity;
  const sorted = records
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1]);
  for (const [r] of sorted) {
    if (r.at > clock) steps.push({ advanceProcessingTime: r.at - clock });
    clock = r.at;
    steps.push({ add: [{ key: r.key, ts: r.ts }] });
    maxTs = Math.max(maxTs, r.ts);
    if (maxTs - bound - 1 > watermark) {
      watermark = maxTs - bound - 1;
      steps.push({ advanceWatermark: watermark });
    }
  }
  return steps;
}

describe('scripted input against a list source', () => {
  it('gives the same results when the script spells out the list source watermarks', () => {
    const record = fc.record({
      key: fc.constantFrom('a', 'b', 'c'),
      ts: fc.integer({ min: 0, max: 40_000 }),
      at: fc.integer({ min: 0, max: 40_000 }),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 30 }),
        fc.integer({ min: 0, max: 5_000 }),
        fc.constantFrom<Params>(
          { assigner: 'tumbling', sizeMs: 5_000 },
          { assigner: 'sliding', sizeMs: 6_000, slideMs: 2_000 },
          { assigner: 'session', gapMs: 2_000 },
        ),
        (records, bound, window) => {
          const shape = { ...window, aggregate: 'count', lateOutput: true };
          const listDoc = linearPipeline({
            name: 'list',
            sources: { main: { records, outOfOrdernessMs: bound } },
            keyBy: 'key',
            window: shape,
          });
          const scriptResults = run(scriptDoc(asScript(records, bound), shape)).results;
          const line = (r: SinkResult) =>
            JSON.stringify([
              r.sink,
              r.sink === 'late' ? (r.value as { ts: number }).ts : r.value,
              r.processingTime,
            ]);
          expect(scriptResults.map(line)).toEqual(run(listDoc).results.map(line));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('scripted input under the job master', () => {
  it('rewinds to the checkpoint offset after a failure and replays the same steps', async () => {
    const steps: JsonValue[] = [
      { add: [rec('a', 1_000), rec('b', 2_000)] },
      { advanceProcessingTime: 100 },
      { advanceWatermark: 9_999 },
      { add: [rec('a', 3_000)] },
      { advanceProcessingTime: 100 },
      { add: [rec('a', 12_000)] },
      { advanceWatermark: 19_999 },
    ];
    const doc = scriptDoc(steps, {});
    const masterConfig = {
      time: 'event' as const,
      stateBackend: 'heap' as const,
      parallelism: 1,
      seed: 0,
      checkpointing: { mode: 'exactly-once' as const, intervalMs: null, retained: 1 },
      restart: { kind: 'fixed-delay' as const, attempts: 3 },
    };
    const committed = (events: DeliveredResult[]) =>
      events.filter((e) => e.state === 'committed').map((e) => JSON.stringify([e.sink, e.value]));

    const clean = await JobMaster.create(doc, masterConfig);
    const expected: DeliveredResult[] = [];
    clean.onResult((r) => expected.push(r));
    await clean.runUntil('end');

    const master = await JobMaster.create(doc, masterConfig);
    const events: DeliveredResult[] = [];
    master.onResult((r) => events.push(r));
    // Items 0-3: two records, the clock step and the watermark that fires [0, 10 s).
    for (let i = 0; i < 4; i++) await master.step();
    const stats = await master.triggerCheckpoint();
    expect(stats.id).toBe(1);
    await master.step(); // the late record
    await master.step(); // the clock step
    await master.injectFailure();
    expect(master.attempt).toBe(1);
    expect(master.checkpoints().at(-1)?.id).toBe(1);
    await master.runUntil('end');
    expect(master.status).toBe('finished');
    expect(committed(events)).toEqual(committed(expected));
    expect(committed(events)).toEqual([
      JSON.stringify(['results', { key: 'a', start: 0, end: 10_000, value: 1 }]),
      JSON.stringify(['results', { key: 'b', start: 0, end: 10_000, value: 1 }]),
      JSON.stringify(['late', rec('a', 3_000)]),
      JSON.stringify(['results', { key: 'a', start: 10_000, end: 20_000, value: 1 }]),
    ]);
  });
});

describe('scripted input with the IndexedDB state backend', () => {
  it('pages in what a watermark step fires, in batches and one item at a time', async () => {
    const steps = asScript(
      [
        { key: 'a', ts: 1_000, at: 0 },
        { key: 'b', ts: 12_000, at: 0 },
        { key: 'a', ts: 4_000, at: 300 },
        { key: 'c', ts: 25_000, at: 900 },
        { key: 'b', ts: 3_000, at: 900 },
        { key: 'a', ts: 31_000, at: 1_500 },
      ],
      0,
    );
    const doc = scriptDoc(steps, { sizeMs: 10_000 });
    const base = {
      time: 'event' as const,
      parallelism: 2,
      seed: 0,
      checkpointing: { mode: 'exactly-once' as const, intervalMs: 400, retained: 1 },
      restart: { kind: 'fixed-delay' as const, attempts: 1 },
    };
    const lines = (events: DeliveredResult[]) =>
      events.map((e) => JSON.stringify([e.sink, e.value, e.processingTime, e.state]));
    const heap = await JobMaster.create(doc, { ...base, stateBackend: 'heap' });
    const expected: DeliveredResult[] = [];
    heap.onResult((r) => expected.push(r));
    await heap.runUntil('end');
    // The watermark step after b@12 s makes a@4 s and b@3 s late.
    expect(
      expected.filter((e) => e.sink === 'late' && e.state === 'committed').map((e) => e.value),
    ).toEqual([
      { key: 'a', ts: 4_000 },
      { key: 'b', ts: 3_000 },
    ]);

    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    const idb = async () => {
      const master = await JobMaster.create(doc, {
        ...base,
        stateBackend: 'indexeddb',
        keyedStateForAttempt: async (attempt) => {
          const store = await StateStore.open({
            factory,
            name: `script-${stores.length}-${attempt}`,
          });
          stores.push(store);
          // No cache: every key group a step touches must be paged in for it.
          return (operatorUid, keyGroupRange) =>
            new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange, cacheEntries: 0 });
        },
      });
      const events: DeliveredResult[] = [];
      master.onResult((r) => events.push(r));
      return { master, events };
    };
    try {
      const batched = await idb();
      await batched.master.runUntil('end');
      expect(lines(batched.events)).toEqual(lines(expected));
      const stepped = await idb();
      while (await stepped.master.step());
      await stepped.master.drain();
      expect(stepped.events.filter((e) => e.state !== 'pending').map((e) => e.value)).toEqual(
        expected.filter((e) => e.state !== 'pending').map((e) => e.value),
      );
    } finally {
      for (const store of stores) await store.destroy();
    }
  });
});
