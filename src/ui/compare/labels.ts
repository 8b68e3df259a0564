/** How compare mode words durations, windows and each side's setting. */
import type { TFunction } from 'i18next';
import type { CompareSide } from '../../worker/engine-api';
import { displayUnit, fromMs, type DurationUnit } from '../inspector/duration';
import type { DiffSummary } from './diff';
import type { CompareSetup, Pair } from './variants';

/**
 * "2 s", "500 ms", "1.5 min", in the unit the inspector would show (`preferred` while it
 * shows the value exactly).
 */
export function durationText(t: TFunction<'compare'>, ms: number, preferred?: DurationUnit) {
  const unit = displayUnit(ms, preferred);
  return `${Number(fromMs(ms, unit).toFixed(3))} ${t(`units.${unit}`)}`;
}

/** One side's value of a pair; a zero speaks the other side's unit ("0 s" beside "5 s"). */
function pairText(t: TFunction<'compare'>, pair: Pair, side: CompareSide): string {
  const value = pair[side];
  return durationText(
    t,
    value,
    value === 0 ? displayUnit(pair[side === 'a' ? 'b' : 'a']) : undefined,
  );
}

/** "[0 s, 10 s)", both ends in one unit where it can be; the global window has no range. */
export function windowText(t: TFunction<'compare'>, start: number, end: number): string {
  if (Number.isNaN(start) || Number.isNaN(end)) return t('table.globalWindow');
  const unit = displayUnit(end);
  return `[${durationText(t, start, unit)}, ${durationText(t, end, unit)})`;
}

/** What one side runs with: "Event time", "Processing time", "Watermark delay 2 s", ... */
export function sideSetting(t: TFunction<'compare'>, setup: CompareSetup, side: CompareSide) {
  switch (setup.kind) {
    case 'time':
      if (side === 'b') return t('side.processing');
      return setup.watermark.a > 0
        ? t('side.eventWatermark', { delay: durationText(t, setup.watermark.a) })
        : t('side.event');
    case 'watermark':
      return t('side.watermark', { delay: pairText(t, setup.watermark, side) });
    case 'lateness':
      return t('side.lateness', { lateness: pairText(t, setup.lateness, side) });
  }
}

/** "3 of 8 windows differ; B drops 2 late records that A counts". */
export function summaryText(t: TFunction<'compare'>, summary: DiffSummary): string {
  const parts =
    summary.windows === 0
      ? [t('summary.none')]
      : [t('summary.windows', { count: summary.windows, differ: summary.differ })];
  const sides = [
    ['B', 'A', summary.lateOnlyB],
    ['A', 'B', summary.lateOnlyA],
  ] as const;
  for (const [side, other, only] of sides) {
    if (only.dropped > 0)
      parts.push(t('summary.lateDropped', { side, other, count: only.dropped }));
    if (only.sideOutput > 0) {
      parts.push(t('summary.lateAside', { side, other, count: only.sideOutput }));
    }
  }
  if (parts.length === 1 && summary.lateA + summary.lateB > 0) {
    parts.push(t('summary.lateSame', { a: summary.lateA, b: summary.lateB }));
  }
  return parts.join(t('summary.separator'));
}
