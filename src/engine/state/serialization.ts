/**
 * State values as text: what checkpoints, savepoints and the IndexedDB backend store.
 * JSON, plus the few values JSON cannot carry: windows and infinite timestamps.
 */
import { GlobalWindow, TimeWindow } from '../windowing/window';

function replacer(this: unknown, _key: string, value: unknown): unknown {
  if (value instanceof TimeWindow) return { $window: [value.start, value.end] };
  if (value instanceof GlobalWindow) return { $window: 'global' };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (typeof value === 'object' && value !== null) {
    if ('$window' in value) {
      const w = (value as { $window: [number, number] | 'global' }).$window;
      return w === 'global' ? GlobalWindow.instance : new TimeWindow(w[0], w[1]);
    }
    if ('$number' in value) return Number((value as { $number: string }).$number);
  }
  return value;
}

export function serializeState(value: unknown): string {
  return JSON.stringify(value, replacer);
}

export function deserializeState<T = unknown>(text: string): T {
  return JSON.parse(text, reviver) as T;
}

/**
 * JSON.stringify may build its result as a tree of pieces, each a string of its own; reading
 * a character makes V8 flatten it into one, which is what a long-kept text should be.
 */
export function flatten(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
}
