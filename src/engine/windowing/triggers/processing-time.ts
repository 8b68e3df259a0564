import type { Window } from '../window';
import type { Trigger, TriggerContext, TriggerResult } from './trigger';

/** Fires when the processing-time clock passes the window's end (ProcessingTimeTrigger). */
export class ProcessingTimeTrigger implements Trigger<Window> {
  readonly name = 'ProcessingTimeTrigger';

  onElement(_timestamp: number, window: Window, ctx: TriggerContext): TriggerResult {
    if (!ctx.windowContinued) ctx.registerProcessingTimeTimer(window.maxTimestamp());
    return 'CONTINUE';
  }

  onEventTime(): TriggerResult {
    return 'CONTINUE';
  }

  onProcessingTime(): TriggerResult {
    return 'FIRE';
  }

  onMerge(window: Window, _merged: readonly Window[], ctx: TriggerContext): void {
    if (window.maxTimestamp() > ctx.currentProcessingTime()) {
      ctx.registerProcessingTimeTimer(window.maxTimestamp());
    }
  }

  clear(window: Window, ctx: TriggerContext): void {
    ctx.deleteProcessingTimeTimer(window.maxTimestamp());
  }
}
