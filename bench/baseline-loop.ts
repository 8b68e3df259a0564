/**
 * The 1.0x reference: the same job as one hand-written loop. Window state is grouped by
 * window (start -> key -> count) so a watermark fires a whole window at once, and the few
 * pending window starts are kept sorted, oldest first.
 */
import type { BenchRecord, WindowCount } from './workload';
import { WINDOW_MS, watermarkFor, windowStartOf } from './workload';

export function runLoop(input: readonly BenchRecord[]): WindowCount[] {
  const out: WindowCount[] = [];
  const windows = new Map<number, Map<string, number>>();
  const pending: number[] = [];
  let watermark = -Infinity;
  let maxTs = -Infinity;
  // Consecutive records mostly share a window: skip the outer lookup for them.
  let lastStart = NaN;
  let lastCounts: Map<string, number> | undefined;

  const fire = (start: number) => {
    for (const [key, count] of windows.get(start)!) out.push({ key, windowStart: start, count });
    windows.delete(start);
    if (start === lastStart) lastStart = NaN;
  };

  for (let i = 0; i < input.length; i++) {
    const r = input[i]!;
    const ts = r.ts;
    const start = windowStartOf(ts);
    // Late: the watermark has passed the window's last timestamp, so it has fired already.
    if (start + WINDOW_MS - 1 > watermark) {
      if (start !== lastStart) {
        lastCounts = windows.get(start);
        if (lastCounts === undefined) {
          lastCounts = new Map();
          windows.set(start, lastCounts);
          let j = pending.length;
          while (j > 0 && pending[j - 1]! > start) j--;
          pending.splice(j, 0, start);
        }
        lastStart = start;
      }
      lastCounts!.set(r.key, (lastCounts!.get(r.key) ?? 0) + 1);
    }
    if (ts > maxTs) {
      maxTs = ts;
      watermark = watermarkFor(maxTs);
      while (pending.length > 0 && pending[0]! + WINDOW_MS - 1 <= watermark) fire(pending.shift()!);
    }
  }
  // End of input: the final watermark fires everything still open.
  for (const start of pending) fire(start);
  return out;
}
