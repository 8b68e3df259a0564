/**
 * Where a node's outputs can be connected: what the context menu offers, so the keyboard can
 * connect operators too. The validator still judges the result (a second input to a Map, say).
 */
import type { PipelineDocument, PipelineNode } from '../../../engine/pipeline/document';
import { operatorRegistry } from '../../../engine/pipeline/registry';

export interface ConnectionOption {
  port: string;
  target: PipelineNode;
}

export function connectionOptions(doc: PipelineDocument, sourceUid: string): ConnectionOption[] {
  const source = doc.nodes.find((n) => n.uid === sourceUid);
  const outputs = source === undefined ? [] : (operatorRegistry.get(source.kind)?.outputs ?? []);
  return outputs.flatMap((port) =>
    doc.nodes
      .filter(
        (target) =>
          target.uid !== sourceUid &&
          operatorRegistry.get(target.kind)?.inputs !== 'none' &&
          !doc.edges.some(
            (e) =>
              e.source === sourceUid && e.target === target.uid && (e.sourcePort ?? 'out') === port,
          ),
      )
      .map((target) => ({ port, target })),
  );
}
