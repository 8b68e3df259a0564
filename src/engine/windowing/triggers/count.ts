import type { Window } from '../window';
import type { Trigger, TriggerContext, TriggerResult } from './trigger';

/** Fires every `size` elements of a window, counting in partitioned state (CountTrigger). */
export class CountTrigger<W extends Window> implements Trigger<W> {
  readonly name = 'CountTrigger';

  constructor(private readonly size: number) {}

  onElement(_timestamp: number, _window: W, ctx: TriggerContext): TriggerResult {
    const count = ctx.partitionedState<number>('count');
    const n = (count.value() ?? 0) + 1;
    if (n >= this.size) {
      count.clear();
      return 'FIRE';
    }
    count.update(n);
    return 'CONTINUE';
  }

  onEventTime(): TriggerResult {
    return 'CONTINUE';
  }

  onProcessingTime(): TriggerResult {
    return 'CONTINUE';
  }

  clear(_window: W, ctx: TriggerContext): void {
    ctx.partitionedState<number>('count').clear();
  }
}
