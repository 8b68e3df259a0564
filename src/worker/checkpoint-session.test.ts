import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import type { EngineHost } from './engine-api';
import type { CheckpointRecord, JobEvent, ResultState } from './recovery-types';
import { BARRIER_ALIGNED, BARRIER_RECEIVED, RECORD_OUT } from './trace-batch';
import type { SessionConfig, TraceBatch } from './trace-batch';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

const base: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 2,
  seed: 7,
  speed: 'max',
};

/** A wall clock that moves only when read or waited on: runs are reproducible. */
function testHost(): EngineHost & { now(): number } {
  let wall = 0;
  return {
    now: () => (wall += 1),
    yieldToMessages: async () => {
      wall += 20;
      await new Promise((resolve) => setImmediate(resolve));
    },
    sleep: async (ms: number) => {
      wall += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    indexedDB,
    date: () => Date.UTC(2026, 10, 29, 12),
  };
}

async function openSession(config: Partial<SessionConfig>, doc = example) {
  const host = testHost();
  const api = createEngineApi(host.now, host);
  const batches: TraceBatch[] = [];
  const started = await api.start(doc, { ...base, ...config }, (b) => {
    batches.push(b);
  });
  if (!started.ok) throw new Error(started.failure.message);
  return { api, batches, info: started.info };
}

type Api = Awaited<ReturnType<typeof openSession>>['api'];

/** Plays until the session has ended. */
async function playToEnd(api: Api, batches: TraceBatch[]): Promise<void> {
  api.play();
  for (let i = 0; i < 100_000; i++) {
    const state = batches.at(-1)?.progress.state;
    if (state === 'finished' || state === 'failed' || state === 'canceled') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The session did not end');
}

/** Every result of the epoch with its last state, as comparable lines. */
function resultStates(batches: TraceBatch[]): { line: string; state: ResultState }[] {
  const all: { line: string; state: ResultState }[] = [];
  for (const b of batches) {
    b.results.forEach((r, i) => {
      const state = b.recovery?.results[i]?.state ?? 'committed';
      all.push({ line: JSON.stringify([r.sink, r.value, r.timestamp]), state });
    });
    for (const s of b.recovery?.settled ?? []) all[s.index]!.state = s.state;
  }
  return all;
}

const committedLines = (batches: TraceBatch[]) =>
  resultStates(batches)
    .filter((r) => r.state === 'committed')
    .map((r) => r.line)
    .sort();

const events = (batches: TraceBatch[]): JobEvent[] =>
  batches.flatMap((b) => b.recovery?.events ?? []);
const history = (batches: TraceBatch[]): CheckpointRecord[] =>
  batches.flatMap((b) => b.recovery?.checkpoints ?? []);

/** The failure-free output of the example, from a plain session. */
async function reference(): Promise<string[]> {
  const { api, batches } = await openSession({});
  await playToEnd(api, batches);
  expect(batches.some((b) => b.recovery !== undefined)).toBe(false);
  return committedLines(batches);
}

describe.each(['heap', 'indexeddb'] as const)('sessions with checkpoints (%s)', (stateBackend) => {
  it('streams barriers per channel and their alignment, and the checkpoint history', async () => {
    const checkpointing = { mode: 'exactly-once', intervalMs: 2000, retained: 2 } as const;
    const { api, batches, info } = await openSession({ stateBackend, checkpointing });
    await playToEnd(api, batches);
    expect(batches.at(-1)!.progress.state).toBe('finished');

    const records = history(batches);
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.map((r) => r.id)).toEqual(records.map((_, i) => i + 1));
    for (const r of records) {
      expect(r.status).toBe('completed');
      if (r.status !== 'completed') continue;
      expect(r.kind).toBe('checkpoint');
      expect(r.triggeredAt % 2000).toBe(0);
      expect(r.bytes).toBeGreaterThan(0);
      const windows = r.subtasks.filter((s) => s.uid === 'per-10s');
      expect(windows.map((s) => s.subtask)).toEqual([0, 1]);
      expect(r.offsets.map((o) => o.uid)).toEqual(['clicks', 'clicks']);
    }
    expect(api.checkpoints()).toEqual(records);

    // The window has an input channel per source subtask: each barrier arrives on both, then aligns.
    const window = info.operators.findIndex((o) => o.uid === 'per-10s');
    const first = records[0]!.id;
    const atWindow = batches.flatMap((b) =>
      Array.from(b.barriers.op.keys())
        .filter((i) => b.barriers.op[i] === window && b.barriers.checkpoint[i] === first)
        .map((i) => [b.barriers.subtask[i], b.barriers.action[i], b.barriers.channel[i]]),
    );
    for (const subtask of [0, 1]) {
      const seen = atWindow.filter((e) => e[0] === subtask);
      expect(seen.slice(0, 2).every((e) => e[1] === BARRIER_RECEIVED)).toBe(true);
      expect(
        seen
          .slice(0, 2)
          .map((e) => e[2])
          .sort(),
      ).toEqual([0, 1]);
      expect(seen[2]).toEqual([subtask, BARRIER_ALIGNED, -1]);
      expect(seen).toHaveLength(3);
    }

    // Exactly-once: every result was sent pending and committed by a later checkpoint or the end.
    const sent = batches.flatMap((b) => b.recovery?.results ?? []);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((r) => r.state === 'pending' && r.attempt === 0)).toBe(true);
    expect(resultStates(batches).every((r) => r.state === 'committed')).toBe(true);
    expect(committedLines(batches)).toEqual(await reference());
  });

  it('an injected failure restarts after the delay from the latest checkpoint, sources rewound', async () => {
    const { api, batches } = await openSession({
      stateBackend,
      checkpointing: { mode: 'exactly-once', intervalMs: 3000, retained: 1 },
      restart: { kind: 'fixed-delay', attempts: 2, delayMs: 500 },
    });
    // The first windows fire at about 11 s; the checkpoint at 9 s is the latest before.
    const failedProgress = await api.seek(11_500);
    await api.injectFailure();
    // A step while restarting waits out the delay: the job restarts from the checkpoint and
    // replays what arrived up to the restart, as a restarted Flink job catches up.
    const restarted = await api.step('record');
    await playToEnd(api, batches);
    expect(batches.at(-1)!.progress.state).toBe('finished');

    const [failed, restarting, restored, ...rest] = events(batches);
    expect(rest).toEqual([]);
    expect(failed).toMatchObject({
      kind: 'failed',
      pt: 11_500,
      attempt: 0,
      operatorUid: null,
      subtask: null,
      message: 'Injected failure of the job',
      restarting: true,
    });
    expect(restarting).toEqual({
      kind: 'restarting',
      pt: 11_500,
      attempt: 1,
      restartAt: 12_000,
      delayMs: 500,
    });
    const checkpoint = history(batches).find((c) => c.id === 3)!;
    expect(checkpoint).toMatchObject({ status: 'completed', triggeredAt: 9000 });
    if (checkpoint.status !== 'completed') return;
    expect(restored).toEqual({
      kind: 'restored',
      pt: 9000,
      attempt: 1,
      checkpointId: 3,
      stateRestored: true,
      offsets: checkpoint.offsets,
    });
    expect(checkpoint.offsets.every((o) => o.offset > 0)).toBe(true);

    // The replay: source records at processing times before the failure, sent after it.
    const afterFailure = batches.findIndex((b) =>
      b.recovery?.events.some((e) => e.kind === 'restored'),
    );
    const replayed = batches
      .slice(afterFailure)
      .some((b) =>
        Array.from(b.records.pt).some((pt, i) => b.records.dir[i] === RECORD_OUT && pt < 11_500),
      );
    expect(replayed).toBe(true);

    // Results fired between the checkpoint and the failure were discarded, then fired again.
    const states = resultStates(batches);
    expect(states.some((r) => r.state === 'discarded')).toBe(true);
    expect(states.some((r) => r.state === 'pending')).toBe(false);
    expect(committedLines(batches)).toEqual(await reference());

    // Progress counts where the sources read: it goes back with them and ends at the total.
    expect(restarted.processingTime).toBe(12_000);
    expect(restarted.recordsProcessed).toBeGreaterThanOrEqual(failedProgress.recordsProcessed);
    expect(restarted.ratePerSecond).toBeGreaterThanOrEqual(0);
    expect(batches.at(-1)!.progress.recordsProcessed).toBe(200);
  });

  it('a failure of one subtask names it; failOnRecord fails once; no restart ends the run', async () => {
    const { api, batches } = await openSession({
      stateBackend,
      checkpointing: { mode: 'exactly-once', intervalMs: 3000, retained: 1 },
      restart: { kind: 'fixed-delay', attempts: 1 },
    });
    await api.seek(4000);
    await api.injectFailure({ operatorUid: 'per-10s', subtask: 1 });
    api.failOnRecord(150);
    await playToEnd(api, batches);
    const failures = events(batches).filter((e) => e.kind === 'failed');
    expect(failures).toEqual([
      expect.objectContaining({
        operatorUid: 'per-10s',
        subtask: 1,
        message: 'Injected failure in per-10s #1',
        restarting: true,
      }),
      expect.objectContaining({
        operatorUid: null,
        message: 'Injected failure after record 150',
        restarting: false,
      }),
    ]);
    const last = batches.at(-1)!;
    expect(last.progress.state).toBe('failed');
    expect(last.progress.failure).toEqual({
      operatorUid: null,
      message: 'Injected failure after record 150',
    });
    expect(last.recovery!.status).toBe('failed');
  });

  it('with checkpoints off a restart loses the state and the sources go on', async () => {
    const { api, batches } = await openSession({
      stateBackend,
      checkpointing: { mode: 'off', intervalMs: 3000, retained: 1 },
      restart: { kind: 'fixed-delay', attempts: 1 },
    });
    // Records arrive from 7 s on: at 12 s the windows hold state, which the restart loses.
    await api.seek(12_000);
    const failedAt = (await api.injectFailure()).processingTime;
    await playToEnd(api, batches);
    const restored = events(batches).find((e) => e.kind === 'restored');
    expect(restored).toMatchObject({ checkpointId: null, stateRestored: false, pt: failedAt });
    if (restored?.kind !== 'restored') return;
    expect(restored.offsets.every((o) => o.offset > 0)).toBe(true);
    expect(history(batches)).toEqual([]);
    expect(committedLines(batches)).not.toEqual(await reference());
  });
});

