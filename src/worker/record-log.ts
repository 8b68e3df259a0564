/**
 * What `describe(recordId)` answers from: the values of the records the session sent (values
 * are never streamed) and the windows each operator subtask opened per key. Bounded: the
 * oldest records are forgotten first.
 */
import type { Key } from '../engine/keygroups';
import { cloneSafe } from './clone-safe';
import { NO_KEY } from './trace-batch';
import type { RecordDescription, SessionOperator } from './trace-batch';

interface LoggedRecord {
  op: number;
  subtask: number;
  value: unknown;
  ts: number;
  pt: number;
  key: number;
  late: { watermark: number; outcome: 'side-output' | 'dropped' } | null;
}

interface LoggedWindow {
  start: number | null;
  end: number | null;
  fired: boolean;
}

export const DEFAULT_LOGGED_RECORDS = 200_000;

export class RecordLog {
  private readonly records = new Map<number, LoggedRecord>();
  private readonly windows = new Map<string, LoggedWindow[]>();

  constructor(private readonly capacity = DEFAULT_LOGGED_RECORDS) {}

  addRecord(id: number, record: LoggedRecord): void {
    this.records.set(id, record);
    if (this.records.size > this.capacity) {
      // Maps iterate in insertion order: the first key is the oldest record.
      this.records.delete(this.records.keys().next().value!);
    }
  }

  /** A window was created or fired (purges change nothing a tooltip shows). */
  addWindow(
    op: number,
    subtask: number,
    key: number,
    start: number | null,
    end: number | null,
    fired: boolean,
  ): void {
    const slot = `${op}/${subtask}/${key}`;
    let list = this.windows.get(slot);
    if (list === undefined) {
      list = [];
      this.windows.set(slot, list);
    }
    const known = list.find((w) => w.start === start && w.end === end);
    if (known === undefined) list.push({ start, end, fired });
    else if (fired) known.fired = true;
  }

  clear(): void {
    this.records.clear();
    this.windows.clear();
  }

  describe(
    id: number,
    operators: readonly SessionOperator[],
    keyAt: (index: number) => Key | null,
  ): RecordDescription | null {
    const r = this.records.get(id);
    if (r === undefined) return null;
    const windows = (this.windows.get(`${r.op}/${r.subtask}/${r.key}`) ?? [])
      .filter((w) => w.start === null || w.end === null || (w.start <= r.ts && r.ts < w.end))
      .map((w) => ({ ...w }));
    return {
      id,
      op: operators[r.op]!.uid,
      subtask: r.subtask,
      value: cloneSafe(r.value),
      eventTime: r.ts,
      processingTime: r.pt,
      key: r.key === NO_KEY ? null : keyAt(r.key),
      windows,
      late: r.late === null ? null : { ...r.late, behindBy: r.late.watermark - r.ts },
    };
  }
}
