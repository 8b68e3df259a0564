import { describe, expect, it } from 'vitest';
import { GlobalWindow } from '../window';
import { PurgingTrigger } from '../triggers/purging';
import { CountWindows } from './global';

describe('CountWindows', () => {
  // Flink: GlobalWindowsTest.testWindowAssignment
  it('puts every record in the one global window, which never ends', () => {
    const a = new CountWindows(3);
    expect(a.assignWindows()).toEqual([GlobalWindow.instance]);
    expect(GlobalWindow.instance.maxTimestamp()).toBe(Infinity);
    expect(a.windowId()).toBe(0);
  });

  it('is not event time, so nothing is ever late', () => {
    expect(new CountWindows(3).isEventTime).toBe(false);
  });

  it('fires and purges every size records by default, as countWindow(size)', () => {
    const trigger = new CountWindows(3).defaultTrigger();
    expect(trigger).toBeInstanceOf(PurgingTrigger);
    expect(trigger.name).toBe('Purging(CountTrigger)');
  });

  it('rejects a size below 1 or not whole', () => {
    expect(() => new CountWindows(0)).toThrow(RangeError);
    expect(() => new CountWindows(1.5)).toThrow(RangeError);
  });
});
