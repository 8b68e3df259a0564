/**
 * Every edit of a pipeline is a change object. `applyChange` is pure: it returns the new
 * document and the change that undoes it, so the canvas, undo/redo and autosave all speak
 * the same language (React Flow's NodeChange idea, applied to our own document).
 */
import type {
  JsonValue,
  Partitioning,
  PipelineDocument,
  PipelineEdge,
  PipelineNode,
} from '../../../engine/pipeline/document';

export type Position = { x: number; y: number };

export type NodePatch = { label?: string | null; parallelism?: number | null };
export type EdgePatch = {
  partitioning?: Partitioning | null;
  source?: string;
  sourcePort?: string | null;
  target?: string;
};

export type PipelineChange =
  /** Appends nodes, and edges between them or to existing nodes (a paste). */
  | { type: 'addNodes'; nodes: readonly PipelineNode[]; edges?: readonly PipelineEdge[] }
  /** Removes nodes and every edge that touches them. */
  | { type: 'removeNodes'; uids: readonly string[] }
  /** Sets or (null) clears canvas positions. */
  | { type: 'moveNodes'; positions: Readonly<Record<string, Position | null>> }
  /** `undefined` removes the parameter, so it falls back to the kind's default. */
  | { type: 'setParam'; uid: string; param: string; value: JsonValue | undefined }
  /** null clears a field back to its default. */
  | { type: 'updateNode'; uid: string; patch: NodePatch }
  | { type: 'addEdge'; edge: PipelineEdge }
  | { type: 'removeEdges'; ids: readonly string[] }
  | { type: 'updateEdge'; id: string; patch: EdgePatch }
  | { type: 'renamePipeline'; name: string }
  | { type: 'replaceDocument'; doc: PipelineDocument }
  /** Puts removed nodes and edges back where they were: the inverse of a removal. */
  | {
      type: 'restore';
      nodes: readonly { at: number; node: PipelineNode }[];
      edges: readonly { at: number; edge: PipelineEdge }[];
    }
  /** Several changes as one undo step. */
  | { type: 'batch'; changes: readonly PipelineChange[] };

export interface Applied {
  doc: PipelineDocument;
  inverse: PipelineChange;
}

const NOTHING: PipelineChange = { type: 'batch', changes: [] };

/** Applies a change; changes that name missing nodes or edges leave the document as it is. */
export function applyChange(doc: PipelineDocument, change: PipelineChange): Applied {
  switch (change.type) {
    case 'addNodes':
      return addNodes(doc, change.nodes, change.edges ?? []);
    case 'removeNodes':
      return removeNodes(doc, new Set(change.uids));
    case 'moveNodes':
      return moveNodes(doc, change.positions);
    case 'setParam':
      return setParam(doc, change.uid, change.param, change.value);
    case 'updateNode':
      return updateNode(doc, change.uid, change.patch);
    case 'addEdge':
      return addNodes(doc, [], [change.edge]);
    case 'removeEdges':
      return removeEdges(doc, new Set(change.ids));
    case 'updateEdge':
      return updateEdge(doc, change.id, change.patch);
    case 'renamePipeline':
      return {
        doc: { ...doc, name: change.name },
        inverse: { type: 'renamePipeline', name: doc.name },
      };
    case 'replaceDocument':
      return { doc: change.doc, inverse: { type: 'replaceDocument', doc } };
    case 'restore':
      return restore(doc, change.nodes, change.edges);
    case 'batch':
      return batch(doc, change.changes);
  }
}

/** True when applying the change would leave the document as it is. */
export function isEmptyChange(change: PipelineChange): boolean {
  return change.type === 'batch' && change.changes.every(isEmptyChange);
}

