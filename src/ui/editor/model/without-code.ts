/** Opening a pipeline without its code: every user function goes back to its default. */
import type { PipelineDocument } from '../../../engine/pipeline/document';

export function withoutCode(
  doc: PipelineDocument,
  code: readonly { nodeUid: string; param: string }[],
): PipelineDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((node) => {
      const mine = code.filter((item) => item.nodeUid === node.uid);
      if (mine.length === 0) return node;
      const params = { ...node.params };
      for (const item of mine) delete params[item.param];
      return { ...node, params };
    }),
  };
}
