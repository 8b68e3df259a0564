/**
 * The run controller against the real engine API in-process: batches reach the store and the
 * timeline once per frame, steps and seeks re-run deterministically, and results equal a
 * one-off run's for the same document and seed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { createEngineApi } from '../../worker/engine-api';
import { RunController } from './run-controller';
import { createRunStore } from './store/run-store';

const clickstream = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

/** A controller over an in-process engine whose frames come only when the test says. */
function setUp() {
  const api = createEngineApi();
  const frames: (() => void)[] = [];
  const store = createRunStore();
  store.getState().setConfig({ seed: 3, speed: 'max' });
  const controller = new RunController(
    () => api,
    store,
    (fn) => frames.push(fn),
  );
  const frame = () => {
    for (const fn of frames.splice(0)) fn();
  };
  return { api, store, controller, frames, frame };
}

describe('the run controller', () => {
  it('starts paused, and merges the batches of a frame all at once', async () => {
    const { store, controller, frame } = setUp();
    expect(await controller.start(clickstream)).toBe(true);
    expect(store.getState().phase).toBe('idle');
    expect(store.getState().info?.operators.map((o) => o.uid)).toContain('per-10s');

    // The first windows fire together, at the watermark past 10 s.
    await controller.step('firing');
    frame();
    const state = store.getState();
    expect(state.phase).toBe('paused');
    const fired = controller.model.windows.columns.firedPt.subarray(
      0,
      controller.model.windows.length,
    );
    expect(fired.some((pt) => Number.isFinite(pt))).toBe(true);
    expect(state.badges['per-10s']?.firings).toBeGreaterThanOrEqual(1);
    expect(state.metrics.pt.length).toBeGreaterThan(0);
  });

  it('ends with the same results as a one-off run of the same document and seed', async () => {
    const { api, store, controller, frame } = setUp();
    await controller.start(clickstream);
    while (store.getState().phase === 'idle' || store.getState().phase === 'paused') {
      await controller.step('firing');
      frame();
    }
    expect(store.getState().phase).toBe('finished');
    const once = await api.run(clickstream, { time: 'event', parallelism: 1, seed: 3 });
    expect(store.getState().results.all()).toEqual(once.results);
    expect(store.getState().progress?.recordsProcessed).toBe(once.recordsIn);
    expect(store.getState().results.sideOutput.length).toBe(controller.model.late.length);
  });

  it('seeks by re-running from the start: a new epoch replaces results and the picture', async () => {
    const { store, controller, frame } = setUp();
    await controller.start(clickstream);
    for (let i = 0; i < 4; i++) await controller.step('firing');
    frame();
    const at = store.getState().progress!.processingTime;
    const results = store.getState().results.received;
    expect(results).toBeGreaterThan(0);

    await controller.seek(at / 2);
    frame();
    const state = store.getState();
    expect(state.progress!.processingTime).toBeLessThanOrEqual(at / 2 + 1000);
    expect(state.results.received).toBeLessThan(results);
    expect(state.horizon).toBe(at);
    expect(controller.model.now).toBe(state.progress!.processingTime);
  });

  it('ignores batches of a session that a newer start replaced', async () => {
    const { store, controller, frame } = setUp();
    await controller.start(clickstream);
    await controller.step('firing');
    const first = controller.start(clickstream);
    frame();
    await first;
    frame();
    expect(store.getState().results.received).toBe(0);
    expect(store.getState().progress?.recordsProcessed ?? 0).toBe(0);
  });

  it('reports a document the engine refuses as a failure, with the reason', async () => {
    const { store, controller } = setUp();
    const broken = { ...clickstream, edges: [] };
    expect(await controller.start(broken)).toBe(false);
    expect(store.getState().phase).toBe('error');
    expect(store.getState().failure?.message).toMatch(/E\d+/);
  });
});
