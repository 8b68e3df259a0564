/** The validator's latest verdict, tagged with the document revision it judged. */
import type { StateCreator } from 'zustand';
import type { Problem } from '../../../engine/pipeline/problems';
import type { EditorState } from './editor-store';

export interface ValidationSlice {
  problems: readonly Problem[];
  /** The revision `problems` belong to; -1 before the first verdict. */
  validatedRevision: number;
  setProblems(revision: number, problems: readonly Problem[]): void;
}

export const createValidationSlice: StateCreator<EditorState, [], [], ValidationSlice> = (set) => ({
  problems: [],
  validatedRevision: -1,
  setProblems(revision, problems) {
    set({ problems, validatedRevision: revision });
  },
});
