import type { EventTime, ProcessingTime } from '../../time';

export type GeneratorKind = 'clickstream' | 'sensor';

/** The 'source.generator' parameters plus the run's seed. */
export interface GeneratorSpec {
  generator: GeneratorKind;
  /** null = endless. */
  count: number | null;
  keys: number;
  ratePerSecond: number;
  disorderMs: number;
  lateFraction: number;
  lateByMs: number;
  seed: number;
}

export type GeneratedValue = Record<string, string | number | boolean>;

export interface GeneratedRecord {
  /** Arrival on the virtual processing-time clock; never decreases with the index. */
  at: ProcessingTime;
  /** Event time. */
  ts: EventTime;
  value: GeneratedValue;
}

export interface EventGenerator {
  /** Number of records, or null when endless. */
  readonly total: number | null;
  /** The record at an offset, or null past the end; the same index always gives the same record. */
  recordAt(index: number): GeneratedRecord | null;
}

/**
 * Builds the value of one record from its random stream (see hash.ts) and its event time.
 * Draws 0 and 1 of the stream decide the record's timing; value makers start at VALUE_DRAW.
 */
export type ValueMaker = (stream: number, ts: number) => GeneratedValue;

export const VALUE_DRAW = 2;
