/** The job every contender runs: count records per key per 1 s tumbling event-time window. */
export const WINDOW_MS = 1000;
/** Watermarks trail the highest event time seen by this much (bounded out-of-orderness). */
export const OUT_OF_ORDERNESS_MS = 2000;

export interface BenchRecord {
  /** Event time. */
  ts: number;
  /** Arrival time; records come in arrival order. */
  at: number;
  key: string;
  value: number;
}

export interface WindowCount {
  key: string;
  windowStart: number;
  count: number;
}

/** Start of the window holding `ts` (Flink's getWindowStartWithOffset, offset 0). */
export function windowStartOf(ts: number): number {
  const remainder = ts % WINDOW_MS;
  return remainder < 0 ? ts - remainder - WINDOW_MS : ts - remainder;
}

/** The watermark after seeing `maxTs`: everything at or before it is complete. */
export function watermarkFor(maxTs: number): number {
  return maxTs - OUT_OF_ORDERNESS_MS - 1;
}
