import type { Window } from '../window';
import type { Trigger, TriggerContext, TriggerResult } from './trigger';

/** Fires once the watermark passes the window's end (Flink's EventTimeTrigger). */
export class EventTimeTrigger implements Trigger<Window> {
  readonly name = 'EventTimeTrigger';

  onElement(_timestamp: number, window: Window, ctx: TriggerContext): TriggerResult {
    if (window.maxTimestamp() <= ctx.currentWatermark()) {
      // Already due: a late record within allowed lateness fires the window at once.
      return 'FIRE';
    }
    if (!ctx.windowContinued) ctx.registerEventTimeTimer(window.maxTimestamp());
    return 'CONTINUE';
  }

  onEventTime(time: number, window: Window): TriggerResult {
    return time === window.maxTimestamp() ? 'FIRE' : 'CONTINUE';
  }

  onProcessingTime(): TriggerResult {
    return 'CONTINUE';
  }

  onMerge(window: Window, _merged: readonly Window[], ctx: TriggerContext): void {
    // Only a timer ahead of the watermark; a merged window already due fires on the record.
    if (window.maxTimestamp() > ctx.currentWatermark()) {
      ctx.registerEventTimeTimer(window.maxTimestamp());
    }
  }

  clear(window: Window, ctx: TriggerContext): void {
    ctx.deleteEventTimeTimer(window.maxTimestamp());
  }
}
