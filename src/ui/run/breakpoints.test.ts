/**
 * Breakpoints through the run controller against the engine API in-process: the run
 * configuration's breakpoints reach each session, the store holds the hit the run paused at
 * until it moves on, and the timeline finds the fired window to show.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { createEngineApi } from '../../worker/engine-api';
import { revealTarget } from './reveal';
import { RunController } from './run-controller';
import { createRunStore } from './store/run-store';

const clickstream = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

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
  /** Waits for the worker to stop the run by itself at another hit than `before`. */
  const stopped = async (before: unknown = null) => {
    for (let i = 0; i < 5_000; i++) {
      frame();
      const { phase, pausedAt } = store.getState();
      const moved = JSON.stringify(pausedAt) !== JSON.stringify(before);
      if (phase !== 'running' && phase !== 'idle' && moved) return;
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    throw new Error('The run never stopped');
  };
  return { store, controller, frame, stopped };
}

const breakpoints = { windowFires: true, lateRecord: false, checkpointCompletes: false };

describe('breakpoints in the run', () => {
  it('pause the run where the configuration says, and the timeline finds the window', async () => {
    const { store, controller, stopped } = setUp();
    store.getState().setConfig({ breakpoints: { ...breakpoints, operatorUid: null } });
    await controller.run(clickstream);
    await stopped();
    const hit = store.getState().pausedAt;
    expect(store.getState().phase).toBe('paused');
    expect(hit).toMatchObject({ kind: 'windowFires', operatorUid: 'per-10s', start: 0 });
    expect(store.getState().progress?.processingTime).toBe(hit!.processingTime);

    const target = revealTarget(controller.model, hit!, null);
    expect(target.pt.from).toBeLessThanOrEqual(hit!.processingTime);
    expect(target.pt.to).toBeGreaterThan(hit!.processingTime);
    const row = target.window!;
    const windows = controller.model.windows.columns;
    expect([windows.start[row], windows.end[row], windows.firedPt[row]]).toEqual([
      0,
      10_000,
      hit!.processingTime,
    ]);
    expect(controller.model.keys[windows.key[row]!]).toBe(hit!.kind === 'windowFires' && hit!.key);

    // Continue stops at the next firing; a step moves on without stopping and clears the hit.
    await controller.play();
    await stopped(hit);
    const next = store.getState().pausedAt;
    expect(next).not.toBeNull();
    expect(next).not.toEqual(hit);
    await controller.step('record');
    expect(store.getState().pausedAt).toBeNull();
  });

  it('send a change to the session while it plays, and leave out an operator it lacks', async () => {
    const { store, controller, stopped } = setUp();
    store.getState().setConfig({ breakpoints: { ...breakpoints, operatorUid: 'gone' } });
    await controller.start(clickstream);
    await controller.setBreakpoints({ ...breakpoints, windowFires: false, operatorUid: 'gone' });
    await controller.play();
    await controller.setBreakpoints({
      ...breakpoints,
      lateRecord: true,
      windowFires: false,
      operatorUid: null,
    });
    await stopped();
    expect(store.getState().phase).not.toBe('error');
    expect(store.getState().pausedAt?.kind).toBe('lateRecord');
    expect(store.getState().config.breakpoints.lateRecord).toBe(true);
  });
});
