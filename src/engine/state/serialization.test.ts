import { describe, expect, it } from 'vitest';
import { GlobalWindow, TimeWindow } from '../windowing/window';
import { deserializeState, serializeState } from './serialization';

describe('state serialization', () => {
  it('round-trips windows, infinities and plain values', () => {
    const value = {
      windows: [[new TimeWindow(0, 10), new TimeWindow(-5, 5)]],
      global: GlobalWindow.instance,
      watermark: -Infinity,
      end: Infinity,
      acc: [3, 4],
      record: { key: 'a', value: 1.5 },
    };
    const back = deserializeState<typeof value>(serializeState(value));
    expect(back.windows[0]![0]).toBeInstanceOf(TimeWindow);
    expect(back.windows[0]![1]!.start).toBe(-5);
    expect(back.global).toBe(GlobalWindow.instance);
    expect(back.watermark).toBe(-Infinity);
    expect(back.end).toBe(Infinity);
    expect(back.acc).toEqual([3, 4]);
    expect(back.record).toEqual({ key: 'a', value: 1.5 });
  });
});
