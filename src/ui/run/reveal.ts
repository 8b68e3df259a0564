/** Where the timeline looks for a breakpoint's event: a processing-time range, and its window. */
import type { BreakpointHit } from '../../worker/breakpoints';
import { NO_KEY, type TraceView } from '../../worker/trace-batch';
import type { TimelineModel } from '../timeline';

/** The width shown when the timeline has not said what it shows. */
const DEFAULT_SPAN_MS = 10_000;

export interface RevealTarget {
  pt: { from: number; to: number };
  /** The fired window's row in the model's windows; null for other hits or when not found. */
  window: number | null;
}

export function revealTarget(
  model: TimelineModel,
  hit: BreakpointHit,
  view: TraceView | null,
): RevealTarget {
  const span = view === null ? DEFAULT_SPAN_MS : Math.max(1, view.ptTo - view.ptFrom);
  // The event a little right of centre: what led to it stays in view.
  const from = Math.max(0, hit.processingTime - span * 0.6);
  const pt = { from, to: from + span };
  if (hit.kind !== 'windowFires') return { pt, window: null };
  const operator = model.operators.findIndex((o) => o.uid === hit.operatorUid);
  const lane = model.laneOf(operator, hit.subtask);
  const index = model.keys.indexOf(hit.key);
  const key = index >= 0 ? index : NO_KEY;
  const c = model.windows.columns;
  for (let row = 0; row < model.windows.length; row++) {
    if (c.lane[row] !== lane || c.key[row] !== key) continue;
    if (sameTime(c.start[row]!, hit.start) && sameTime(c.end[row]!, hit.end)) {
      return { pt, window: row };
    }
  }
  return { pt, window: null };
}

/** The same hit arrives on every batch while paused there: this tells hits apart. */
export function hitKey(hit: BreakpointHit): string {
  const where =
    hit.kind === 'checkpointCompletes' ? hit.checkpoint.id : `${hit.operatorUid}#${hit.subtask}`;
  return `${hit.kind}:${hit.processingTime}:${hit.recordsProcessed}:${where}`;
}

/** The model writes the global window's missing bounds as NaN. */
function sameTime(column: number, time: number | null): boolean {
  return time === null ? Number.isNaN(column) : column === time;
}
