// idb recognises IndexedDB objects by their global classes; the factory itself is injected.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { assignToKeyGroup, DEFAULT_MAX_PARALLELISM, keyGroupRangeForOperator } from '../keygroups';
import type { JsonValue, PipelineDocument, PipelineNode } from '../pipeline/document';
import { PIPELINE_VERSION } from '../pipeline/document';
import type { WindowResult } from '../operators/window-operator';
import { IndexedDbKeyedStateBackend } from '../state/indexeddb/backend';
import { StateStore } from '../state/indexeddb/store';
import { linearPipeline } from '../testing/linear-pipeline';
import { JobMaster } from './job-master';
import type { CheckpointingConfig, DeliveredResult, MasterConfig } from './job-master';
import type { JobFailure } from './job';

type Params = Record<string, JsonValue>;

interface Row {
  key: string;
  ts: number;
  at: number;
  value?: number;
  /** The list source the record comes from; 'main' when absent. */
  source?: string;
}

const row = (key: string, ts: number, at = ts, value?: number): Row => ({
  key,
  ts,
  at,
  ...(value !== undefined ? { value } : {}),
});

interface Shape {
  /** Window node params; defaults to a tumbling count over 10 ms. */
  window?: Params;
  /** Subtasks of the window and its results sink. */
  parallelism?: number;
  /** Operators between the sources and the keyBy. */
  middle?: PipelineNode[];
  /** The keyBy field; null: windowAll. */
  keyBy?: string | null;
  sources?: Record<string, Params>;
}

/**
 * Unbounded list sources (one per source name) -> (union) -> middle... -> keyBy -> window ->
 * 'results' sink, and a 'late' sink on the late port when the window has lateOutput.
 */
function pipelineDoc(input: Row[], shape: Shape = {}): PipelineDocument {
  const sources = Object.entries(shape.sources ?? { main: {} }).map(([name, params]) => [
    name,
    {
      records: input.filter((r) => (r.source ?? 'main') === name) as unknown as JsonValue[],
      bounded: false,
      ...params,
    },
  ]);
  return linearPipeline({
    name: 'job-master-test',
    sources: Object.fromEntries(sources),
    middle: shape.middle ?? [],
    keyBy: shape.keyBy === undefined ? 'key' : shape.keyBy,
    parallelism: shape.parallelism ?? 1,
    window: {
      assigner: 'tumbling',
      sizeMs: 10,
      aggregate: 'count',
      lateOutput: false,
      ...shape.window,
    },
  });
}

function masterConfig(overrides: {
  checkpointing?: Partial<CheckpointingConfig>;
  restart?: MasterConfig['restart'];
  parallelism?: number;
  time?: MasterConfig['time'];
}): MasterConfig {
  return {
    time: overrides.time ?? 'event',
    stateBackend: 'heap',
    parallelism: overrides.parallelism ?? 1,
    seed: 0,
    checkpointing: {
      mode: 'exactly-once',
      intervalMs: null,
      retained: 1,
      ...overrides.checkpointing,
    },
    restart: overrides.restart ?? { kind: 'fixed-delay', attempts: 3 },
  };
}

const modes = new WeakMap<JobMaster, CheckpointingConfig['mode']>();

/** Starts a master and records every result event and every failure it reports. */
async function startMaster(
  doc: PipelineDocument,
  config: MasterConfig,
  from?: { savepoint: string },
) {
  const master = await JobMaster.create(doc, config, from);
  modes.set(master, config.checkpointing.mode);
  const events: DeliveredResult[] = [];
  const failures: { failure: JobFailure; restarting: boolean }[] = [];
  master.onResult((r) => events.push(r));
  master.onFailure((failure, restarting) => failures.push({ failure, restarting }));
  return { master, events, failures };
}

interface Script {
  /** Take a checkpoint after these records (indices into the input). */
  checkpointsAfter?: number[];
  /** Fail the job (once each) after these records. */
  failuresAfter?: number[];
}

/**
 * Plays the input record by record as the conformance runner does (clock to `at`, then the
 * record from its source), with checkpoints and failures. After any failure the input is
 * replayed from the record after the latest checkpoint (or from the start), as the restored
 * sources rewind there; in 'off' mode the sources keep their positions, so play goes on.
 */
async function play(master: JobMaster, input: Row[], script: Script = {}): Promise<void> {
  const checkpointsAfter = new Set(script.checkpointsAfter ?? []);
  const failures = new Set(script.failuresAfter ?? []);
  const lastRecordOf = new Map<number, number>();
  const mode = modes.get(master);
  for (let i = 0; i < input.length;) {
    if (master.status !== 'running') return;
    const attempt = master.attempt;
    const record = input[i]!;
    await master.advanceProcessingTime(record.at);
    await master.step(`source-${record.source ?? 'main'}`);
    if (master.attempt === attempt && master.status === 'running') {
      if (checkpointsAfter.has(i)) lastRecordOf.set((await master.triggerCheckpoint()).id, i);
      if (failures.delete(i)) await master.injectFailure();
    }
    if (master.attempt !== attempt && mode !== 'off') {
      const restored = master.checkpoints().at(-1);
      i = restored === undefined ? 0 : lastRecordOf.get(restored.id)! + 1;
      continue;
    }
    i++;
  }
}

