/**
 * The guided demos' host in presentation mode: the pipeline goes into the editor's store as an
 * unsaved document (no project id, and no autosave runs here), so presenting never writes to
 * the user's projects. There are no panels to bring into view: the timeline and results show.
 */
import type { DemoHost } from '../demos';
import { withLayout } from '../editor/model/layout';
import { useEditor } from '../editor/store/editor-store';
import type { PipelineDocument } from '../../engine/pipeline/document';

/** Shows `doc` read-only: unsaved, with a fresh history. */
export function showUnsaved(doc: PipelineDocument): void {
  useEditor.getState().load(withLayout(doc), null);
}

export const presentHost: DemoHost = {
  open: async (doc) => showUnsaved(doc),
  document: () => useEditor.getState().doc,
  // A step's variant changes parameters; with no project they are never saved.
  setParams: (changes) =>
    useEditor.getState().apply({
      type: 'batch',
      changes: changes.map((c) => ({ type: 'setParam', ...c })),
    }),
  showPanel: () => {},
};
