/** Which demo is open in the player, at which step, and whether the gallery shows. */
import { create } from 'zustand';
import type { Demo } from './demo';
import type { DemoNotes } from './drive';

export interface DemoState extends DemoNotes {
  galleryOpen: boolean;
  demo: Demo | null;
  step: number;
  /** The choice picked for the current step's question, if any. */
  answer: number | null;
  /** The run is still moving to the current step's pause point. */
  moving: boolean;
  showGallery(open: boolean): void;
  play(demo: Demo): void;
  goTo(step: number): void;
  choose(answer: number): void;
  setMoving(moving: boolean): void;
  close(): void;
}

export const useDemos = create<DemoState>()((set) => ({
  galleryOpen: false,
  demo: null,
  step: 0,
  answer: null,
  moving: false,
  savepoint: null,
  dryRun: null,
  showGallery: (galleryOpen) => set({ galleryOpen }),
  play: (demo) =>
    set({ demo, step: 0, answer: null, galleryOpen: false, savepoint: null, dryRun: null }),
  goTo: (step) => set({ step, answer: null }),
  choose: (answer) => set({ answer }),
  setMoving: (moving) => set({ moving }),
  close: () =>
    set({ demo: null, step: 0, answer: null, moving: false, savepoint: null, dryRun: null }),
}));

export const selectGalleryOpen = (s: DemoState) => s.galleryOpen;
export const selectDemo = (s: DemoState) => s.demo;
export const selectStep = (s: DemoState) => s.step;
export const selectAnswer = (s: DemoState) => s.answer;
export const selectMoving = (s: DemoState) => s.moving;
export const selectDryRun = (s: DemoState) => s.dryRun;
