/** What an operator sees of the runtime, and what the runtime asks of an operator. */
import type { Key, KeyGroupRange } from '../keygroups';
import type { KeyedStateBackend } from '../state/keyed-state';
import type { Timer } from './timer-queue';
import type { InternalTimerService } from './timer-service';
import type { Tracer } from './trace';

/** Where an operator subtask sends what it produces. */
export interface Output {
  collect(value: unknown, timestamp: number): void;
  /** Side outputs, e.g. a window's late records on port 'late'. */
  collectSide(port: string, value: unknown, timestamp: number): void;
  emitWatermark(watermark: number): void;
  emitIdle(idle: boolean): void;
}

export interface OperatorContext {
  readonly uid: string;
  readonly subtaskIndex: number;
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly keyGroupRange: KeyGroupRange;
  readonly output: Output;
  /** Present for operators on a keyed input. */
  readonly keyedState: KeyedStateBackend | null;
  readonly timers: InternalTimerService;
  readonly tracer: Tracer | null;
  currentProcessingTime(): number;
}

/** Counters an operator keeps for the metrics panel, beyond records in and out. */
export interface OperatorGauges {
  openWindows?: number;
  lateRecordsDropped?: number;
  firings?: number;
}

export interface StreamOperator {
  /** One record; `key` and `keyGroup` are set when the input is keyed. */
  processElement(value: unknown, timestamp: number, key: Key, keyGroup: number): void;
  /** The subtask's combined input watermark advanced; the operator must forward it. */
  processWatermark(watermark: number): void;
  gauges?(): OperatorGauges;
}

/** Operators with timers implement the callbacks the timer service invokes. */
export interface Triggerable<N> {
  onEventTime(timer: Timer<N>): void;
  onProcessingTime(timer: Timer<N>): void;
}

/** A failure inside an operator, naming it so the job's failure says where it happened. */
export class OperatorError extends Error {
  constructor(
    readonly operatorUid: string,
    message: string,
  ) {
    super(message);
    this.name = 'OperatorError';
  }
}

/** Rethrows `e` with the operator's uid unless an inner operator already named itself. */
export function attributed(e: unknown, operatorUid: string): unknown {
  if (typeof e === 'object' && e !== null && 'operatorUid' in e) return e;
  return new OperatorError(operatorUid, e instanceof Error ? e.message : String(e));
}
