/**
 * The JavaScript a pipeline would run: its functions and expressions. A pipeline from a link
 * or a file is someone else's code, so the editor shows this list and asks before a run.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { applicableParams, withDefaults } from '../../engine/pipeline/params';
import { operatorRegistry } from '../../engine/pipeline/registry';

export interface UserCode {
  nodeUid: string;
  param: string;
  code: string;
}

/**
 * Every function and expression written into the document that would run given the node's
 * other parameters. Parameters left out run the registry's defaults, which are ours, so they
 * are not listed.
 */
export function userCodeIn(doc: PipelineDocument): UserCode[] {
  const found: UserCode[] = [];
  for (const node of doc.nodes) {
    const meta = operatorRegistry.get(node.kind);
    if (meta === undefined) continue;
    const values = withDefaults(meta.params, node.params);
    for (const spec of applicableParams(meta.params, values)) {
      if (spec.type !== 'code' && spec.type !== 'expression') continue;
      const code = node.params[spec.name];
      if (typeof code === 'string') found.push({ nodeUid: node.uid, param: spec.name, code });
    }
  }
  return found;
}
