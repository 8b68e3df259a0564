/**
 * Copy and paste of canvas selections. A copy holds the selected nodes and the edges between
 * them; a paste gives every node a fresh uid (a uid names operator state, so two nodes must
 * never share one) and moves the copies by an offset so they do not hide the originals.
 */
import type {
  PipelineDocument,
  PipelineEdge,
  PipelineNode,
} from '../../../engine/pipeline/document';
import type { PipelineChange } from './changes';
import { edgeIds, freshEdgeId, freshUid, nodeUids } from './ids';

export interface ClipboardContent {
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}

export const PASTE_OFFSET = 40;

export function copySelection(
  doc: PipelineDocument,
  selectedUids: readonly string[],
): ClipboardContent | null {
  const picked = new Set(selectedUids);
  const nodes = doc.nodes.filter((n) => picked.has(n.uid));
  if (nodes.length === 0) return null;
  const edges = doc.edges.filter((e) => picked.has(e.source) && picked.has(e.target));
  return structuredClone({ nodes, edges });
}

/**
 * The change that pastes `content` into `doc`, and the new uids (to select them). `times`
 * counts pastes of the same content, so repeated pastes step further away.
 */
export function pasteChange(
  doc: PipelineDocument,
  content: ClipboardContent,
  times = 1,
): { change: PipelineChange; uids: string[] } {
  const takenUids = nodeUids(doc);
  const takenEdges = edgeIds(doc);
  const renamed = new Map<string, string>();
  const offset = PASTE_OFFSET * times;
  const nodes = content.nodes.map((node, index) => {
    const uid = freshUid(node.kind, takenUids);
    renamed.set(node.uid, uid);
    const base = node.position ?? { x: index * 200, y: 0 };
    return {
      ...structuredClone(node),
      uid,
      position: { x: base.x + offset, y: base.y + offset },
    };
  });
  const edges = content.edges.flatMap((edge) => {
    const source = renamed.get(edge.source);
    const target = renamed.get(edge.target);
    if (source === undefined || target === undefined) return [];
    return [{ ...edge, id: freshEdgeId(takenEdges), source, target }];
  });
  return { change: { type: 'addNodes', nodes, edges }, uids: nodes.map((n) => n.uid) };
}
