/**
 * Per-operator metrics over processing time, from the progress each trace batch carries:
 * throughput (records per second of processing time), watermark lag (processing time minus
 * the operator's watermark) and state entries. Pure, so the charts' figures are tested.
 */
import type { Progress, SessionInfo } from '../../worker/trace-batch';

/** Samples kept per series: the charts show the latest stretch of a long run. */
export const MAX_SAMPLES = 600;

/** Columns in the layout uPlot takes: x first, then one series per operator. */
export interface MetricSeries {
  /** Processing time of each sample, in ms. */
  pt: number[];
  /** Per operator (in `SessionInfo.operators` order), one value per sample; null = no value. */
  throughput: (number | null)[][];
  watermarkLag: (number | null)[][];
  stateEntries: (number | null)[][];
}

export function emptySeries(operators: number): MetricSeries {
  const perOperator = () => Array.from({ length: operators }, () => [] as (number | null)[]);
  return {
    pt: [],
    throughput: perOperator(),
    watermarkLag: perOperator(),
    stateEntries: perOperator(),
  };
}

/** What one operator has handled: records emitted by a source, records received by the rest. */
function handled(info: SessionInfo, progress: Progress, operator: number): number {
  const op = progress.operators[operator];
  if (op === undefined) return 0;
  return info.operators[operator]?.kind.startsWith('source.') ? op.recordsOut : op.recordsIn;
}

/**
 * The series with the sample `next` adds after `prev` (the progress sampled before it); the same
 * series when processing time has not moved, since a rate needs time to pass.
 */
export function addSample(
  series: MetricSeries,
  info: SessionInfo,
  prev: Progress | null,
  next: Progress,
): MetricSeries {
  const last = series.pt.at(-1);
  if (last !== undefined && next.processingTime <= last) return series;
  const since = prev === null ? 0 : prev.processingTime;
  const seconds = (next.processingTime - since) / 1000;
  if (seconds <= 0) return series;
  const keep = <T>(values: T[], value: T) => [...values.slice(-(MAX_SAMPLES - 1)), value];
  const sample = (column: (number | null)[][], value: (i: number) => number | null) =>
    column.map((values, i) => keep(values, value(i)));
  return {
    pt: keep(series.pt, next.processingTime),
    throughput: sample(series.throughput, (i) => {
      const before = prev === null ? 0 : handled(info, prev, i);
      return (handled(info, next, i) - before) / seconds;
    }),
    watermarkLag: sample(series.watermarkLag, (i) => {
      const watermark = next.operators[i]?.watermark ?? -Infinity;
      return Number.isFinite(watermark) ? Math.max(0, next.processingTime - watermark) : null;
    }),
    stateEntries: sample(series.stateEntries, (i) => next.operators[i]?.stateEntries ?? null),
  };
}
