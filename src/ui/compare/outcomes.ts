/**
 * A run's windows and late records as compare mode joins them, read from the run's
 * TimelineModel (windows and late records are never sampled, so the model holds them all),
 * and the way back from a row to the model's window for the timeline's highlight.
 */
import { LATE_DROPPED } from '../../worker/trace-batch';
import type { TimelineModel } from '../timeline';
import { rowId, type LateRecord, type RunOutcome, type WindowOutcome } from './diff';

/** Every window that fired and every late record of the run the model holds. */
export function runOutcome(model: TimelineModel): RunOutcome {
  const windows: WindowOutcome[] = [];
  const w = model.windows.columns;
  for (let i = 0; i < model.windows.length; i++) {
    if (w.firings[i] === 0) continue;
    windows.push({
      operator: operatorUid(model, w.lane[i]!),
      key: model.keyOf(w.key[i]!) ?? null,
      start: w.start[i]!,
      end: w.end[i]!,
      value: w.result[i]! >= 0 ? model.results[w.result[i]!] : undefined,
      firings: w.firings[i]!,
    });
  }
  const late: LateRecord[] = [];
  const l = model.late.columns;
  for (let i = 0; i < model.late.length; i++) {
    late.push({
      operator: operatorUid(model, l.lane[i]!),
      key: model.keyOf(l.key[i]!) ?? null,
      ts: l.ts[i]!,
      outcome: l.outcome[i] === LATE_DROPPED ? 'dropped' : 'side-output',
    });
  }
  return { windows, late };
}

/** The model's window (row of its windows table) a comparison row stands for; null if none. */
export function windowOfRow(model: TimelineModel, id: string): number | null {
  const w = model.windows.columns;
  for (let i = 0; i < model.windows.length; i++) {
    const window = {
      operator: operatorUid(model, w.lane[i]!),
      key: model.keyOf(w.key[i]!) ?? null,
      start: w.start[i]!,
      end: w.end[i]!,
    };
    if (rowId(window) === id) return i;
  }
  return null;
}

function operatorUid(model: TimelineModel, lane: number): string {
  return model.operators[model.operatorOfLane(lane)]?.uid ?? '';
}