/** A result as a comparable line: which sink, what, and its event timestamp. */
const line = (r: DeliveredResult) => JSON.stringify([r.sink, r.value, r.timestamp]);
const committed = (events: DeliveredResult[]) =>
  events
    .filter((e) => e.state === 'committed')
    .map(line)
    .sort();
const windowsOf = (events: DeliveredResult[], state: DeliveredResult['state'] = 'committed') =>
  events
    .filter((e) => e.state === state && e.sink === 'results')
    .map((e) => e.value as WindowResult);

/** Runs the input to the end without failures and returns its committed output. */
async function failureFree(doc: PipelineDocument, input: Row[], config: MasterConfig) {
  const { master, events } = await startMaster(doc, config);
  await play(master, input);
  await master.drain();
  expect(master.status).toBe('finished');
  return committed(events);
}

describe('JobMaster: exactly-once sinks', () => {
  const input = [row('a', 1), row('a', 2), row('b', 3), row('a', 12), row('b', 25)];
  const doc = pipelineDoc(input);

  it("keeps results 'pending' until the next checkpoint completes, then commits them", async () => {
    const { master, events } = await startMaster(doc, masterConfig({}));
    await play(master, input.slice(0, 4));
    // Record 12 moved the watermark to 11: [0, 10) fired for a and b.
    expect(events.map((e) => [e.state, e.value])).toEqual([
      ['pending', { key: 'a', start: 0, end: 10, value: 2 }],
      ['pending', { key: 'b', start: 0, end: 10, value: 1 }],
    ]);
    const stats = await master.triggerCheckpoint();
    expect(stats.id).toBe(1);
    expect(events.slice(2).map((e) => [e.state, e.value, e.attempt])).toEqual([
      ['committed', { key: 'a', start: 0, end: 10, value: 2 }, 0],
      ['committed', { key: 'b', start: 0, end: 10, value: 1 }, 0],
    ]);
    // A checkpoint with nothing pending commits nothing.
    await master.triggerCheckpoint();
    expect(events).toHaveLength(4);
  });

  it('commits what is pending when the input ends (a drain)', async () => {
    const { master, events } = await startMaster(doc, masterConfig({}));
    await play(master, input);
    expect(events.every((e) => e.state === 'pending')).toBe(true);
    await master.drain();
    expect(master.status).toBe('finished');
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 2 },
      { key: 'b', start: 0, end: 10, value: 1 },
      { key: 'a', start: 10, end: 20, value: 1 },
      { key: 'b', start: 20, end: 30, value: 1 },
    ]);
  });

  it('discards the pending results of a failed attempt, and the replay delivers them again', async () => {
    const { master, events, failures } = await startMaster(doc, masterConfig({}));
    // Checkpoint after record 1 (ts 2); [0, 10) fires with record 3 (ts 12); fail right after.
    await play(master, input.slice(0, 4), { checkpointsAfter: [1], failuresAfter: [3] });
    expect(failures).toEqual([
      { failure: { operatorUid: null, message: 'Injected failure of the job' }, restarting: true },
    ]);
    expect(master.attempt).toBe(1);
    expect(events.map((e) => [e.state, e.attempt, e.value])).toEqual([
      ['pending', 0, { key: 'a', start: 0, end: 10, value: 2 }],
      ['pending', 0, { key: 'b', start: 0, end: 10, value: 1 }],
      ['discarded', 0, { key: 'a', start: 0, end: 10, value: 2 }],
      ['discarded', 0, { key: 'b', start: 0, end: 10, value: 1 }],
      // The replay of records 2 and 3 from the checkpoint fires the same windows again.
      ['pending', 1, { key: 'a', start: 0, end: 10, value: 2 }],
      ['pending', 1, { key: 'b', start: 0, end: 10, value: 1 }],
    ]);
    await master.triggerCheckpoint();
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 2 },
      { key: 'b', start: 0, end: 10, value: 1 },
    ]);
    expect(events.filter((e) => e.state === 'committed').every((e) => e.attempt === 1)).toBe(true);
  });

  it('commits the same output with failures as without: nothing lost, nothing twice', async () => {
    const rows = [
      row('a', 1),
      row('b', 4),
      row('a', 8),
      row('c', 11),
      row('a', 14),
      row('b', 23),
      row('c', 21),
      row('a', 35),
      row('b', 37),
      row('a', 52),
    ];
    const d = pipelineDoc(rows, {
      window: { assigner: 'sliding', sizeMs: 20, slideMs: 10, aggregate: 'count' },
      parallelism: 2,
      sources: { main: { outOfOrdernessMs: 5 } },
    });
    const config = masterConfig({ parallelism: 2, restart: { kind: 'fixed-delay', attempts: 4 } });
    const expected = await failureFree(d, rows, config);
    expect(expected.length).toBeGreaterThan(8);

    const { master, events, failures } = await startMaster(d, config);
    // A failure before the first checkpoint, two after one, and one right after a checkpoint.
    await play(master, rows, { checkpointsAfter: [2, 5, 7], failuresAfter: [1, 4, 6, 7] });
    await master.drain();
    expect(master.status).toBe('finished');
    expect(failures).toHaveLength(4);
    expect(master.attempt).toBe(4);
    expect(events.some((e) => e.state === 'discarded')).toBe(true);
    expect(committed(events)).toEqual(expected);
  });
});

