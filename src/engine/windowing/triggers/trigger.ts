/** Triggers (Flink's Trigger): when a window's contents are emitted and when they are purged. */
import type { Window } from '../window';
import type { ValueState } from '../../state/keyed-state';

export type TriggerResult = 'CONTINUE' | 'FIRE' | 'PURGE' | 'FIRE_AND_PURGE';

export const fires = (r: TriggerResult): boolean => r === 'FIRE' || r === 'FIRE_AND_PURGE';
export const purges = (r: TriggerResult): boolean => r === 'PURGE' || r === 'FIRE_AND_PURGE';

/** What a trigger may do for the window it is called for (current key and window are set). */
export interface TriggerContext {
  currentWatermark(): number;
  currentProcessingTime(): number;
  /**
   * In onElement: the window already held state before this element, and the timers the
   * trigger set for it are still pending. Flink's triggers set them again and the timer
   * service deduplicates; ours may skip that lookup.
   */
  readonly windowContinued: boolean;
  registerEventTimeTimer(time: number): void;
  deleteEventTimeTimer(time: number): void;
  registerProcessingTimeTimer(time: number): void;
  deleteProcessingTimeTimer(time: number): void;
  /** State scoped to the current key and window, kept until the trigger clears it. */
  partitionedState<V>(name: string): ValueState<V>;
}

export interface Trigger<W extends Window = Window> {
  readonly name: string;
  onElement(timestamp: number, window: W, ctx: TriggerContext): TriggerResult;
  onEventTime(time: number, window: W, ctx: TriggerContext): TriggerResult;
  onProcessingTime(time: number, window: W, ctx: TriggerContext): TriggerResult;
  /** Called on the merged window after session windows merge; only merge-capable triggers. */
  onMerge?(window: W, mergedWindows: readonly W[], ctx: TriggerContext): void;
  clear(window: W, ctx: TriggerContext): void;
}
