/** The editor as the guided demos see it: open a demo's pipeline, edit its parameters, panels. */
import { useMemo } from 'react';
import type { DemoHost } from '../../demos';
import { createProject, flushAutosave } from '../projects/project-lifecycle';
import { useEditor } from '../store/editor-store';

export function useDemoHost(opened: () => void): DemoHost {
  return useMemo(
    () => ({
      open: async (doc) => {
        await flushAutosave();
        await createProject(doc);
        opened();
      },
      document: () => useEditor.getState().doc,
      setParams: (changes) =>
        useEditor.getState().apply({
          type: 'batch',
          changes: changes.map((c) => ({ type: 'setParam', ...c })),
        }),
      showPanel: (panel) => useEditor.getState().setPrefs({ bottomTab: panel, bottomOpen: true }),
    }),
    [opened],
  );
}