describe('paced play under a job master', () => {
  it('takes each checkpoint at its time and, after a failure on a record, commits the failure-free output', async () => {
    const { api, batches } = await openSession({
      speed: 100,
      checkpointing: { mode: 'exactly-once', intervalMs: 1000, retained: 1 },
      restart: { kind: 'fixed-delay', attempts: 1, delayMs: 250 },
    });
    api.failOnRecord(120);
    await playToEnd(api, batches);
    expect(batches.at(-1)!.progress.state).toBe('finished');
    const times = history(batches).map((c) => (c.status === 'completed' ? c.triggeredAt : NaN));
    expect(times.length).toBeGreaterThan(8);
    for (const t of times) expect(t % 1000).toBe(0);
    expect(events(batches).map((e) => e.kind)).toEqual(['failed', 'restarting', 'restored']);
    expect(committedLines(batches)).toEqual(await reference());
  });
});

describe('failures without checkpointing', () => {
  it('end a plain session failed, naming the operator', async () => {
    const { api, batches } = await openSession({});
    await api.seek(12_000);
    const progress = await api.injectFailure({ operatorUid: 'per-10s', subtask: 0 });
    expect(progress.state).toBe('failed');
    expect(progress.failure).toEqual({
      operatorUid: 'per-10s',
      message: 'Injected failure in per-10s #0',
    });
    expect(batches.at(-1)!.recovery).toBeUndefined();
    expect(api.checkpoints()).toEqual([]);
    expect(() => api.failOnRecord(10)).toThrow('needs checkpointing');
  });

  it('refuse a target the run does not have', async () => {
    const { api } = await openSession({});
    await expect(api.injectFailure({ operatorUid: 'nope', subtask: 0 })).rejects.toThrow(
      'No operator "nope" in this run.',
    );
    await expect(api.injectFailure({ operatorUid: 'per-10s', subtask: 2 })).rejects.toThrow(
      '"per-10s" has subtasks 0 to 1, not 2.',
    );
    expect((await api.step('record')).state).toBe('paused');
  });
});

