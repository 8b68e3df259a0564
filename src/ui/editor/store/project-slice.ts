/** The open project and the autosave status; the projects themselves live in IndexedDB. */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface ProjectSlice {
  projectId: string | null;
  /** The revision last written to storage. */
  savedRevision: number;
  saveStatus: SaveStatus;
  /** The storage error to show (a translation key and its values), if the last save failed. */
  storageError: { key: string; values: Record<string, string | number> } | null;
  setSaveStatus(status: SaveStatus, savedRevision?: number): void;
  setStorageError(error: ProjectSlice['storageError']): void;
}

export const createProjectSlice: StateCreator<EditorState, [], [], ProjectSlice> = (set) => ({
  projectId: null,
  savedRevision: -1,
  saveStatus: 'saved',
  storageError: null,
  setSaveStatus(saveStatus, savedRevision) {
    set(savedRevision === undefined ? { saveStatus } : { saveStatus, savedRevision });
  },
  setStorageError(storageError) {
    set({ storageError });
  },
});
