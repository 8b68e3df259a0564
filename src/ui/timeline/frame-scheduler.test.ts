import { describe, expect, it } from 'vitest';
import { createFrameScheduler, type DirtyLayers } from './frame-scheduler';

function stepper() {
  const queue: (() => void)[] = [];
  return {
    request: (callback: () => void) => queue.push(callback),
    cancel: (handle: number) => {
      queue[handle - 1] = () => {};
    },
    frame: () => queue.splice(0).forEach((callback) => callback()),
    pending: () => queue.length,
  };
}

describe('createFrameScheduler', () => {
  it('draws once per frame however often it is invalidated', () => {
    const frames = stepper();
    const draws: DirtyLayers[] = [];
    const scheduler = createFrameScheduler((d) => draws.push(d), frames.request, frames.cancel);
    scheduler.invalidate('static');
    scheduler.invalidate('static');
    scheduler.invalidate('interactive');
    expect(frames.pending()).toBe(1);
    frames.frame();
    expect(draws).toEqual([{ static: true, interactive: true }]);
  });

  it('draws only the layers that changed, and nothing when nothing did', () => {
    const frames = stepper();
    const draws: DirtyLayers[] = [];
    const scheduler = createFrameScheduler((d) => draws.push(d), frames.request, frames.cancel);
    scheduler.invalidate('interactive');
    frames.frame();
    frames.frame();
    expect(draws).toEqual([{ static: false, interactive: true }]);
  });

  it('draws nothing after it is disposed', () => {
    const frames = stepper();
    const draws: DirtyLayers[] = [];
    const scheduler = createFrameScheduler((d) => draws.push(d), frames.request, frames.cancel);
    scheduler.invalidate('static');
    scheduler.dispose();
    frames.frame();
    expect(draws).toEqual([]);
  });
});
