/** The inspector's callbacks, each one undoable edit of the document. */
import { useMemo } from 'react';
import type { JsonValue, Partitioning } from '../../../engine/pipeline/document';
import { useEditor } from '../store/editor-store';
import { selectApply } from '../store/selectors';

export function useInspectorHandlers() {
  const apply = useEditor(selectApply);
  return useMemo(
    () => ({
      onParamChange: (uid: string, param: string, value: JsonValue | undefined) =>
        apply({ type: 'setParam', uid, param, value }),
      // An empty label is no label: the node shows its kind again.
      onNodeChange: (
        uid: string,
        { label, parallelism }: { label?: string; parallelism?: number | null },
      ) =>
        apply({
          type: 'updateNode',
          uid,
          patch: {
            ...(label === undefined ? {} : { label: label === '' ? null : label }),
            ...(parallelism === undefined ? {} : { parallelism }),
          },
        }),
      onEdgeChange: (id: string, patch: { partitioning?: Partitioning | null }) =>
        apply({ type: 'updateEdge', id, patch }),
      onPipelineChange: (patch: { name?: string }) => {
        if (patch.name !== undefined) apply({ type: 'renamePipeline', name: patch.name });
      },
    }),
    [apply],
  );
}
