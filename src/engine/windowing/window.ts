/** Windows: Flink's TimeWindow ([start, end)) and GlobalWindow (the one window of count windows). */
import type { EventTime } from '../time';

export class TimeWindow {
  readonly kind = 'time';
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}

  /** The last timestamp that still belongs to the window; it fires when time reaches this. */
  maxTimestamp(): EventTime {
    return (this.end - 1) as EventTime;
  }

  /** Touching windows intersect, so sessions [0,3000) and [3000,6000) merge, as in Flink. */
  intersects(other: TimeWindow): boolean {
    return this.start <= other.end && this.end >= other.start;
  }

  cover(other: TimeWindow): TimeWindow {
    return new TimeWindow(Math.min(this.start, other.start), Math.max(this.end, other.end));
  }

  equals(other: Window): boolean {
    return other.kind === 'time' && other.start === this.start && other.end === this.end;
  }

  toString(): string {
    return `[${this.start}, ${this.end})`;
  }
}

export class GlobalWindow {
  readonly kind = 'global';
  static readonly instance = new GlobalWindow();
  private constructor() {}

  maxTimestamp(): EventTime {
    return Infinity as EventTime;
  }

  equals(other: Window): boolean {
    return other.kind === 'global';
  }

  toString(): string {
    return 'global';
  }
}

export type Window = TimeWindow | GlobalWindow;

/** Identity of a window within one key's state: its text form, unique per window. */
export type WindowId = string | number;
