/**
 * What a source subtask reads: items by offset, so a source restored from a checkpoint
 * rewinds to its offset and replays the same items. An item is a record, or (in a scripted
 * input) a control step: a watermark to emit, or only the clock moving on.
 */
import type { JsonValue } from '../pipeline/document';
import type { EventGenerator } from './generators/types';

export interface SourceRecord {
  /** Arrival on the virtual processing-time clock. */
  at: number;
  /** Event time. */
  ts: number;
  value: unknown;
}

/** A scripted step that carries no record; it arrives, like a record, at `at`. */
export type SourceControl =
  { control: 'watermark'; at: number; watermark: number } | { control: 'clock'; at: number };

export type SourceItem = SourceRecord | SourceControl;

export const isRecord = (item: SourceItem): item is SourceRecord => !('control' in item);

export interface RecordSupplier {
  /** The item at a local offset, or null when there is none (yet). */
  recordAt(offset: number): SourceItem | null;
}

export class SourceDataError extends Error {
  constructor(
    readonly operatorUid: string,
    message: string,
  ) {
    super(message);
    this.name = 'SourceDataError';
  }
}

/** A list of records; its arrival order is the order of their arrival times. */
export function listSupplier(
  uid: string,
  records: readonly JsonValue[],
  timestampField: string,
  arrivalField: string,
): RecordSupplier {
  const parsed = records.map((r, i): SourceRecord => {
    const rec = r as Record<string, JsonValue>;
    const ts = rec[timestampField];
    const at = rec[arrivalField] ?? 0;
    if (typeof ts !== 'number' || typeof at !== 'number') {
      throw new SourceDataError(
        uid,
        `Record ${i} of source "${uid}" needs numbers in "${timestampField}" (event time) and ` +
          `"${arrivalField}" (arrival time), got ${JSON.stringify(r)}.`,
      );
    }
    // The engine never changes its input: a user function that mutates a record fails.
    return { at, ts, value: deepFreeze(r) };
  });
  const sorted = isInArrivalOrder(parsed) ? parsed : arrivalOrder(parsed);
  return { recordAt: (offset) => sorted[offset] ?? null };
}

function isInArrivalOrder(records: readonly SourceRecord[]): boolean {
  for (let i = 1; i < records.length; i++) if (records[i]!.at < records[i - 1]!.at) return false;
  return true;
}

/** A stable sort: records arriving at the same instant keep their list order. */
function arrivalOrder(records: readonly SourceRecord[]): SourceRecord[] {
  return records
    .map((r, i) => [r, i] as const)
    .sort((a, b) => a[0].at - b[0].at || a[1] - b[1])
    .map(([r]) => r);
}

/** Subtask `index` of `parallelism` reads every parallelism-th generated record. */
export function generatorSupplier(
  generator: EventGenerator,
  index: number,
  parallelism: number,
): RecordSupplier {
  return { recordAt: (offset) => generator.recordAt(offset * parallelism + index) };
}

/** The engine never changes its input: a user function that mutates a record fails. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
