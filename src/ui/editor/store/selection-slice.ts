/** What is selected on the canvas: node uids and edge ids. */
import type { StateCreator } from 'zustand';
import type { EditorState } from './editor-store';

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export interface SelectionSlice {
  selection: Selection;
  select(selection: Selection): void;
  /** Drops ids that are no longer in the document (after a delete or an undo). */
  pruneSelection(): void;
}

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (
  set,
  get,
) => ({
  selection: { nodes: [], edges: [] },

  select(selection) {
    const current = get().selection;
    if (same(current.nodes, selection.nodes) && same(current.edges, selection.edges)) return;
    set({ selection });
  },

  pruneSelection() {
    const { doc, selection } = get();
    const uids = new Set(doc.nodes.map((n) => n.uid));
    const ids = new Set(doc.edges.map((e) => e.id));
    get().select({
      nodes: selection.nodes.filter((uid) => uids.has(uid)),
      edges: selection.edges.filter((id) => ids.has(id)),
    });
  },
});
