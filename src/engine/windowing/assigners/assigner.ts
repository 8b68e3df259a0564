/** Window assigners (Flink's WindowAssigner): which windows a record belongs to. */
import type { TimeCharacteristic } from '../../time';
import type { Window, WindowId } from '../window';
import type { Trigger } from '../triggers/trigger';

export interface WindowAssigner<W extends Window = Window> {
  readonly name: string;
  /** Event-time assigners use the record's timestamp; processing-time ones use the clock. */
  readonly time: TimeCharacteristic;
  /**
   * The windows for an element. The returned array may be reused by the next call: read it
   * before assigning again.
   */
  assignWindows(timestamp: number, currentProcessingTime: number): readonly W[];
  defaultTrigger(): Trigger<W>;
  /** A key for this window that is unique among one key's windows of this assigner. */
  windowId(window: W): WindowId;
  /** Merging assigners (sessions) combine overlapping windows. */
  mergeWindows?(windows: readonly W[]): MergeResult<W>[];
  /** What a count or global assigner reports as time: false means records are never late. */
  readonly isEventTime: boolean;
}

export interface MergeResult<W> {
  merged: W;
  from: W[];
}
