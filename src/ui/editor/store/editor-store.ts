/** The editor's one store, built from typed slices (zustand's slices pattern). */
import { create } from 'zustand';
import { createCanvasSlice, type CanvasSlice } from './canvas-slice';
import { createDocumentSlice, type DocumentSlice } from './document-slice';
import { createPrefsSlice, type PrefsSlice } from './prefs-slice';
import { createProjectSlice, type ProjectSlice } from './project-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createValidationSlice, type ValidationSlice } from './validation-slice';

export type EditorState = DocumentSlice &
  SelectionSlice &
  ValidationSlice &
  ProjectSlice &
  PrefsSlice &
  CanvasSlice;

export const createEditorStore = () =>
  create<EditorState>()((...a) => ({
    ...createDocumentSlice(...a),
    ...createSelectionSlice(...a),
    ...createValidationSlice(...a),
    ...createProjectSlice(...a),
    ...createPrefsSlice(...a),
    ...createCanvasSlice(...a),
  }));

export const useEditor = createEditorStore();