describe('JobMaster: at-least-once and no checkpointing', () => {
  const input = [row('a', 1), row('a', 2), row('a', 5), row('a', 12), row('a', 15), row('a', 31)];
  const doc = pipelineDoc(input);

  it('at-least-once commits at once and duplicates what it replays after a failure', async () => {
    const config = masterConfig({ checkpointing: { mode: 'at-least-once' } });
    const expected = await failureFree(doc, input, config);
    expect(expected).toEqual([
      JSON.stringify(['results', { key: 'a', start: 0, end: 10, value: 3 }, 9]),
      JSON.stringify(['results', { key: 'a', start: 10, end: 20, value: 2 }, 19]),
      JSON.stringify(['results', { key: 'a', start: 30, end: 40, value: 1 }, 39]),
    ]);
    const { master, events } = await startMaster(doc, config);
    await play(master, input, { checkpointsAfter: [2], failuresAfter: [3] });
    await master.drain();
    expect(events.every((e) => e.state === 'committed')).toBe(true);
    // [0, 10) fired with record 3, before the failure; the replay from the checkpoint after
    // record 2 fires it again.
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 3 },
      { key: 'a', start: 0, end: 10, value: 3 },
      { key: 'a', start: 10, end: 20, value: 2 },
      { key: 'a', start: 30, end: 40, value: 1 },
    ]);
    expect(events.map((e) => e.attempt)).toEqual([0, 1, 1, 1]);
  });

  it("'off' loses the window state of a failed attempt; the sources go on where they were", async () => {
    const config = masterConfig({ checkpointing: { mode: 'off' } });
    const { master, events, failures } = await startMaster(doc, config);
    // A checkpoint taken by hand is not restored from in 'off' mode.
    await play(master, input, { checkpointsAfter: [0], failuresAfter: [1] });
    await master.drain();
    expect(failures.map((f) => f.restarting)).toEqual([true]);
    expect(master.attempt).toBe(1);
    // Records 0 and 1 (ts 1 and 2) were in the lost state: [0, 10) counts only ts 5.
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 1 },
      { key: 'a', start: 10, end: 20, value: 2 },
      { key: 'a', start: 30, end: 40, value: 1 },
    ]);
    const expected = await failureFree(doc, input, config);
    expect(expected).toContain(
      JSON.stringify(['results', { key: 'a', start: 0, end: 10, value: 3 }, 9]),
    );
  });

  it("'off' takes no periodic checkpoints", async () => {
    const config = masterConfig({ checkpointing: { mode: 'off', intervalMs: 5 } });
    const { master } = await startMaster(doc, config);
    await play(master, input);
    expect(master.checkpoints()).toEqual([]);
  });
});

