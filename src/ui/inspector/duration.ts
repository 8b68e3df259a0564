/**
 * Durations are stored in milliseconds; the inspector shows them as a number and a unit,
 * choosing the largest unit that shows the value exactly (10000 ms reads "10 s").
 */
export type DurationUnit = 'ms' | 's' | 'min';

export const DURATION_UNITS: readonly DurationUnit[] = ['ms', 's', 'min'];

const MS_PER_UNIT: Record<DurationUnit, number> = { ms: 1, s: 1_000, min: 60_000 };

/**
 * The unit to show `ms` in: `preferred` (the unit the user picked) while it shows the value
 * exactly, otherwise the largest unit that does. Zero fits every unit, so it keeps `preferred`.
 */
export function displayUnit(ms: number, preferred?: DurationUnit): DurationUnit {
  if (preferred !== undefined && Number.isInteger(ms / MS_PER_UNIT[preferred])) return preferred;
  if (ms === 0) return 'ms';
  for (const unit of [...DURATION_UNITS].reverse()) {
    if (Number.isInteger(ms / MS_PER_UNIT[unit])) return unit;
  }
  return 'ms';
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
