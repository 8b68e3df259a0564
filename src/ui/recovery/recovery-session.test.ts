/**
 * The recovery log fed by a run controller over the real engine API in-process: a failure in a
 * checkpointed run is recorded with its restart and restore, every result ends committed or
 * discarded, and the committed ones equal a failure-free run's; a savepoint restored through
 * `startWith` starts the session where it was taken.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { SinkResult } from '../../engine/runtime/job';
import { createEngineApi } from '../../worker/engine-api';
import { RunController } from '../run/run-controller';
import { createRunStore } from '../run/store/run-store';
import { createBarrierStore } from './barrier-store';
import { connectBarriers, connectStores } from './connect';
import { createRecoveryStore } from './recovery-store';

const clickstream = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

function setUp() {
  const api = createEngineApi();
  const store = createRunStore();
  store.getState().setConfig({
    seed: 3,
    speed: 'max',
    checkpointing: { mode: 'exactly-once', intervalMs: 2000, retained: 2 },
    restart: { kind: 'fixed-delay', attempts: 2, delayMs: 100 },
  });
  const controller = new RunController(
    () => api,
    store,
    (fn) => queueMicrotask(fn),
  );
  const recovery = createRecoveryStore();
  connectStores(controller, store, recovery);
  const barriers = createBarrierStore();
  connectBarriers(controller, store, barriers);
  return { api, store, controller, recovery, barriers };
}

const lines = (results: readonly SinkResult[]) =>
  results.map((r) => JSON.stringify([r.sink, r.value, r.timestamp])).sort();

async function toEnd(controller: RunController, store: ReturnType<typeof createRunStore>) {
  while (store.getState().phase !== 'finished' && store.getState().phase !== 'failed') {
    await controller.step('firing');
    controller.flush();
  }
}

describe('recovery through the run controller', () => {
  it('records the failure, the restart and the restore, and commits the failure-free output', async () => {
    const reference = setUp();
    reference.store.getState().setConfig({ checkpointing: undefined, restart: undefined });
    await reference.controller.start(clickstream);
    await toEnd(reference.controller, reference.store);
    const expected = lines(reference.store.getState().results.all());

    const { api, store, controller, recovery } = setUp();
    await controller.start(clickstream);
    await controller.seek(9000);
    await api.injectFailure(null);
    await toEnd(controller, store);

    const { log } = recovery.getState();
    expect(log.events.map((e) => e.kind)).toEqual(['failed', 'restarting', 'restored']);
    expect(log.events[0]).toMatchObject({ kind: 'failed', reason: 'injected-job' });
    expect(log.checkpoints.length).toBeGreaterThan(3);
    expect(log.counts.pending).toBe(0);
    const all = store.getState().results.all();
    expect(log.states).toHaveLength(all.length);
    expect(lines(all.filter((_, i) => log.states[i] === 'committed'))).toEqual(expected);
  });

  it('starts a session from a savepoint with startWith, and forgets the last history', async () => {
    const { api, store, controller, recovery } = setUp();
    await controller.start(clickstream);
    await controller.seek(12_000);
    const { bytes, meta } = await api.takeSavepoint();
    controller.flush();
    const at = store.getState().progress?.recordsProcessed ?? 0;
    expect(at).toBeGreaterThan(0);
    const before = recovery.getState().log.checkpoints;
    expect(before.map((c) => c.id)).toContain(meta.checkpointId);

    const started = await controller.startWith(clickstream, async (config, onBatch) => {
      const answer = await api.restore(
        clickstream,
        config,
        bytes,
        { allowNonRestoredState: false },
        onBatch,
      );
      if ('savepoint' in answer) throw new Error(answer.savepoint.message);
      return answer;
    });
    expect(started).toBe(true);
    await controller.step('record');
    controller.flush();
    expect(store.getState().progress?.recordsProcessed).toBeGreaterThanOrEqual(at);
    // The history is the restored session's own: none of the first session's checkpoints.
    const after = recovery.getState().log.checkpoints;
    expect(after.every((c) => !before.includes(c))).toBe(true);
    expect(recovery.getState().log.events).toEqual([]);
  });

  it('fails on the scripted record, and draws every edge crossed by the barriers', async () => {
    const { api, store, controller, recovery, barriers } = setUp();
    await controller.start(clickstream);
    await controller.seek(6000);
    const at = store.getState().progress?.recordsProcessed ?? 0;
    await api.failOnRecord(at + 5);
    await toEnd(controller, store);

    const failed = recovery.getState().log.events.find((e) => e.kind === 'failed');
    expect(failed).toMatchObject({ reason: 'injected-record', record: at + 5 });
    const { crossed, held } = barriers.getState().view;
    expect(Object.keys(crossed).sort()).toEqual(clickstream.edges.map((e) => e.id).sort());
    expect(held).toEqual({});
    const completed = recovery.getState().log.checkpoints.filter((c) => c.status === 'completed');
    const last = completed.at(-1)!;
    const times = barriers.getState().tracker.subtaskTimes(last.id);
    expect(times.length).toBeGreaterThan(0);
    for (const row of times) {
      expect(row.aligned).not.toBeNull();
      expect(row.aligned!).toBeGreaterThanOrEqual(row.received);
    }
  });
});
