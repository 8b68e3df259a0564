/**
 * The barriers of the running session for the canvas and the checkpoint history: a tracker
 * fed from the run controller's batches, its view republished whenever it changes.
 */
import { create } from 'zustand';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { SessionOperator, TraceBatch } from '../../worker/trace-batch';
import { BarrierTracker, EMPTY_BARRIERS, type BarrierView } from './barrier-tracker';

export interface BarrierState {
  tracker: BarrierTracker;
  view: BarrierView;
  /** Bumped whenever the tracker changes, so the per-subtask times are read again. */
  version: number;
  start(doc: PipelineDocument, operators: readonly SessionOperator[]): void;
  ingest(batches: readonly TraceBatch[]): void;
}

export function createBarrierStore() {
  return create<BarrierState>()((set, get) => ({
    tracker: new BarrierTracker(),
    view: EMPTY_BARRIERS,
    version: 0,
    start(doc, operators) {
      get().tracker.start(doc, operators);
      set((s) => ({ view: EMPTY_BARRIERS, version: s.version + 1 }));
    },
    ingest(batches) {
      const { tracker } = get();
      if (tracker.ingest(batches)) set((s) => ({ view: tracker.view(), version: s.version + 1 }));
    },
  }));
}

export type BarrierStore = ReturnType<typeof createBarrierStore>;

export const useBarrierStore = createBarrierStore();

const NONE = null;
export const selectBarrierVersion = (s: BarrierState) => s.version;
export const selectBarrierTracker = (s: BarrierState) => s.tracker;
export const barrierCrossed = (edge: string) => (s: BarrierState) => s.view.crossed[edge] ?? NONE;
export const barrierHeld = (edge: string) => (s: BarrierState) => s.view.held[edge] ?? NONE;
export const barrierWaited = (edge: string) => (s: BarrierState) => s.view.waited[edge] ?? NONE;
export const barrierSnapshot = (uid: string) => (s: BarrierState) => s.view.snapshots[uid] ?? NONE;
