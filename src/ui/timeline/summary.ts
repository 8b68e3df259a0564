/**
 * A plain summary of what the timeline holds: what an e2e test reads through the app's
 * test-only API instead of pixels (how many records, which windows fired with what).
 */
import type { Key } from '../../engine/keygroups';
import type { BreakpointKind } from '../../worker/breakpoints';
import type { TimelineJobEvent, TimelineModel } from './model';

export interface FiringSummary {
  operator: string;
  subtask: number;
  key: Key | null;
  start: number;
  end: number;
  /** Processing time and watermark of the first firing. */
  firedAt: number;
  watermark: number;
  result: unknown;
}

/** The breakpoint marker: where the run is paused, and the fired window it points at. */
export interface BreakpointSummary {
  kind: BreakpointKind;
  processingTime: number;
  /** The operator's uid, or null for a checkpoint. */
  operator: string | null;
  /** The fired window it points at (one of `firings`), or null. */
  firing: FiringSummary | null;
}

export interface TimelineSummary {
  now: number;
  records: number;
  late: number;
  openWindows: number;
  firings: FiringSummary[];
  /** Where the job failed and restored a checkpoint. */
  jobEvents: TimelineJobEvent[];
  breakpoint: BreakpointSummary | null;
}

export function summarizeTimeline(model: TimelineModel): TimelineSummary {
  const c = model.windows.columns;
  const b = model.breakpoint;
  const firings: FiringSummary[] = [];
  let pinned: FiringSummary | null = null;
  let openWindows = 0;
  for (let i = 0; i < model.windows.length; i++) {
    if (Number.isNaN(c.firedPt[i])) {
      if (Number.isNaN(c.purgedPt[i])) openWindows++;
      continue;
    }
    const firing = firingOf(model, i);
    if (b?.window === i) pinned = firing;
    firings.push(firing);
  }
  return {
    now: model.now,
    records: model.records.length,
    late: model.late.length,
    openWindows,
    firings,
    jobEvents: model.jobEvents.map((e) => ({ ...e })),
    breakpoint:
      b === null
        ? null
        : {
            kind: b.hit.kind,
            processingTime: b.hit.processingTime,
            operator: model.operators[b.operator]?.uid ?? null,
            firing: pinned,
          },
  };
}

function firingOf(model: TimelineModel, i: number): FiringSummary {
  const c = model.windows.columns;
  const lane = model.lanes[c.lane[i]];
  return {
    operator: (lane && model.operators[lane.operator]?.uid) ?? '',
    subtask: lane?.subtask ?? 0,
    key: model.keyOf(c.key[i]) ?? null,
    start: c.start[i],
    end: c.end[i],
    firedAt: c.firedPt[i],
    watermark: c.firedWatermark[i],
    result: c.result[i] >= 0 ? model.results[c.result[i]] : undefined,
  };
}