describe('JobMaster: restart strategies', () => {
  const input = [row('a', 1), row('a', 2), row('a', 5), row('a', 12)];
  const doc = pipelineDoc(input);

  it("'none' fails the job on its first failure", async () => {
    const { master, events, failures } = await startMaster(
      doc,
      masterConfig({ restart: { kind: 'none' } }),
    );
    await play(master, input.slice(0, 2));
    await master.injectFailure({ operatorUid: 'window', subtask: 0 });
    const failure = { operatorUid: 'window', message: 'Injected failure in window #0' };
    expect(master.status).toBe('failed');
    expect(master.failure).toEqual(failure);
    expect(failures).toEqual([{ failure, restarting: false }]);
    expect(master.attempt).toBe(0);
    // A failed job takes no more input and delivers nothing more.
    expect(await master.step()).toBe(false);
    await master.drain();
    expect(master.status).toBe('failed');
    expect(events).toEqual([]);
  });

  it('fixed-delay with N attempts restarts N times and fails on the (N+1)th failure', async () => {
    const { master, failures } = await startMaster(
      doc,
      masterConfig({ restart: { kind: 'fixed-delay', attempts: 2 } }),
    );
    await master.step();
    await master.injectFailure();
    expect([master.status, master.attempt]).toEqual(['running', 1]);
    await master.step();
    await master.injectFailure();
    expect([master.status, master.attempt]).toEqual(['running', 2]);
    expect(master.failure).toBeNull();
    await master.step();
    await master.injectFailure();
    expect([master.status, master.attempt]).toEqual(['failed', 2]);
    expect(master.failure).toEqual({ operatorUid: null, message: 'Injected failure of the job' });
    expect(failures.map((f) => f.restarting)).toEqual([true, true, false]);
  });

  it('fixed-delay with 0 attempts behaves as none', async () => {
    const { master, failures } = await startMaster(
      doc,
      masterConfig({ restart: { kind: 'fixed-delay', attempts: 0 } }),
    );
    await master.injectFailure();
    expect(master.status).toBe('failed');
    expect(failures.map((f) => f.restarting)).toEqual([false]);
  });

  it('failOnRecord(n) fails once, after the nth record processed', async () => {
    const { master, events, failures } = await startMaster(doc, masterConfig({}));
    master.failOnRecord(3);
    await play(master, input, { checkpointsAfter: [0] });
    await master.drain();
    expect(failures).toEqual([
      {
        failure: { operatorUid: null, message: 'Injected failure after record 3' },
        restarting: true,
      },
    ]);
    // Records 1 and 2 were replayed after the restart and counted again: no second failure.
    expect(master.attempt).toBe(1);
    expect(master.status).toBe('finished');
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 3 },
      { key: 'a', start: 10, end: 20, value: 1 },
    ]);
  });

  it('failOnRecord(n) also lands on its record when the clock is moved, not stepped', async () => {
    const reference = await startMaster(doc, masterConfig({}));
    await reference.master.advanceProcessingTime(1_000);
    await reference.master.drain();

    const { master, events, failures } = await startMaster(doc, masterConfig({}));
    master.failOnRecord(3);
    await master.advanceProcessingTime(1_000);
    await master.drain();
    expect(failures.map((f) => f.failure.message)).toEqual(['Injected failure after record 3']);
    expect(master.status).toBe('finished');
    expect(windowsOf(events)).toEqual(windowsOf(reference.events));
  });

  it('a user function that throws fails every attempt the same way until none is left', async () => {
    const explode: PipelineNode = {
      uid: 'explode',
      kind: 'map',
      params: {
        mode: 'code',
        code: '(r) => { if (r.ts === 5) throw new Error("boom at " + r.ts); return r; }',
      },
    };
    const d = pipelineDoc(input, { middle: [explode] });
    const { master, events, failures } = await startMaster(
      d,
      masterConfig({ restart: { kind: 'fixed-delay', attempts: 2 } }),
    );
    await play(master, input, { checkpointsAfter: [0] });
    const failure = { operatorUid: 'explode', message: expect.stringContaining('boom at 5') };
    expect(failures).toEqual([
      { failure, restarting: true },
      { failure, restarting: true },
      { failure, restarting: false },
    ]);
    expect(new Set(failures.map((f) => f.failure.message)).size).toBe(1);
    expect(master.status).toBe('failed');
    expect(master.failure).toEqual(failure);
    expect(master.attempt).toBe(2);
    expect(events).toEqual([]);
  });
});

describe('JobMaster: parallel sources', () => {
  it('restores each subtask its own watermarks when they differ between subtasks', async () => {
    // A generator at parallelism 2 feeds a map forward, so the two map subtasks see different
    // watermarks: subtask 1 of the source runs out first and sends the final watermark.
    const doc: PipelineDocument = {
      version: PIPELINE_VERSION,
      name: 'parallel-source',
      nodes: [
        {
          uid: 'gen',
          kind: 'source.generator',
          parallelism: 2,
          params: {
            generator: 'clickstream',
            count: 5,
            keys: 1,
            ratePerSecond: 100,
            disorderMs: 0,
            lateFraction: 0,
            lateByMs: 0,
            outOfOrdernessMs: 0,
          },
        },
        { uid: 'map', kind: 'map', parallelism: 2, params: { mode: 'code', code: '(r) => r' } },
        { uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: 'key' } },
        {
          uid: 'window',
          kind: 'window',
          params: { assigner: 'tumbling', sizeMs: 1000, aggregate: 'count' },
        },
        { uid: 'results', kind: 'sink', params: { name: 'results' } },
      ],
      edges: [
        { id: 'e1', source: 'gen', target: 'map' },
        { id: 'e2', source: 'map', target: 'keyBy' },
        { id: 'e3', source: 'keyBy', target: 'window' },
        { id: 'e4', source: 'window', target: 'results' },
      ],
    };
    const config = masterConfig({ parallelism: 2 });
    const run = async (fail: boolean) => {
      const { master, events } = await startMaster(doc, config);
      for (let i = 0; i < 4; i++) await master.step();
      const mapWatermarks = () =>
        master.job
          .metrics()
          .operators.filter((o) => o.uid === 'map')
          .map((o) => [o.subtask, o.watermark])
          .sort();
      const before = mapWatermarks();
      if (fail) {
        await master.triggerCheckpoint();
        await master.injectFailure();
        expect(master.attempt).toBe(1);
      }
      expect(mapWatermarks()).toEqual(before);
      await master.runUntil('end');
      expect(master.status).toBe('finished');
      return windowsOf(events);
    };
    const expected = await run(false);
    expect(expected).toEqual([{ key: 'user-0', start: 0, end: 1000, value: 5 }]);
    expect(await run(true)).toEqual(expected);
  });
});

