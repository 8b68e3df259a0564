import { describe, expect, it } from 'vitest';
import { TestTriggerContext } from '../../testing/harness';
import { TimeWindow } from '../window';
import type { Window } from '../window';
import { CountTrigger } from './count';
import { EventTimeTrigger } from './event-time';
import { PurgingTrigger } from './purging';
import type { Trigger, TriggerResult } from './trigger';

const w = (start: number, end: number) => new TimeWindow(start, end);

/** Returns a fixed result from every callback and records clears. */
function stub(result: TriggerResult): Trigger & { cleared: number } {
  return {
    name: 'Stub',
    cleared: 0,
    onElement: () => result,
    onEventTime: () => result,
    onProcessingTime: () => result,
    clear(this: { cleared: number }, _w: Window) {
      this.cleared++;
    },
  };
}

describe('PurgingTrigger', () => {
  // Flink: PurgingTriggerTest.testForwarding
  it('turns FIRE into FIRE_AND_PURGE in every callback and passes the rest through', () => {
    const ctx = new TestTriggerContext().at(w(0, 2));
    const cases: [TriggerResult, TriggerResult][] = [
      ['CONTINUE', 'CONTINUE'],
      ['FIRE', 'FIRE_AND_PURGE'],
      ['PURGE', 'PURGE'],
      ['FIRE_AND_PURGE', 'FIRE_AND_PURGE'],
    ];
    for (const [inner, outer] of cases) {
      const t = new PurgingTrigger(stub(inner));
      expect(t.onElement(0, w(0, 2), ctx)).toBe(outer);
      expect(t.onEventTime(1, w(0, 2), ctx)).toBe(outer);
      expect(t.onProcessingTime(1, w(0, 2), ctx)).toBe(outer);
    }
  });

  it('delegates clear and is named after the trigger it wraps', () => {
    const inner = stub('CONTINUE');
    const t = new PurgingTrigger(inner);
    t.clear(w(0, 2), new TestTriggerContext().at(w(0, 2)));
    expect(inner.cleared).toBe(1);
    expect(t.name).toBe('Purging(Stub)');
  });

  it('keeps the wrapped trigger state and timers', () => {
    const ctx = new TestTriggerContext().at(w(0, 2));
    const count = new PurgingTrigger(new CountTrigger(2));
    expect(count.onElement(0, w(0, 2), ctx)).toBe('CONTINUE');
    expect(count.onElement(0, w(0, 2), ctx)).toBe('FIRE_AND_PURGE');
    const time = new PurgingTrigger(new EventTimeTrigger());
    time.onElement(0, w(0, 2), ctx);
    expect([...ctx.eventTimers]).toEqual(['[0, 2)@1']);
  });
});
