/**
 * Canvas state that is not part of the pipeline: node positions while a drag is under way
 * (committed to the document as one change when it ends) and measured node sizes.
 */
import type { StateCreator } from 'zustand';
import type { Position } from '../model/changes';
import type { EditorState } from './editor-store';

export interface Size {
  width: number;
  height: number;
}

export interface CanvasSlice {
  dragPositions: Readonly<Record<string, Position>>;
  sizes: Readonly<Record<string, Size>>;
  setDragPositions(positions: Readonly<Record<string, Position>>): void;
  setSizes(sizes: Readonly<Record<string, Size>>): void;
}

export const createCanvasSlice: StateCreator<EditorState, [], [], CanvasSlice> = (set, get) => ({
  dragPositions: {},
  sizes: {},
  setDragPositions(positions) {
    set({ dragPositions: positions });
  },
  setSizes(sizes) {
    set({ sizes: { ...get().sizes, ...sizes } });
  },
});
