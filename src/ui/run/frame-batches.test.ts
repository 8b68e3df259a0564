import { describe, expect, it } from 'vitest';
import type { TraceBatch } from '../../worker/trace-batch';
import { FrameBatches } from './frame-batches';

const batch = (seq: number) => ({ seq }) as TraceBatch;

function setUp() {
  const frames: (() => void)[] = [];
  const merged: number[][] = [];
  const batches = new FrameBatches(
    (fn) => frames.push(fn),
    (bs) => merged.push(bs.map((b) => b.seq)),
  );
  const frame = () => {
    for (const fn of frames.splice(0)) fn();
  };
  return { frames, merged, batches, frame };
}

describe('batches per frame', () => {
  it('merges every batch that arrived before a frame at once, and asks for one frame', () => {
    const { frames, merged, batches, frame } = setUp();
    batches.release();
    batches.push(batch(0));
    batches.push(batch(1));
    batches.push(batch(2));
    expect(frames.length).toBe(1);
    expect(merged).toEqual([]);
    frame();
    batches.push(batch(3));
    frame();
    expect(merged).toEqual([[0, 1, 2], [3]]);
  });

  it('holds batches until released, and drops them when cleared', () => {
    const { frames, merged, batches, frame } = setUp();
    batches.push(batch(0));
    expect(frames.length).toBe(0);
    batches.release();
    frame();
    expect(merged).toEqual([[0]]);
    batches.hold();
    batches.push(batch(1));
    batches.clear();
    batches.release();
    frame();
    batches.flush();
    expect(merged).toEqual([[0]]);
  });
});
