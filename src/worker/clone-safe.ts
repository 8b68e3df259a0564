/**
 * Values from user functions cross to the main thread by structured cloning, which refuses
 * functions and symbols. A cheap walk finds them before `postMessage` does, and such a value
 * is shown as text instead of failing the whole batch.
 */
const MAX_DEPTH = 32;

export function cloneSafe(value: unknown): unknown {
  return isCloneable(value, 0) ? value : describeUncloneable(value);
}

function isCloneable(value: unknown, depth: number): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (const v of value) if (!isCloneable(v, depth + 1)) return false;
    return true;
  }
  for (const k in value) {
    if (!isCloneable((value as Record<string, unknown>)[k], depth + 1)) return false;
  }
  return true;
}

function describeUncloneable(value: unknown): string {
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  try {
    return `[cannot be shown] ${String(value)}`;
  } catch {
    return '[cannot be shown]';
  }
}
