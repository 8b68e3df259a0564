/** What the loop-bench worker reports: records per second of each contender. */
export interface LoopFigures {
  records: number;
  /** The engine's run session at full speed, tracing sampled for a 10,000-event view. */
  sessionPerSecond: number;
  /** The same job as a one-off run (no tracing). */
  runPerSecond: number;
  /** The same job as one hand-written loop. */
  loopPerSecond: number;
  /** Trace events the session sent, and its batches. */
  traceEvents: number;
  batches: number;
}

export type LoopMessage =
  { type: 'done'; figures: LoopFigures } | { type: 'error'; message: string };
