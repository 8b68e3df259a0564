/**
 * Axis ticks for times in milliseconds: a readable step (1-2-5 below a second, then whole
 * seconds, minutes, hours, days) for the space available, and labels in the unit that suits the
 * step. Labels are returned as parts (a unit and numbers) so the UI words them per language.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Candidate steps, smallest first; beyond the last, whole days in 1-2-5 multiples. */
const STEPS = [
  1,
  2,
  5,
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
];

/** Times from this value on are read as epoch milliseconds and labelled as clock times. */
export const EPOCH_THRESHOLD = 1e11;

/** The smallest step that keeps ticks at least `minSpacing` pixels apart. */
export function chooseStep(span: number, pixels: number, minSpacing: number): number {
  if (!(span > 0) || !(pixels > 0)) return STEPS[0] as number;
  const minStep = (span * minSpacing) / pixels;
  for (const step of STEPS) if (step >= minStep) return step;
  let days = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * days * DAY >= minStep) return m * days * DAY;
    days *= 10;
  }
}

/** Multiples of `step` within [from, to]. */
export function tickValues(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  if (!(step > 0) || !Number.isFinite(from) || !Number.isFinite(to)) return values;
  for (let v = Math.ceil(from / step) * step; v <= to && values.length < 1000; v += step) {
    values.push(Object.is(v, -0) ? 0 : v);
  }
  return values;
}

export interface Ticks {
  step: number;
  values: number[];
}

export function ticks(from: number, to: number, pixels: number, minSpacing: number): Ticks {
  const step = chooseStep(to - from, pixels, minSpacing);
  return { step, values: tickValues(from, to, step) };
}

/**
 * A time worded in parts: `ms`, `s`, `min`, `h` and `d` carry `value`; `minSec` and `hMin` carry
 * two numbers; `clock` is a UTC time of day for epoch milliseconds; `zero` is the origin.
 */
export type TimeLabel =
  | { unit: 'zero' }
  | { unit: 'ms' | 's' | 'min' | 'h' | 'd'; value: string }
  | { unit: 'minSec'; min: string; s: string }
  | { unit: 'hMin'; h: string; min: string }
  | { unit: 'clock'; value: string };

/** The label of a tick at `value` on an axis ticked every `step` milliseconds. */
export function tickLabel(value: number, step: number): TimeLabel {
  if (Math.abs(value) >= EPOCH_THRESHOLD) return { unit: 'clock', value: clock(value, step) };
  if (value === 0) return { unit: 'zero' };
  const sign = value < 0 ? '-' : '';
  const v = Math.abs(value);
  if (step < SECOND && v < SECOND) return { unit: 'ms', value: sign + trim(v, 0) };
  if (step < MINUTE && v < MINUTE)
    return { unit: 's', value: sign + trim(v / SECOND, decimals(step / SECOND)) };
  if (step < MINUTE) return split(sign, v, MINUTE, SECOND, 'minSec');
  if (step < HOUR && v < HOUR) return { unit: 'min', value: sign + trim(v / MINUTE, 0) };
  if (step < HOUR) return split(sign, v, HOUR, MINUTE, 'hMin');
  if (step < DAY || v < DAY) return { unit: 'h', value: sign + trim(v / HOUR, 0) };
  return { unit: 'd', value: sign + trim(v / DAY, 0) };
}

/** A duration or instant worded for a tooltip: as exact as the value, up to milliseconds. */
export function timeLabel(value: number): TimeLabel {
  if (Math.abs(value) >= EPOCH_THRESHOLD) return { unit: 'clock', value: clock(value, 1) };
  if (value === 0) return { unit: 'zero' };
  const sign = value < 0 ? '-' : '';
  const v = Math.abs(value);
  if (v < SECOND) return { unit: 'ms', value: sign + trim(v, 0) };
  if (v < MINUTE) return { unit: 's', value: sign + trim(v / SECOND, 3) };
  if (v < HOUR) return { unit: 'min', value: sign + trim(v / MINUTE, 3) };
  return { unit: 'h', value: sign + trim(v / HOUR, 3) };
}

function split(
  sign: string,
  v: number,
  big: number,
  small: number,
  unit: 'minSec' | 'hMin',
): TimeLabel {
  const whole = Math.floor(v / big);
  const rest = Math.round((v - whole * big) / small);
  if (rest === 0)
    return unit === 'minSec'
      ? { unit: 'min', value: sign + whole }
      : { unit: 'h', value: sign + whole };
  const part = String(rest).padStart(2, '0');
  return unit === 'minSec'
    ? { unit, min: sign + whole, s: part }
    : { unit, h: sign + whole, min: part };
}

/** Decimals needed to show multiples of `step` exactly (step in the label's unit). */
function decimals(step: number): number {
  let d = 0;
  while (d < 3 && Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) > 1e-9) d++;
  return d;
}

function trim(value: number, maxDecimals: number): string {
  return String(Number(value.toFixed(maxDecimals)));
}

function clock(ms: number, step: number): string {
  const day = ((ms % DAY) + DAY) % DAY;
  const pad = (n: number, width = 2) => String(Math.floor(n)).padStart(width, '0');
  const hms = `${pad(day / HOUR)}:${pad((day % HOUR) / MINUTE)}:${pad((day % MINUTE) / SECOND)}`;
  return step < SECOND ? `${hms}.${pad(day % SECOND, 3)}` : hms;
}