function addNodes(
  doc: PipelineDocument,
  nodes: readonly PipelineNode[],
  edges: readonly PipelineEdge[],
): Applied {
  if (nodes.length === 0 && edges.length === 0) return { doc, inverse: NOTHING };
  const next = {
    ...doc,
    nodes: [...doc.nodes, ...nodes],
    edges: [...doc.edges, ...edges],
  };
  // Removing the edges first keeps the inverse exact even if an edge joins two old nodes.
  const inverse: PipelineChange = {
    type: 'batch',
    changes: [
      { type: 'removeEdges', ids: edges.map((e) => e.id) },
      { type: 'removeNodes', uids: nodes.map((n) => n.uid) },
    ],
  };
  return { doc: next, inverse: simplify(inverse) };
}

function removeNodes(doc: PipelineDocument, uids: ReadonlySet<string>): Applied {
  const removedNodes = indexed(doc.nodes, (n) => uids.has(n.uid));
  const removedEdges = indexed(doc.edges, (e) => uids.has(e.source) || uids.has(e.target));
  if (removedNodes.length === 0 && removedEdges.length === 0) return { doc, inverse: NOTHING };
  return {
    doc: {
      ...doc,
      nodes: doc.nodes.filter((n) => !uids.has(n.uid)),
      edges: doc.edges.filter((e) => !uids.has(e.source) && !uids.has(e.target)),
    },
    inverse: {
      type: 'restore',
      nodes: removedNodes.map(({ at, item }) => ({ at, node: item })),
      edges: removedEdges.map(({ at, item }) => ({ at, edge: item })),
    },
  };
}

function removeEdges(doc: PipelineDocument, ids: ReadonlySet<string>): Applied {
  const removed = indexed(doc.edges, (e) => ids.has(e.id));
  if (removed.length === 0) return { doc, inverse: NOTHING };
  return {
    doc: { ...doc, edges: doc.edges.filter((e) => !ids.has(e.id)) },
    inverse: {
      type: 'restore',
      nodes: [],
      edges: removed.map(({ at, item }) => ({ at, edge: item })),
    },
  };
}

function restore(
  doc: PipelineDocument,
  nodes: readonly { at: number; node: PipelineNode }[],
  edges: readonly { at: number; edge: PipelineEdge }[],
): Applied {
  const nextNodes = insertAt(
    doc.nodes,
    nodes.map(({ at, node }) => ({ at, item: node })),
  );
  const nextEdges = insertAt(
    doc.edges,
    edges.map(({ at, edge }) => ({ at, item: edge })),
  );
  const inverse: PipelineChange = {
    type: 'batch',
    changes: [
      { type: 'removeEdges', ids: edges.map((e) => e.edge.id) },
      { type: 'removeNodes', uids: nodes.map((n) => n.node.uid) },
    ],
  };
  return { doc: { ...doc, nodes: nextNodes, edges: nextEdges }, inverse: simplify(inverse) };
}

function moveNodes(
  doc: PipelineDocument,
  positions: Readonly<Record<string, Position | null>>,
): Applied {
  const previous: Record<string, Position | null> = {};
  const nodes = doc.nodes.map((node) => {
    if (!Object.hasOwn(positions, node.uid)) return node;
    const position = positions[node.uid] ?? null;
    if (samePosition(node.position ?? null, position)) return node;
    previous[node.uid] = node.position ?? null;
    return withField(node, 'position', position === null ? undefined : { ...position });
  });
  if (Object.keys(previous).length === 0) return { doc, inverse: NOTHING };
  return { doc: { ...doc, nodes }, inverse: { type: 'moveNodes', positions: previous } };
}

function setParam(
  doc: PipelineDocument,
  uid: string,
  param: string,
  value: JsonValue | undefined,
): Applied {
  const node = doc.nodes.find((n) => n.uid === uid);
  if (node === undefined) return { doc, inverse: NOTHING };
  const before = Object.hasOwn(node.params, param) ? node.params[param] : undefined;
  const params = { ...node.params };
  if (value === undefined) delete params[param];
  else params[param] = value;
  return {
    doc: replaceNode(doc, { ...node, params }),
    inverse: { type: 'setParam', uid, param, value: before },
  };
}

