/**
 * How many record events the session keeps: about `maxEvents` of them within the processing
 * time the timeline shows, and outside it about as many as if the whole run so far were in
 * view (so a long run sends more only as its timeline grows).
 * Control events (watermarks, windows, late records, barriers) are never sampled.
 */
import type { TraceView } from './trace-batch';

/** What the session has seen so far: record events (kept or not) over processing time. */
export interface TraceDensity {
  recordEvents: number;
  /** Processing time the run has covered so far (ms). */
  span: number;
}

/** Until the run has covered some processing time, a short pilot measures how dense it is. */
export const PILOT_RECORD_EVENTS = 256;

export function sampleEveryFor(
  view: TraceView | null,
  density: TraceDensity,
  processingTime: number,
): number {
  if (density.recordEvents < PILOT_RECORD_EVENTS || density.span <= 0) return 1;
  const perMs = density.recordEvents / density.span;
  const visible =
    view !== null &&
    processingTime >= view.ptFrom &&
    (processingTime <= view.ptTo || view.follow === true);
  const maxEvents = Math.max(1, view?.maxEvents ?? 10_000);
  // Outside the view, as if the whole timeline so far (up to the view's end) were in view.
  const range = visible ? view.ptTo - view.ptFrom : Math.max(density.span, view?.ptTo ?? 0);
  return Math.max(1, Math.ceil((perMs * range) / maxEvents));
}
