import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WatermarkValve } from './watermark-valve';

function valve(channels: number) {
  const out: (number | 'idle' | 'active')[] = [];
  const v = new WatermarkValve(channels, {
    emitWatermark: (w) => out.push(w),
    emitIdle: (idle) => out.push(idle ? 'idle' : 'active'),
  });
  return { v, out };
}

describe('WatermarkValve', () => {
  it('emits the minimum over channels, once every channel has a watermark', () => {
    const { v, out } = valve(2);
    v.inputWatermark(0, 10);
    expect(out).toEqual([]);
    v.inputWatermark(1, 5);
    v.inputWatermark(1, 20);
    expect(out).toEqual([5, 10]);
  });

  it('leaves idle channels out of the minimum', () => {
    const { v, out } = valve(2);
    v.inputWatermark(0, 10);
    v.inputIdle(1, true);
    expect(out).toEqual([10]);
    expect(v.isIdle).toBe(false);
  });

  it('jumps to the maximum and goes idle when every channel is idle', () => {
    const { v, out } = valve(2);
    v.inputWatermark(0, 10);
    v.inputWatermark(1, 3);
    v.inputIdle(0, true);
    v.inputIdle(1, true);
    expect(out).toEqual([3, 10, 'idle']);
    v.inputIdle(1, false);
    expect(out.at(-1)).toBe('active');
  });

  it('keeps a channel that returns behind the output watermark unaligned until it catches up', () => {
    const { v, out } = valve(2);
    v.inputWatermark(0, 1);
    v.inputWatermark(1, 1);
    v.inputIdle(1, true);
    v.inputWatermark(0, 100);
    v.inputIdle(1, false);
    v.inputWatermark(1, 50); // behind 100: does not hold the watermark back
    v.inputWatermark(0, 200);
    expect(out).toEqual([1, 100, 200]);
    v.inputWatermark(1, 250); // aligned again, now the minimum
    v.inputWatermark(0, 300);
    expect(out).toEqual([1, 100, 200, 250]);
  });

  it('never emits a watermark that goes backwards', () => {
    const step = fc.record({
      channel: fc.integer({ min: 0, max: 2 }),
      watermark: fc.option(fc.integer({ min: -100, max: 100 })),
      idle: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(step), (steps) => {
        const { v, out } = valve(3);
        for (const s of steps) {
          if (s.watermark === null) v.inputIdle(s.channel, s.idle);
          else v.inputWatermark(s.channel, s.watermark);
        }
        const marks = out.filter((o): o is number => typeof o === 'number');
        return marks.every((m, i) => i === 0 || m > marks[i - 1]!);
      }),
    );
  });
});