describe('JobMaster: checkpoints', () => {
  it('takes a periodic checkpoint every intervalMs of processing time', async () => {
    const input = [0, 50, 100, 120, 250, 260, 410].map((at, i) => row('a', i, at));
    const { master } = await startMaster(
      pipelineDoc(input),
      masterConfig({ checkpointing: { intervalMs: 100, retained: 10 } }),
    );
    await play(master, input);
    expect(master.job.processingTime).toBe(410);
    const stats = master.checkpoints();
    expect(stats.map((s) => [s.id, s.triggeredAt])).toEqual([
      [1, 100],
      [2, 200],
      [3, 300],
      [4, 400],
    ]);
    // The record arriving at 100 is after the barrier of the checkpoint at 100.
    expect(stats.map((s) => s.offsets[0]!.offset)).toEqual([2, 4, 6, 6]);
    // Advancing the clock alone takes them too; a manual one takes the next id.
    await master.advanceProcessingTime(650);
    expect(master.checkpoints().map((s) => s.triggeredAt)).toEqual([100, 200, 300, 400, 500, 600]);
    expect((await master.triggerCheckpoint()).id).toBe(7);
    expect(master.checkpoints().at(-1)!.triggeredAt).toBe(650);
  });

  it('retains only the last N completed checkpoints (at least one)', async () => {
    const input = [row('a', 1), row('a', 2)];
    const doc = pipelineDoc(input);
    const { master } = await startMaster(doc, masterConfig({ checkpointing: { retained: 2 } }));
    for (let i = 0; i < 4; i++) await master.triggerCheckpoint();
    expect(master.checkpoints().map((c) => c.id)).toEqual([3, 4]);

    const none = await startMaster(doc, masterConfig({ checkpointing: { retained: 0 } }));
    await none.master.triggerCheckpoint();
    await none.master.triggerCheckpoint();
    expect(none.master.checkpoints().map((c) => c.id)).toEqual([2]);
  });

  it('restores from the latest retained checkpoint and numbers the next after it', async () => {
    const input = [row('a', 1), row('a', 2), row('a', 3), row('a', 12)];
    const { master, events } = await startMaster(
      pipelineDoc(input),
      masterConfig({ checkpointing: { retained: 2 } }),
    );
    await play(master, input, { checkpointsAfter: [0, 1, 2], failuresAfter: [3] });
    await master.drain();
    expect(master.checkpoints().map((c) => c.id)).toEqual([2, 3]);
    expect(windowsOf(events)).toEqual([
      { key: 'a', start: 0, end: 10, value: 3 },
      { key: 'a', start: 10, end: 20, value: 1 },
    ]);
    expect((await master.triggerCheckpoint()).id).toBe(4);
  });

  it('reports per subtask its state entries and timers, and the source offsets', async () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const input = [
      ...keys.map((k, i) => row(k, i + 1, i)),
      row('a', 15, 6),
      row('b', 16, 7),
      row('z', -10, 8),
    ];
    const doc = pipelineDoc(input, {
      window: { allowedLatenessMs: 10, lateOutput: true },
      parallelism: 2,
    });
    const { master } = await startMaster(doc, masterConfig({ parallelism: 2 }));
    await play(master, input);
    const stats = await master.triggerCheckpoint();
    expect(stats).toMatchObject({ id: 1, triggeredAt: 8 });
    expect(stats.offsets).toEqual([{ uid: 'source-main', subtask: 0, offset: 9 }]);
    // The watermark is 15: every [0, 10) window has fired but is kept for its lateness
    // (cleanup at 19), so it still has state and its cleanup timer; [10, 20) for a and b
    // has state, a firing timer at 19 and a cleanup timer at 29. 'z' at -10 was late.
    const subtaskOf = (key: string) => {
      const kg = assignToKeyGroup(key, DEFAULT_MAX_PARALLELISM);
      const first = keyGroupRangeForOperator(DEFAULT_MAX_PARALLELISM, 2, 0);
      return kg <= first.end ? 0 : 1;
    };
    const expected = [0, 1].map((subtask) => {
      const own = keys.filter((k) => subtaskOf(k) === subtask);
      const open = own.filter((k) => k === 'a' || k === 'b').length;
      return {
        uid: 'window',
        subtask,
        stateEntries: own.length + open,
        timers: own.length + open * 2,
      };
    });
    expect(expected[0]!.stateEntries + expected[1]!.stateEntries).toBe(8);
    // Sorted: the job lists an operator's subtasks in no promised order.
    type Entry = (typeof stats.subtasks)[number];
    const bySubtask = (a: Entry, b: Entry) => a.uid.localeCompare(b.uid) || a.subtask - b.subtask;
    const counts = ({ bytes: _bytes, ...rest }: Entry) => rest;
    const windows = stats.subtasks.filter((s) => s.uid === 'window').sort(bySubtask);
    expect(windows.map(counts)).toEqual(expected);
    // Each subtask's share of the checkpoint grows with what it holds.
    expect(windows[0]!.bytes > windows[1]!.bytes).toBe(expected[0]!.timers > expected[1]!.timers);
    expect(stats.alignmentMs).toBe(0);
    expect(stats.durationMs).toBeNull();
    expect(
      stats.subtasks
        .filter((s) => s.uid !== 'window')
        .sort(bySubtask)
        .map(counts),
    ).toEqual([
      { uid: 'late', subtask: 0, stateEntries: 0, timers: 0 },
      { uid: 'late', subtask: 1, stateEntries: 0, timers: 0 },
      { uid: 'results', subtask: 0, stateEntries: 0, timers: 0 },
      { uid: 'results', subtask: 1, stateEntries: 0, timers: 0 },
    ]);
    const text = await master.savepoint();
    expect(master.checkpoints().at(-1)!.bytes).toBe(text.length);
    expect(stats.bytes).toBeGreaterThan(100);
  });
});

