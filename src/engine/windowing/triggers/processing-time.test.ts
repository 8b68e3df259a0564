import { describe, expect, it } from 'vitest';
import { TestTriggerContext } from '../../testing/harness';
import { TimeWindow } from '../window';
import { ProcessingTimeTrigger } from './processing-time';
import type { Trigger } from './trigger';

const w = (start: number, end: number) => new TimeWindow(start, end);

describe('ProcessingTimeTrigger', () => {
  // Flink: ProcessingTimeTriggerTest.testWindowSeparationAndFiring
  it('registers a processing-time timer at end - 1 and fires on any processing-time timer', () => {
    // Called through the interface, as the window operator does.
    const t: Trigger = new ProcessingTimeTrigger();
    const ctx = new TestTriggerContext();
    expect(t.onElement(0, w(0, 2), ctx.at(w(0, 2)))).toBe('CONTINUE');
    expect([...ctx.processingTimers]).toEqual(['[0, 2)@1']);
    expect(ctx.eventTimers.size).toBe(0);
    expect(t.onProcessingTime(1, w(0, 2), ctx)).toBe('FIRE');
    expect(t.onEventTime(1, w(0, 2), ctx)).toBe('CONTINUE');
  });

  // Flink: ProcessingTimeTriggerTest.testClear
  it('deletes its timer on clear', () => {
    const t: Trigger = new ProcessingTimeTrigger();
    const ctx = new TestTriggerContext();
    t.onElement(0, w(0, 2), ctx.at(w(0, 2)));
    t.clear(w(0, 2), ctx);
    expect(ctx.processingTimers.size).toBe(0);
  });

  // Flink: ProcessingTimeTriggerTest.testMergingWindows
  it('registers the merged window timer only if the clock has not passed it', () => {
    const t: Trigger = new ProcessingTimeTrigger();
    const ctx = new TestTriggerContext();
    ctx.processingTime = 3;
    t.onMerge!(w(0, 4), [w(0, 2), w(2, 4)], ctx.at(w(0, 4)));
    expect(ctx.processingTimers.size).toBe(0);
    t.onMerge!(w(0, 6), [w(0, 4)], ctx.at(w(0, 6)));
    expect([...ctx.processingTimers]).toEqual(['[0, 6)@5']);
  });
});