function updateNode(doc: PipelineDocument, uid: string, patch: NodePatch): Applied {
  const node = doc.nodes.find((n) => n.uid === uid);
  if (node === undefined) return { doc, inverse: NOTHING };
  let next = node;
  const before: NodePatch = {};
  if (patch.label !== undefined) {
    before.label = node.label ?? null;
    next = withField(next, 'label', patch.label === null ? undefined : patch.label);
  }
  if (patch.parallelism !== undefined) {
    before.parallelism = node.parallelism ?? null;
    next = withField(next, 'parallelism', patch.parallelism ?? undefined);
  }
  return {
    doc: replaceNode(doc, next),
    inverse: { type: 'updateNode', uid, patch: before },
  };
}

function updateEdge(doc: PipelineDocument, id: string, patch: EdgePatch): Applied {
  const edge = doc.edges.find((e) => e.id === id);
  if (edge === undefined) return { doc, inverse: NOTHING };
  let next = edge;
  const before: EdgePatch = {};
  if (patch.source !== undefined) {
    before.source = edge.source;
    next = { ...next, source: patch.source };
  }
  if (patch.target !== undefined) {
    before.target = edge.target;
    next = { ...next, target: patch.target };
  }
  if (patch.sourcePort !== undefined) {
    before.sourcePort = edge.sourcePort ?? null;
    next = withField(next, 'sourcePort', patch.sourcePort ?? undefined);
  }
  if (patch.partitioning !== undefined) {
    before.partitioning = edge.partitioning ?? null;
    next = withField(next, 'partitioning', patch.partitioning ?? undefined);
  }
  return {
    doc: { ...doc, edges: doc.edges.map((e) => (e.id === id ? next : e)) },
    inverse: { type: 'updateEdge', id, patch: before },
  };
}

function batch(doc: PipelineDocument, changes: readonly PipelineChange[]): Applied {
  let current = doc;
  const inverses: PipelineChange[] = [];
  for (const change of changes) {
    const applied = applyChange(current, change);
    current = applied.doc;
    inverses.push(applied.inverse);
  }
  return { doc: current, inverse: simplify({ type: 'batch', changes: inverses.reverse() }) };
}

/** Drops empty parts of a batch and unwraps a batch of one. */
function simplify(change: PipelineChange): PipelineChange {
  if (change.type !== 'batch') return change;
  const parts = change.changes.filter((c) => !isEmptyChange(c) && !isEmptyRemoval(c));
  return parts.length === 1 ? (parts[0] as PipelineChange) : { type: 'batch', changes: parts };
}

function isEmptyRemoval(change: PipelineChange): boolean {
  return (
    (change.type === 'removeEdges' && change.ids.length === 0) ||
    (change.type === 'removeNodes' && change.uids.length === 0)
  );
}

const samePosition = (a: Position | null, b: Position | null) =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);

function replaceNode(doc: PipelineDocument, node: PipelineNode): PipelineDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.uid === node.uid ? node : n)) };
}

/** Sets an optional field, or removes it for undefined, so documents stay free of `undefined`. */
function withField<T extends object, K extends keyof T>(item: T, key: K, value: T[K]): T {
  const next = { ...item };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

function indexed<T>(items: readonly T[], pick: (item: T) => boolean): { at: number; item: T }[] {
  const out: { at: number; item: T }[] = [];
  items.forEach((item, at) => {
    if (pick(item)) out.push({ at, item });
  });
  return out;
}

/** Inserts items at their original indices (ascending), the inverse of filtering them out. */
function insertAt<T>(items: readonly T[], inserts: readonly { at: number; item: T }[]): T[] {
  const out = [...items];
  for (const { at, item } of [...inserts].sort((a, b) => a.at - b.at)) {
    out.splice(Math.min(at, out.length), 0, item);
  }
  return out;
}