describe('JobMaster: checkpoint duration', () => {
  it('is measured on the wall clock the caller gives', async () => {
    const input = [row('a', 1, 1), row('b', 2, 2)];
    let now = 1000;
    const config = { ...masterConfig({}), wallClock: () => (now += 7) };
    const { master } = await startMaster(pipelineDoc(input), config);
    await play(master, input);
    expect((await master.triggerCheckpoint()).durationMs).toBe(7);
  });
});

describe('JobMaster: savepoints', () => {
  const keys = ['a', 'b', 'c', 'd', 'e'];
  const input = Array.from({ length: 40 }, (_, i) =>
    row(keys[(i * 7) % keys.length]!, i * 3 - (i % 4) * 2, i, i % 9),
  );
  const shape = (parallelism: number): Shape => ({
    window: { assigner: 'session', gapMs: 7, aggregate: 'sum', field: 'value', lateOutput: true },
    parallelism,
    sources: { main: { outOfOrdernessMs: 4 } },
  });
  const results = (events: DeliveredResult[]) =>
    events
      .filter((e) => e.state === 'committed')
      .map(line)
      .sort();

  it('restores into a new job master at another parallelism with identical results', async () => {
    const config = (parallelism: number) =>
      masterConfig({ parallelism, checkpointing: { mode: 'at-least-once' } });
    const expected = await failureFree(pipelineDoc(input, shape(1)), input, config(1));
    expect(expected.length).toBeGreaterThan(10);

    for (const restoredAt of [1, 3, 4]) {
      const first = await startMaster(pipelineDoc(input, shape(1)), config(1));
      await play(first.master, input.slice(0, 22));
      const savepoint = await first.master.savepoint();
      first.master.cancel();
      expect(first.master.status).toBe('canceled');

      const second = await startMaster(pipelineDoc(input, shape(restoredAt)), config(restoredAt), {
        savepoint,
      });
      // The restored job goes on at the savepoint's clock, its id and its offsets.
      expect(second.master.job.processingTime).toBe(21);
      expect((await second.master.triggerCheckpoint()).id).toBe(2);
      expect(second.master.checkpoints()[0]!.offsets[0]!.offset).toBe(22);
      await play(second.master, input.slice(22));
      await second.master.drain();
      expect(second.master.status).toBe('finished');
      const subtasks = new Set(
        second.events.filter((e) => e.sink === 'results').map((e) => e.subtask),
      );
      expect(Math.max(...subtasks)).toBeLessThan(restoredAt);
      expect(subtasks.size > 1).toBe(restoredAt > 1);
      expect([...results(first.events), ...results(second.events)].sort()).toEqual(expected);
    }
  });

  it("commits an exactly-once job's pending results with the savepoint", async () => {
    const doc = pipelineDoc(input, shape(2));
    const { master, events } = await startMaster(doc, masterConfig({ parallelism: 2 }));
    await play(master, input.slice(0, 22));
    const pending = events.filter((e) => e.state === 'pending').length;
    expect(pending).toBeGreaterThan(0);
    await master.savepoint();
    expect(events.filter((e) => e.state === 'committed')).toHaveLength(pending);
  });
});

