import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import type { InspectedEntry, StateInspection } from './recovery-types';
import { WINDOW_CREATED, WINDOW_PURGED, TraceTables } from './trace-batch';
import type { SessionConfig, TraceBatch } from './trace-batch';

const doc = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

function engine() {
  let wall = 0;
  return createEngineApi(() => (wall += 1), {
    yieldToMessages: () => new Promise((resolve) => setImmediate(resolve)),
    sleep: () => new Promise((resolve) => setImmediate(resolve)),
    indexedDB,
  });
}

async function pausedAt(pt: number, config: Partial<SessionConfig>) {
  const api = engine();
  const batches: TraceBatch[] = [];
  const started = await api.start(
    doc,
    { time: 'event', stateBackend: 'heap', parallelism: 2, seed: 7, speed: 'max', ...config },
    (b) => {
      batches.push(b);
    },
  );
  if (!started.ok) throw new Error(started.failure.message);
  await api.seek(pt);
  return { api, batches, info: started.info };
}

/** Windows of the trace that were created and not purged yet: what the window state holds. */
function openWindows(batches: TraceBatch[], window: number): string[] {
  const tables = new TraceTables();
  const open = new Set<string>();
  for (const b of batches) {
    tables.apply(b);
    const w = b.windows;
    for (let i = 0; i < w.op.length; i++) {
      if (w.op[i] !== window) continue;
      const id = JSON.stringify([tables.key(w.key[i]!), w.start[i], w.end[i]]);
      if (w.action[i] === WINDOW_CREATED) open.add(id);
      if (w.action[i] === WINDOW_PURGED) open.delete(id);
    }
  }
  return [...open].sort();
}

const windowsOf = (items: InspectedEntry[]) =>
  [
    ...new Set(
      items.map((e) =>
        JSON.stringify([
          e.key,
          ...(e.namespace.kind === 'window' ? [e.namespace.start, e.namespace.end] : []),
        ]),
      ),
    ),
  ].sort();

const withoutCounters = (s: StateInspection) => ({
  ...s,
  subtasks: s.subtasks.map((t) => ({ ...t, backend: null, indexedDb: null })),
});

describe('the state inspector', () => {
  it.each(['heap', 'indexeddb'] as const)(
    'lists the keys and windows the window operator holds (%s)',
    async (stateBackend) => {
      const { api, batches, info } = await pausedAt(12_500, { stateBackend });
      const state = await api.inspectState({ operatorUid: 'per-10s', limit: 1000 });
      expect(state.processingTime).toBe(12_500);
      expect(state.subtasks.map((s) => [s.uid, s.subtask, s.backend])).toEqual([
        ['per-10s', 0, stateBackend],
        ['per-10s', 1, stateBackend],
      ]);
      const window = info.operators.findIndex((o) => o.uid === 'per-10s');
      const expected = openWindows(batches, window);
      expect(expected.length).toBeGreaterThan(0);
      expect(windowsOf(state.entries.items)).toEqual(expected);

      const entries = state.subtasks.reduce((n, s) => n + s.entries, 0);
      expect(state.entries.total).toBe(entries);
      for (const s of state.subtasks) {
        expect(s.keyGroups.reduce((n, g) => n + g.entries, 0)).toBe(s.entries);
        expect(s.keyGroups.reduce((n, g) => n + g.bytes, 0)).toBe(s.bytes);
        for (const g of s.keyGroups) {
          expect(g.keyGroup).toBeGreaterThanOrEqual(s.keyGroupRange.start);
          expect(g.keyGroup).toBeLessThanOrEqual(s.keyGroupRange.end);
          expect(g.bytes).toBeGreaterThan(0);
        }
      }
      for (const e of state.entries.items) {
        expect(e.bytes).toBeGreaterThan(0);
        expect(typeof e.value).toBe('number');
      }
    },
  );

  it('pages, and filters by subtask, key group and key', async () => {
    const { api } = await pausedAt(12_500, {});
    const all = await api.inspectState({ limit: 1000 });
    const page = await api.inspectState({ offset: 1, limit: 2 });
    expect(page.entries).toMatchObject({ total: all.entries.total, offset: 1, limit: 2 });
    expect(page.entries.items).toEqual(all.entries.items.slice(1, 3));

    const key = all.entries.items[0]!.key;
    const ofKey = await api.inspectState({ key });
    expect(ofKey.entries.items.length).toBeGreaterThan(0);
    expect(ofKey.entries.items.every((e) => e.key === key)).toBe(true);
    const { keyGroup, subtask } = ofKey.entries.items[0]!;
    const ofGroup = await api.inspectState({ operatorUid: 'per-10s', subtask, keyGroup });
    expect(ofGroup.subtasks).toHaveLength(1);
    expect(ofGroup.entries.items.every((e) => e.keyGroup === keyGroup)).toBe(true);
    expect(ofGroup.entries.items.map((e) => e.key)).toContain(key);
  });

  it('both backends hold the same state; IndexedDB shows its counters', async () => {
    const heap = await (await pausedAt(14_000, {})).api.inspectState({ limit: 1000 });
    const idb = await (
      await pausedAt(14_000, { stateBackend: 'indexeddb' })
    ).api.inspectState({ limit: 1000 });
    expect(withoutCounters(idb)).toEqual(withoutCounters(heap));
    expect(heap.subtasks.every((s) => s.indexedDb === null)).toBe(true);
    for (const s of idb.subtasks) {
      const counters = s.indexedDb!;
      expect(counters.cacheMisses).toBeGreaterThan(0);
      expect(counters.cacheHitRate).toBe(
        counters.cacheHits / (counters.cacheHits + counters.cacheMisses),
      );
    }
  });

  it('works under a job master, and refuses a playing session', async () => {
    const { api } = await pausedAt(12_500, {
      speed: 0.1,
      checkpointing: { mode: 'exactly-once', intervalMs: 3000, retained: 1 },
    });
    expect((await api.inspectState()).entries.total).toBeGreaterThan(0);
    api.play();
    await expect(api.inspectState()).rejects.toThrow('Pause the run first');
    await api.pause();
  });
});
