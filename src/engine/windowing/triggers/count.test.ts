import { describe, expect, it } from 'vitest';
import { TestTriggerContext } from '../../testing/harness';
import { TimeWindow } from '../window';
import { CountTrigger } from './count';

const w = (start: number, end: number) => new TimeWindow(start, end);

describe('CountTrigger', () => {
  // Flink: CountTriggerTest.testWindowSeparationAndFiring
  it('counts per window and fires on the size-th element, then starts over', () => {
    const t = new CountTrigger(3);
    const ctx = new TestTriggerContext();
    const a = w(0, 2);
    const b = w(2, 4);
    expect(t.onElement(0, a, ctx.at(a))).toBe('CONTINUE');
    expect(t.onElement(0, a, ctx.at(a))).toBe('CONTINUE');
    expect(t.onElement(0, b, ctx.at(b))).toBe('CONTINUE');
    expect(ctx.stateSnapshot()).toEqual({ 'count|[0, 2)': 2, 'count|[2, 4)': 1 });
    expect(t.onElement(0, a, ctx.at(a))).toBe('FIRE');
    // Firing resets the count rather than storing 0: no state is left behind.
    expect(ctx.stateSnapshot()).toEqual({ 'count|[2, 4)': 1 });
    expect(t.onElement(0, a, ctx.at(a))).toBe('CONTINUE');
    expect(ctx.eventTimers.size + ctx.processingTimers.size).toBe(0);
  });

  it('fires on every element with size 1', () => {
    const t = new CountTrigger(1);
    const ctx = new TestTriggerContext().at(w(0, 2));
    expect([1, 2, 3].map((ts) => t.onElement(ts, w(0, 2), ctx))).toEqual(['FIRE', 'FIRE', 'FIRE']);
    expect(ctx.stateSnapshot()).toEqual({});
  });

  // Flink: CountTriggerTest.testClear
  it('clears the count of one window only', () => {
    const t = new CountTrigger(3);
    const ctx = new TestTriggerContext();
    t.onElement(0, w(0, 2), ctx.at(w(0, 2)));
    t.onElement(0, w(2, 4), ctx.at(w(2, 4)));
    t.clear(w(2, 4), ctx.at(w(2, 4)));
    expect(ctx.stateSnapshot()).toEqual({ 'count|[0, 2)': 1 });
  });

  it('never fires on time', () => {
    const t = new CountTrigger(3);
    const ctx = new TestTriggerContext().at(w(0, 2));
    expect(t.onEventTime()).toBe('CONTINUE');
    expect(t.onProcessingTime()).toBe('CONTINUE');
    expect(ctx.stateSnapshot()).toEqual({});
  });
});
