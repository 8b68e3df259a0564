/**
 * The pipeline document and its history. Every edit goes through `apply`, which records the
 * change and its inverse; undo applies the inverse, redo the change again.
 */
import type { StateCreator } from 'zustand';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { applyChange, isEmptyChange, type PipelineChange } from '../model/changes';
import type { EditorState } from './editor-store';

export const HISTORY_LIMIT = 200;

interface HistoryEntry {
  change: PipelineChange;
  inverse: PipelineChange;
}

export interface DocumentSlice {
  doc: PipelineDocument;
  /** Bumped on every change of `doc`, so validation and autosave know what they saw. */
  revision: number;
  past: readonly HistoryEntry[];
  future: readonly HistoryEntry[];
  /** One undoable edit. */
  apply(change: PipelineChange): void;
  undo(): void;
  redo(): void;
  /** Opens a project's document with a fresh history; as loaded, it counts as saved. */
  load(doc: PipelineDocument, projectId: string | null): void;
}

export const emptyDocument = (name: string): PipelineDocument => ({
  version: 1,
  name,
  nodes: [],
  edges: [],
});

export const createDocumentSlice: StateCreator<EditorState, [], [], DocumentSlice> = (
  set,
  get,
) => ({
  doc: emptyDocument(''),
  revision: 0,
  past: [],
  future: [],

  apply(change) {
    const { doc, past, revision } = get();
    const applied = applyChange(doc, change);
    if (applied.doc === doc || isEmptyChange(applied.inverse)) return;
    set({
      doc: applied.doc,
      revision: revision + 1,
      past: [...past, { change, inverse: applied.inverse }].slice(-HISTORY_LIMIT),
      future: [],
    });
    get().pruneSelection();
  },

  undo() {
    const { doc, past, future, revision } = get();
    const last = past.at(-1);
    if (last === undefined) return;
    const applied = applyChange(doc, last.inverse);
    set({
      doc: applied.doc,
      revision: revision + 1,
      past: past.slice(0, -1),
      future: [...future, { change: last.change, inverse: applied.inverse }],
    });
    get().pruneSelection();
  },

  redo() {
    const { doc, past, future, revision } = get();
    const next = future.at(-1);
    if (next === undefined) return;
    const applied = applyChange(doc, next.change);
    set({
      doc: applied.doc,
      revision: revision + 1,
      past: [...past, { change: next.change, inverse: applied.inverse }],
      future: future.slice(0, -1),
    });
    get().pruneSelection();
  },

  load(doc, projectId) {
    const revision = get().revision + 1;
    set({
      doc,
      revision,
      past: [],
      future: [],
      projectId,
      savedRevision: revision,
      saveStatus: 'saved',
      storageError: null,
    });
    get().select({ nodes: [], edges: [] });
  },
});
