/**
 * Breakpoints are a way of working, not part of one run: they are kept in localStorage so a
 * reload finds them as they were. Anything unreadable there counts as none.
 */
import type { Breakpoints } from '../../../worker/breakpoints';
import { DEFAULT_RUN_CONFIG } from '../config';

const STORAGE_KEY = 'tidemark.breakpoints';

export function loadBreakpoints(): Breakpoints {
  const none = DEFAULT_RUN_CONFIG.breakpoints;
  try {
    const saved: unknown = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null');
    if (typeof saved !== 'object' || saved === null) return none;
    const s = saved as Record<string, unknown>;
    return {
      windowFires: s.windowFires === true,
      lateRecord: s.lateRecord === true,
      checkpointCompletes: s.checkpointCompletes === true,
      operatorUid: typeof s.operatorUid === 'string' ? s.operatorUid : null,
    };
  } catch {
    return none;
  }
}

export function saveBreakpoints(breakpoints: Breakpoints): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(breakpoints));
  } catch {
    // Storage that refuses (private mode, full) only means they are not remembered.
  }
}
