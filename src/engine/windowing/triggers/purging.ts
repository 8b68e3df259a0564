import type { Window } from '../window';
import type { Trigger, TriggerContext, TriggerResult } from './trigger';

/** Turns every FIRE of the wrapped trigger into FIRE_AND_PURGE (Flink's PurgingTrigger). */
export class PurgingTrigger<W extends Window> implements Trigger<W> {
  readonly name: string;

  constructor(private readonly inner: Trigger<W>) {
    this.name = `Purging(${inner.name})`;
  }

  onElement(timestamp: number, window: W, ctx: TriggerContext): TriggerResult {
    return purging(this.inner.onElement(timestamp, window, ctx));
  }

  onEventTime(time: number, window: W, ctx: TriggerContext): TriggerResult {
    return purging(this.inner.onEventTime(time, window, ctx));
  }

  onProcessingTime(time: number, window: W, ctx: TriggerContext): TriggerResult {
    return purging(this.inner.onProcessingTime(time, window, ctx));
  }

  onMerge(window: W, mergedWindows: readonly W[], ctx: TriggerContext): void {
    this.inner.onMerge?.(window, mergedWindows, ctx);
  }

  clear(window: W, ctx: TriggerContext): void {
    this.inner.clear(window, ctx);
  }
}

const purging = (r: TriggerResult): TriggerResult => (r === 'FIRE' ? 'FIRE_AND_PURGE' : r);