describe('JobMaster: the IndexedDB backend', () => {
  it('commits the same output as the heap backend across a failure, a fresh database per attempt', async () => {
    const input = Array.from({ length: 30 }, (_, i) =>
      row(['a', 'b', 'c'][i % 3]!, i * 2 + (i % 5), i, i % 4),
    );
    const doc = pipelineDoc(input, {
      window: {
        assigner: 'tumbling',
        sizeMs: 8,
        aggregate: 'max',
        field: 'value',
        allowedLatenessMs: 3,
        lateOutput: true,
      },
      parallelism: 2,
      sources: { main: { outOfOrdernessMs: 2 } },
    });
    const script: Script = { checkpointsAfter: [6, 14, 20], failuresAfter: [3, 17, 25] };
    const config = masterConfig({ parallelism: 2 });
    const heap = await startMaster(doc, config);
    await play(heap.master, input, script);
    await heap.master.drain();
    expect(heap.master.attempt).toBe(3);

    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    const attempts: number[] = [];
    const idb = await startMaster(doc, {
      ...config,
      stateBackend: 'indexeddb',
      keyedStateForAttempt: async (attempt) => {
        attempts.push(attempt);
        const store = await StateStore.open({ factory, name: `job-master-test-${attempt}` });
        stores.push(store);
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
      },
    });
    try {
      await play(idb.master, input, script);
      await idb.master.drain();
      expect(idb.master.status).toBe('finished');
      expect(attempts).toEqual([0, 1, 2, 3]);
      expect(committed(idb.events)).toEqual(committed(heap.events));
      expect(committed(idb.events)).toEqual(await failureFree(doc, input, config));
      expect(idb.events.filter((e) => e.state === 'discarded').map(line)).toEqual(
        heap.events.filter((e) => e.state === 'discarded').map(line),
      );
    } finally {
      for (const store of stores) await store.destroy();
    }
  });

  it('loads the state of timers a periodic watermark fires right after a restore (IndexedDB)', async () => {
    const input = [row('a', 0, 0), row('a', 1, 0), row('a', 0, 1)];
    const doc = pipelineDoc(input, {
      window: { sizeMs: 1 },
      sources: { main: { watermarkEmit: 'periodic', watermarkIntervalMs: 1 } },
    });
    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    const master = await JobMaster.create(doc, {
      ...masterConfig({}),
      stateBackend: 'indexeddb',
      keyedStateForAttempt: async (attempt) => {
        const store = await StateStore.open({ factory, name: `periodic-${attempt}` });
        stores.push(store);
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
      },
    });
    try {
      await master.step('source-main');
      await master.step('source-main');
      await master.triggerCheckpoint();
      await master.injectFailure();
      await master.advanceProcessingTime(1);
      expect(master.failure).toBeNull();
      expect(master.status).toBe('running');
    } finally {
      for (const store of stores) await store.destroy();
    }
  });
});

describe('JobMaster: a full IndexedDB', () => {
  it('fails the attempt with the quota message, and keeps the completed checkpoint', async () => {
    const input = [row('a', 1, 1), row('a', 2, 2), row('b', 3, 3), row('a', 12, 12)];
    const doc = pipelineDoc(input);
    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    let full = false;
    const failures: string[] = [];
    const master = await JobMaster.create(doc, {
      ...masterConfig({ restart: { kind: 'none' } }),
      stateBackend: 'indexeddb',
      keyedStateForAttempt: async (attempt) => {
        const store = await StateStore.open({ factory, name: `quota-${attempt}` });
        stores.push(store);
        // The browser refuses writes once `full` is set, as it does when the quota is used up.
        const refusing = {
          read: store.read.bind(store),
          write: (work: Parameters<StateStore['write']>[0]) =>
            full
              ? Promise.reject(
                  new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
                )
              : store.write(work),
        };
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(refusing, { operatorUid, keyGroupRange });
      },
    });
    master.onFailure((f) => failures.push(f.message));
    try {
      await master.step('source-main');
      await master.step('source-main');
      const checkpoint = await master.triggerCheckpoint();
      full = true;
      await master.step('source-main');
      // Writes wait in the cache: the next checkpoint is what finds IndexedDB full.
      expect(master.status).toBe('running');
      await expect(master.triggerCheckpoint()).rejects.toThrow(
        /^The checkpoint failed: IndexedDB is full/,
      );
      expect(master.status).toBe('failed');
      expect(failures).toHaveLength(1);
      expect(failures[0]).toMatch(/IndexedDB is full/);
      expect(master.checkpoints().map((c) => c.id)).toEqual([checkpoint.id]);
      expect(master.checkpoints()[0]!.subtasks[0]!.stateEntries).toBeGreaterThan(0);
    } finally {
      for (const store of stores) await store.destroy();
    }
  });
});

