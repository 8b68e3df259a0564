/**
 * What the bench worker, its page (main.ts) and the Node driver (run.mjs) say to each other.
 * The driver only relays and prints: targets and verdicts are decided in the worker.
 */

export type ScenarioName = 'fits-cache' | 'larger-than-cache' | 'restore' | 'checkpoint-cost';

export const SCENARIOS: readonly ScenarioName[] = [
  'fits-cache',
  'larger-than-cache',
  'restore',
  'checkpoint-cost',
];

export interface BenchOptions {
  /** Multiplies the record counts of fits-cache and larger-than-cache. */
  scale: number;
  /** Scenarios to run, in this order. */
  only: ScenarioName[];
  /** Keyed state entries of larger-than-cache (before scaling); the target is 1M. */
  largeEntries: number;
  /** Max parallelism (key groups) of larger-than-cache. */
  largeMaxParallelism: number;
  /** larger-than-cache stops after this long and reports the run as incomplete. */
  largeBudgetMin: number;
}

export const DEFAULT_OPTIONS: BenchOptions = {
  scale: 1,
  only: [...SCENARIOS],
  largeEntries: 1_000_000,
  // With 128 key groups (the default) 1M entries make groups of ~7,800: nearly the whole
  // 10,000-entry cache, loaded whole for each record that misses it. Small groups page cheaply.
  largeMaxParallelism: 32_768,
  largeBudgetMin: 6,
};

export type Verdict = 'PASS' | 'BELOW' | '';

export interface Row {
  scenario: ScenarioName;
  metric: string;
  value: string;
  /** Empty when the figure is informational. */
  target: string;
  verdict: Verdict;
}

export interface BenchReport {
  rows: Row[];
  /** Caveats: scaled-down runs, what a figure includes. */
  notes: string[];
  userAgent: string;
}

/** Worker JS heap, read by the driver over the DevTools protocol (workers lack performance.memory). */
export interface HeapReading {
  /** Used heap now, after a forced GC. */
  liveBytes: number;
  /** Highest used heap sampled since 'begin' (garbage included, as performance.memory counts it). */
  peakBytes: number;
  /** Seconds from 'begin' to that peak. */
  peakAtS: number;
  /** Highest live heap of the readings since 'begin' (this one included). */
  maxLiveBytes: number;
  samples: number;
}

/** begin: start sampling; live: a live reading mid-run (forces a GC); end: stop sampling. */
export type HeapAction = 'begin' | 'live' | 'end';

export type WorkerMessage =
  | { type: 'progress'; text: string }
  | { type: 'heap'; id: number; action: HeapAction }
  | { type: 'done'; report: BenchReport }
  | { type: 'error'; message: string };

export type PageMessage =
  | { type: 'start'; options: BenchOptions }
  | { type: 'heap'; id: number; reading: HeapReading | null };
