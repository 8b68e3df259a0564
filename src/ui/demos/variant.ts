/** A demo's pipeline with a variant's parameter changes, by node uid. */
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { ParamsPatch } from './demo';

export function withParams(doc: PipelineDocument, patch: ParamsPatch = {}): PipelineDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      patch[n.uid] === undefined ? n : { ...n, params: { ...n.params, ...patch[n.uid] } },
    ),
  };
}
