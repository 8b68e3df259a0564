/**
 * Auto-layout for the canvas: dagre's layered layout, flowing left to right as records do.
 * Positions come back keyed by node uid, as top-left corners (React Flow's convention), so
 * the editor can apply them as one change to the document.
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { PipelineDocument } from '../../engine/pipeline/document';

export interface Size {
  width: number;
  height: number;
}

export interface Position {
  x: number;
  y: number;
}

/** Roughly a node card on the canvas, for nodes the canvas has not measured yet. */
export const DEFAULT_NODE_SIZE: Size = { width: 220, height: 90 };

const SPACING = { betweenLayers: 56, withinLayer: 40 };

/** Node uid -> top-left position; nodes with a measured size in `sizes` use it. */
export function autoLayout(
  doc: PipelineDocument,
  sizes: Record<string, Size> = {},
): Record<string, Position> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({
    rankdir: 'LR',
    ranksep: SPACING.betweenLayers,
    nodesep: SPACING.withinLayer,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    const { width, height } = sizes[node.uid] ?? DEFAULT_NODE_SIZE;
    graph.setNode(node.uid, { width, height });
  }
  for (const edge of doc.edges) {
    // Dangling edges are the validator's business; they give the layout nothing to place.
    if (graph.hasNode(edge.source) && graph.hasNode(edge.target)) {
      graph.setEdge(edge.source, edge.target, {}, edge.id);
    }
  }
  layout(graph);

  const positions: Record<string, Position> = {};
  for (const uid of graph.nodes()) {
    // dagre places centres.
    const { x, y, width, height } = graph.node(uid);
    positions[uid] = { x: Math.round(x - width / 2), y: Math.round(y - height / 2) };
  }
  return positions;
}
