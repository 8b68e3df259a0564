/**
 * Compare mode's UI state: whether the view is open, what it compares (the setup, filled from
 * the pipeline when it opens), where the comparison stands, its result, and the row the user
 * picked. The runs and their timeline models live in `CompareRunner`; this holds plain data.
 */
import { create } from 'zustand';
import type { CompareSide } from '../../worker/engine-api';
import type { Comparison } from './diff';
import type { SideRun } from './compare-runner';
import type { CompareKind, CompareSetup } from './variants';

export type ComparePhase = 'idle' | 'running' | 'done' | 'failed';

export interface CompareState {
  open: boolean;
  /** The kind asked for when opening; the setup takes it once filled from the pipeline. */
  requestedKind: CompareKind;
  setup: CompareSetup | null;
  phase: ComparePhase;
  /** The side running now, while running. */
  running: CompareSide | null;
  failure: { side: CompareSide; message: string } | null;
  /** The setup the result below was run with (the labels speak of it, not of later edits). */
  ran: CompareSetup | null;
  comparison: Comparison | null;
  sides: Record<CompareSide, SideRun> | null;
  /** Row id of the window highlighted in both timelines. */
  selected: string | null;

  openWith(kind: CompareKind): void;
  close(): void;
  setSetup(setup: CompareSetup): void;
  started(): void;
  runningSide(side: CompareSide): void;
  finished(ran: CompareSetup, comparison: Comparison, sides: Record<CompareSide, SideRun>): void;
  failed(side: CompareSide, message: string): void;
  select(row: string | null): void;
}

/** Closed, with nothing set up or run: where the view starts and what closing returns to. */
const CLOSED = {
  open: false,
  setup: null,
  phase: 'idle',
  running: null,
  failure: null,
  ran: null,
  comparison: null,
  sides: null,
  selected: null,
} as const;

export const useCompare = create<CompareState>()((set) => ({
  ...CLOSED,
  requestedKind: 'time',

  openWith: (kind) =>
    set((s) => ({
      open: true,
      requestedKind: kind,
      // Opened afresh: the setup is filled from the pipeline as it is now.
      setup: s.open && s.setup !== null ? { ...s.setup, kind } : null,
    })),
  close: () => set(CLOSED),
  setSetup: (setup) => set({ setup }),
  started: () => set({ phase: 'running', failure: null, running: 'a' }),
  runningSide: (side) => set({ running: side }),
  finished: (ran, comparison, sides) =>
    set((s) => ({
      phase: 'done',
      running: null,
      ran,
      comparison,
      sides,
      // A window picked before stays picked if the new result still has it.
      selected: comparison.rows.some((r) => r.id === s.selected) ? s.selected : null,
    })),
  failed: (side, message) =>
    set({ phase: 'failed', running: null, failure: { side, message }, comparison: null }),
  select: (row) => set({ selected: row }),
}));

export const selectOpen = (s: CompareState) => s.open;

/** Whether the compare view covers the editor's centre (the canvas and the bottom panel). */
export const useCompareOpen = (): boolean => useCompare(selectOpen);
export const selectSetup = (s: CompareState) => s.setup;
export const selectPhase = (s: CompareState) => s.phase;
export const selectRunning = (s: CompareState) => s.running;
export const selectFailure = (s: CompareState) => s.failure;
export const selectRan = (s: CompareState) => s.ran;
export const selectComparison = (s: CompareState) => s.comparison;
export const selectSides = (s: CompareState) => s.sides;
export const selectSelected = (s: CompareState) => s.selected;
export const selectRequestedKind = (s: CompareState) => s.requestedKind;

/** Opens compare mode comparing `kind` (the demos' and the toolbar's way in). */
export function openCompare(kind: CompareKind = 'time'): void {
  useCompare.getState().openWith(kind);
}
