import { describe, expect, it } from 'vitest';
import { chooseStep, tickLabel, ticks, tickValues, timeLabel } from './ticks';

describe('chooseStep', () => {
  it('picks the smallest readable step that keeps ticks apart', () => {
    // 20 s over 1000 px with 100 px between ticks: at least 2 s.
    expect(chooseStep(20_000, 1000, 100)).toBe(2000);
    expect(chooseStep(1000, 1000, 100)).toBe(100);
    expect(chooseStep(25, 1000, 100)).toBe(5);
    expect(chooseStep(10 * 60_000, 800, 100)).toBe(60_000 * 2);
    expect(chooseStep(3 * 3_600_000, 600, 100)).toBe(30 * 60_000);
  });

  it('goes to whole days, then multiples of them', () => {
    expect(chooseStep(10 * 86_400_000, 1000, 100)).toBe(86_400_000);
    expect(chooseStep(300 * 86_400_000, 1000, 100)).toBe(50 * 86_400_000);
  });

  it('falls back to one millisecond for degenerate input', () => {
    expect(chooseStep(0, 100, 10)).toBe(1);
    expect(chooseStep(100, 0, 10)).toBe(1);
  });
});

describe('tickValues', () => {
  it('lists the multiples of the step inside the range', () => {
    expect(tickValues(1500, 9000, 2000)).toEqual([2000, 4000, 6000, 8000]);
    expect(tickValues(-2500, 1000, 1000)).toEqual([-2000, -1000, 0, 1000]);
  });

  it('ticks() combines both', () => {
    expect(ticks(0, 10_000, 500, 100)).toEqual({
      step: 2000,
      values: [0, 2000, 4000, 6000, 8000, 10_000],
    });
  });
});

describe('tickLabel', () => {
  it('words ticks in the unit of the step', () => {
    expect(tickLabel(0, 1000)).toEqual({ unit: 'zero' });
    expect(tickLabel(250, 50)).toEqual({ unit: 'ms', value: '250' });
    expect(tickLabel(1500, 500)).toEqual({ unit: 's', value: '1.5' });
    expect(tickLabel(1250, 250)).toEqual({ unit: 's', value: '1.25' });
    expect(tickLabel(20_000, 2000)).toEqual({ unit: 's', value: '20' });
    expect(tickLabel(90_000, 30_000)).toEqual({ unit: 'minSec', min: '1', s: '30' });
    expect(tickLabel(65_000, 5000)).toEqual({ unit: 'minSec', min: '1', s: '05' });
    expect(tickLabel(120_000, 30_000)).toEqual({ unit: 'min', value: '2' });
    expect(tickLabel(45 * 60_000, 15 * 60_000)).toEqual({ unit: 'min', value: '45' });
    expect(tickLabel(90 * 60_000, 30 * 60_000)).toEqual({ unit: 'hMin', h: '1', min: '30' });
    expect(tickLabel(65 * 60_000, 5 * 60_000)).toEqual({ unit: 'hMin', h: '1', min: '05' });
    expect(tickLabel(6 * 3_600_000, 3_600_000)).toEqual({ unit: 'h', value: '6' });
    expect(tickLabel(3 * 86_400_000, 86_400_000)).toEqual({ unit: 'd', value: '3' });
    expect(tickLabel(-2000, 1000)).toEqual({ unit: 's', value: '-2' });
  });

  it('reads epoch milliseconds as a UTC clock time', () => {
    const noon = Date.UTC(2024, 0, 1, 12, 30, 5, 250);
    expect(tickLabel(noon, 5000)).toEqual({ unit: 'clock', value: '12:30:05' });
    expect(tickLabel(noon, 250)).toEqual({ unit: 'clock', value: '12:30:05.250' });
  });
});

describe('timeLabel', () => {
  it('is as exact as the value, to the millisecond', () => {
    expect(timeLabel(23_176)).toEqual({ unit: 's', value: '23.176' });
    expect(timeLabel(850)).toEqual({ unit: 'ms', value: '850' });
    expect(timeLabel(150_000)).toEqual({ unit: 'min', value: '2.5' });
    expect(timeLabel(0)).toEqual({ unit: 'zero' });
  });
});