describe('detail for the past under a job master', () => {
  const long: PipelineDocument = {
    ...example,
    nodes: example.nodes.map((n) =>
      n.kind === 'source.generator'
        ? { ...n, params: { ...n.params, count: 20_000, ratePerSecond: 100 } }
        : n,
    ),
  };

  /** Plays the long input with the view over all of it, then zooms in on a stretch run. */
  async function zoomAfterRun(failOn: number | null) {
    const { api, batches } = await openSession(
      {
        checkpointing: { mode: 'exactly-once', intervalMs: 10_000, retained: 1 },
        restart: { kind: 'fixed-delay', attempts: 1 },
      },
      long,
    );
    api.setView({ ptFrom: 0, ptTo: 200_000, maxEvents: 1000 });
    if (failOn !== null) api.failOnRecord(failOn);
    await playToEnd(api, batches);
    api.setView({ ptFrom: 50_000, ptTo: 60_000, maxEvents: 1000 });
    for (let i = 0; i < 2000 && !batches.some((b) => b.detail !== undefined); i++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    return batches;
  }

  it('is replayed for a run without failures, not after a restart (it would not be this run)', async () => {
    expect((await zoomAfterRun(null)).some((b) => b.detail !== undefined)).toBe(true);
    const restarted = await zoomAfterRun(8000);
    expect(events(restarted).map((e) => e.kind)).toEqual(['failed', 'restarting', 'restored']);
    expect(restarted.some((b) => b.detail !== undefined)).toBe(false);
  });
});