describe('JobMaster: incremental checkpoints', () => {
  it('copy only the key groups written since the last one on IndexedDB; savepoints are full', async () => {
    const keys = Array.from({ length: 20 }, (_, i) => `k${i}`);
    const input = [...keys.map((k, i) => row(k, 1, i)), row('k3', 2, 30), row('k3', 3, 31)];
    const doc = pipelineDoc(input, { window: { sizeMs: 100 } });
    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    const config: MasterConfig = {
      ...masterConfig({ checkpointing: { retained: 2 } }),
      stateBackend: 'indexeddb',
      keyedStateForAttempt: async (attempt) => {
        const store = await StateStore.open({ factory, name: `incremental-${attempt}` });
        stores.push(store);
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
      },
    };
    const { master, events } = await startMaster(doc, config);
    try {
      for (let i = 0; i < keys.length; i++) await master.step('source-main');
      const full = await master.triggerCheckpoint();
      await master.step('source-main');
      const incremental = await master.triggerCheckpoint();
      expect(full.sharedKeyGroups).toBe(0);
      expect(full.writtenBytes).toBe(full.bytes);
      // Only k3's key group was written: every other one is shared with the first checkpoint.
      const keyGroups = new Set(keys.map((k) => assignToKeyGroup(k, DEFAULT_MAX_PARALLELISM)));
      expect(incremental.sharedKeyGroups).toBe(keyGroups.size - 1);
      expect(incremental.writtenBytes).toBeLessThan(full.writtenBytes);
      expect(incremental.bytes).toBeGreaterThan(incremental.writtenBytes);

      // Restoring the incremental checkpoint brings back all of the state.
      await master.injectFailure();
      await master.step('source-main');
      const text = await master.savepoint();
      const savepoint = master.checkpoints().at(-1)!;
      expect(savepoint.kind).toBe('savepoint');
      expect(savepoint.writtenBytes).toBe(savepoint.bytes);
      expect(text.length).toBeGreaterThanOrEqual(savepoint.bytes);
      await master.drain();
      expect(committed(events)).toEqual(await failureFree(doc, input, masterConfig({})));
    } finally {
      for (const store of stores) await store.destroy();
    }
  });
});

describe('JobMaster: restart delay', () => {
  it('waits the fixed delay in processing time, then rewinds to the checkpoint', async () => {
    const input = [row('a', 1, 1), row('a', 2, 2), row('a', 3, 3), row('a', 4, 40)];
    const doc = pipelineDoc(input);
    const config = masterConfig({ restart: { kind: 'fixed-delay', attempts: 1, delayMs: 20 } });
    const { master, events } = await startMaster(doc, config);
    await master.step('source-main');
    await master.triggerCheckpoint();
    await master.step('source-main');
    await master.injectFailure();
    expect(master.status).toBe('restarting');
    expect(await master.step('source-main')).toBe(false);
    await master.advanceProcessingTime(21);
    expect(master.status).toBe('restarting');
    expect(master.attempt).toBe(0);
    await master.advanceProcessingTime(30);
    expect(master.status).toBe('running');
    expect(master.attempt).toBe(1);
    // The restarted attempt replayed records 1 and 2 from the checkpoint's offset.
    expect(master.job.metrics().sources[0]!.offset).toBe(3);
    await master.advanceProcessingTime(41);
    await master.drain();
    expect(committed(events)).toEqual(await failureFree(doc, input, masterConfig({})));
  });
});

describe('JobMaster: batches on IndexedDB', () => {
  it('gives the heap output when it runs many records at once', async () => {
    const input = Array.from({ length: 300 }, (_, i) => row(`k${i % 30}`, i - (i % 7) * 3, i));
    const doc = pipelineDoc(input, { window: { sizeMs: 20, allowedLatenessMs: 5 } });
    const factory = new IDBFactory();
    const stores: StateStore[] = [];
    const config: MasterConfig = {
      ...masterConfig({ checkpointing: { intervalMs: 50 } }),
      stateBackend: 'indexeddb',
      keyedStateForAttempt: async (attempt) => {
        const store = await StateStore.open({ factory, name: `batches-${attempt}` });
        stores.push(store);
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange, cacheEntries: 10 });
      },
    };
    const { master, events } = await startMaster(doc, config);
    try {
      await master.runUntil('end');
      expect(master.failure).toBeNull();
      expect(master.checkpoints().at(-1)!.id).toBeGreaterThan(3);
      const heap = await startMaster(doc, masterConfig({ checkpointing: { intervalMs: 50 } }));
      await heap.master.advanceProcessingTime(1_000);
      await heap.master.drain();
      expect(committed(events)).toEqual(committed(heap.events));
      expect(committed(events).length).toBeGreaterThan(30);
    } finally {
      for (const store of stores) await store.destroy();
    }
  });
});
