/** Positions for documents that arrive without them (hand-written files, the starter). */
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { autoLayout } from '../../layout/auto-layout';
import { NODE_SIZE } from '../canvas/flow-model';
import type { PipelineChange } from './changes';

/** The document with every node placed; unchanged if all nodes already have positions. */
export function withLayout(doc: PipelineDocument): PipelineDocument {
  if (doc.nodes.every((n) => n.position !== undefined)) return doc;
  const positions = autoLayout(doc, Object.fromEntries(doc.nodes.map((n) => [n.uid, NODE_SIZE])));
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      n.position !== undefined ? n : { ...n, position: positions[n.uid] ?? { x: 0, y: 0 } },
    ),
  };
}

/** The change that lays out the whole pipeline, using measured node sizes where known. */
export function layoutChange(
  doc: PipelineDocument,
  sizes: Readonly<Record<string, { width: number; height: number }>>,
): PipelineChange {
  return { type: 'moveNodes', positions: autoLayout(doc, sizes) };
}
