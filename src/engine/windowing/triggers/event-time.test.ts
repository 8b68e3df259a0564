import { describe, expect, it } from 'vitest';
import { TestTriggerContext } from '../../testing/harness';
import { TimeWindow } from '../window';
import { EventTimeTrigger } from './event-time';
import type { Trigger } from './trigger';

const w = (start: number, end: number) => new TimeWindow(start, end);

describe('EventTimeTrigger', () => {
  // Flink: EventTimeTriggerTest.testWindowSeparationAndFiring
  it('registers a timer at the window end - 1 and fires only at that time', () => {
    // Called through the interface, as the window operator does.
    const t: Trigger = new EventTimeTrigger();
    const ctx = new TestTriggerContext();
    expect(t.onElement(0, w(0, 2), ctx.at(w(0, 2)))).toBe('CONTINUE');
    expect(t.onElement(0, w(2, 4), ctx.at(w(2, 4)))).toBe('CONTINUE');
    expect([...ctx.eventTimers]).toEqual(['[0, 2)@1', '[2, 4)@3']);
    expect(t.onEventTime(1, w(0, 2), ctx.at(w(0, 2)))).toBe('FIRE');
    expect(t.onEventTime(2, w(2, 4), ctx.at(w(2, 4)))).toBe('CONTINUE');
    expect(t.onProcessingTime(3, w(2, 4), ctx)).toBe('CONTINUE');
  });

  it('leaves the timer of a continued window alone: it is still pending', () => {
    const t: Trigger = new EventTimeTrigger();
    const ctx = new TestTriggerContext();
    ctx.windowContinued = true;
    expect(t.onElement(0, w(0, 2), ctx.at(w(0, 2)))).toBe('CONTINUE');
    expect(ctx.eventTimers.size).toBe(0);
    ctx.watermark = 1;
    expect(t.onElement(0, w(0, 2), ctx.at(w(0, 2)))).toBe('FIRE');
  });

  // Flink: EventTimeTriggerTest.testLateElementTriggersImmediately
  it('fires at once, with no timer, for a window the watermark has passed', () => {
    const t: Trigger = new EventTimeTrigger();
    const ctx = new TestTriggerContext();
    ctx.watermark = 1;
    expect(t.onElement(0, w(0, 2), ctx.at(w(0, 2)))).toBe('FIRE');
    expect(ctx.eventTimers.size).toBe(0);
  });

  // Flink: EventTimeTriggerTest.testClear
  it('deletes its timer on clear', () => {
    const t: Trigger = new EventTimeTrigger();
    const ctx = new TestTriggerContext();
    t.onElement(0, w(0, 2), ctx.at(w(0, 2)));
    t.onElement(2, w(2, 4), ctx.at(w(2, 4)));
    t.clear(w(2, 4), ctx.at(w(2, 4)));
    expect([...ctx.eventTimers]).toEqual(['[0, 2)@1']);
  });

  // Flink: EventTimeTriggerTest.testMergingWindows / testMergingLateWindows
  it('registers the merged window timer only if the watermark has not passed it', () => {
    const t: Trigger = new EventTimeTrigger();
    const ctx = new TestTriggerContext();
    t.onMerge!(w(0, 4), [w(0, 2), w(2, 4)], ctx.at(w(0, 4)));
    expect([...ctx.eventTimers]).toEqual(['[0, 4)@3']);
    ctx.watermark = 10;
    t.onMerge!(w(0, 6), [w(0, 4)], ctx.at(w(0, 6)));
    expect([...ctx.eventTimers]).toEqual(['[0, 4)@3']);
  });
});
