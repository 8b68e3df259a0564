/**
 * What a tooltip says about a hovered thing, gathered from the model: times, key, the windows
 * a record belongs to, why a record was late. Pure; the tooltip words it.
 */
import type { Key } from '../../engine/keygroups';
import { BARRIER_ALIGNED, LATE_DROPPED, type TimelineModel } from './model';

export interface WindowFacts {
  index: number;
  operator: string;
  subtask: number;
  key: Key | undefined;
  start: number;
  end: number;
  createdPt: number;
  /** null while the window is open. */
  firedPt: number | null;
  firedWatermark: number | null;
  firings: number;
  result: unknown;
  hasResult: boolean;
  records: number;
}

export interface RecordFacts {
  index: number;
  id: number;
  operator: string;
  subtask: number;
  key: Key | undefined;
  eventTime: number;
  processingTime: number;
  /** Windows of the record's subtask and key whose range holds its event time. */
  windows: WindowFacts[];
}

export interface LateFacts extends RecordFacts {
  watermark: number;
  behindBy: number;
  outcome: 'side-output' | 'dropped';
}

export interface WatermarkFacts {
  operator: string;
  subtask: number;
  processingTime: number;
  watermark: number;
}

export interface BarrierFacts {
  operator: string;
  subtask: number;
  processingTime: number;
  checkpoint: number;
  aligned: boolean;
}

function operatorOf(model: TimelineModel, lane: number): { operator: string; subtask: number } {
  const where = model.lanes[lane];
  const op = where === undefined ? undefined : model.operators[where.operator];
  return { operator: op?.label ?? '', subtask: where?.subtask ?? 0 };
}

export function windowFacts(model: TimelineModel, index: number): WindowFacts {
  const c = model.windows.columns;
  const fired = !Number.isNaN(c.firedPt[index]);
  const result = c.result[index];
  return {
    index,
    ...operatorOf(model, c.lane[index]),
    key: model.keyOf(c.key[index]),
    start: c.start[index],
    end: c.end[index],
    createdPt: c.createdPt[index],
    firedPt: fired ? c.firedPt[index] : null,
    firedWatermark: fired ? c.firedWatermark[index] : null,
    firings: c.firings[index],
    result: result >= 0 ? model.results[result] : undefined,
    hasResult: result >= 0,
    records: c.records[index],
  };
}

/** Windows of `lane` and `key` holding event time `ts`, created by processing time `pt`. */
function windowsHolding(model: TimelineModel, lane: number, key: number, ts: number, pt: number) {
  const c = model.windows.columns;
  const found: WindowFacts[] = [];
  for (let i = 0; i < model.windows.length; i++) {
    if (c.lane[i] !== lane || c.key[i] !== key || c.createdPt[i] > pt) continue;
    const global = Number.isNaN(c.start[i]);
    if (global || (ts >= c.start[i] && ts < c.end[i])) found.push(windowFacts(model, i));
  }
  return found;
}

export function recordFacts(model: TimelineModel, index: number): RecordFacts {
  const c = model.records.columns;
  const lane = c.lane[index];
  const op = model.operators[model.operatorOfLane(lane)];
  const windowed = op?.kind === 'window' || op?.kind === 'windowAll';
  return {
    index,
    id: c.id[index],
    ...operatorOf(model, lane),
    key: model.keyOf(c.key[index]),
    eventTime: c.ts[index],
    processingTime: c.pt[index],
    windows: windowed ? windowsHolding(model, lane, c.key[index], c.ts[index], c.pt[index]) : [],
  };
}

export function lateFacts(model: TimelineModel, index: number): LateFacts {
  const c = model.late.columns;
  const lane = c.lane[index];
  return {
    index,
    id: c.id[index],
    ...operatorOf(model, lane),
    key: model.keyOf(c.key[index]),
    eventTime: c.ts[index],
    processingTime: c.pt[index],
    // Every window it belonged to had already closed; show them, fired or purged.
    windows: windowsHolding(model, lane, c.key[index], c.ts[index], Infinity),
    watermark: c.watermark[index],
    behindBy: c.watermark[index] - c.ts[index],
    outcome: c.outcome[index] === LATE_DROPPED ? 'dropped' : 'side-output',
  };
}

export function watermarkFacts(model: TimelineModel, index: number): WatermarkFacts {
  const c = model.watermarks.columns;
  return {
    ...operatorOf(model, c.lane[index]),
    processingTime: c.pt[index],
    watermark: c.watermark[index],
  };
}

export function barrierFacts(model: TimelineModel, index: number): BarrierFacts {
  const c = model.barriers.columns;
  return {
    ...operatorOf(model, c.lane[index]),
    processingTime: c.pt[index],
    checkpoint: c.checkpoint[index],
    aligned: c.action[index] === BARRIER_ALIGNED,
  };
}
