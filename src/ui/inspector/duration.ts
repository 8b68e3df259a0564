/**
 * Durations are stored in milliseconds; the inspector shows them as a number and a unit,
 * choosing the largest unit that shows the value exactly and plainly (10000 ms reads "10 s").
 */
export type DurationUnit = 'ms' | 's' | 'min';

export const DURATION_UNITS: readonly DurationUnit[] = ['ms', 's', 'min'];

const MS_PER_UNIT: Record<DurationUnit, number> = { ms: 1, s: 1_000, min: 60_000 };

/**
 * The unit to show `ms` in: `preferred` (the unit the user picked) while it shows the value
 * exactly, otherwise the largest unit that shows it as at least 1 with at most two decimals
 * (1500 ms reads "1.5 s", 61000 ms "61 s", 250 ms "250 ms"). Zero keeps `preferred`.
 */
export function displayUnit(ms: number, preferred?: DurationUnit): DurationUnit {
  if (preferred !== undefined && hasDecimals(fromMs(ms, preferred), 3)) return preferred;
  for (const unit of [...DURATION_UNITS].reverse()) {
    const amount = fromMs(ms, unit);
    if (Math.abs(amount) >= 1 && hasDecimals(amount, 2)) return unit;
  }
  return 'ms';
}

/** Whether `amount` needs at most `places` decimals (1/60 s of a minute never ends). */
function hasDecimals(amount: number, places: number): boolean {
  const scaled = amount * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** The amount of `unit` that `ms` is. */
export function fromMs(ms: number, unit: DurationUnit): number {
  return ms / MS_PER_UNIT[unit];
}

/**
 * Milliseconds in `amount` of `unit`. Decimal amounts such as 1.1 s come out of floating
 * point as 1100.0000000000002; anything that close to a whole millisecond is that millisecond.
 */
export function toMs(amount: number, unit: DurationUnit): number {
  const ms = amount * MS_PER_UNIT[unit];
  const whole = Math.round(ms);
  return Math.abs(ms - whole) < 1e-6 ? whole : ms;
}
