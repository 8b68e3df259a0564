/**
 * React Flow's nodes and edges, derived from the pipeline document (the only model) plus
 * what the canvas adds for display: selection, drag positions, sizes and problems.
 */
import type { Edge, Node } from '@xyflow/react';
import type { PipelineDocument, PipelineNode } from '../../../engine/pipeline/document';
import type { Problem } from '../../../engine/pipeline/problems';
import type { Position } from '../model/changes';
import type { Size } from '../store/canvas-slice';
import type { Selection } from '../store/selection-slice';

export interface OperatorNodeData extends Record<string, unknown> {
  node: PipelineNode;
  problems: readonly Problem[];
}

export type OperatorFlowNode = Node<OperatorNodeData, 'operator'>;

export interface PipelineEdgeData extends Record<string, unknown> {
  problems: readonly Problem[];
}

export type PipelineFlowEdge = Edge<PipelineEdgeData>;

/** A node card's size before React Flow has measured it (the width is fixed in canvas.css). */
export const NODE_SIZE = { width: 184, height: 100 };

/** Where a node without a stored position is drawn (a hand-written document). */
export const fallbackPosition = (index: number): Position => ({ x: index * 240, y: 0 });

const NO_PROBLEMS: readonly Problem[] = [];

/** What a flow node was derived from, to hand back the same object while nothing changed. */
interface Derived {
  flowNode: OperatorFlowNode;
  problems: readonly Problem[];
  position: Position;
  selected: boolean;
  size: Size | undefined;
  describe: (node: PipelineNode) => string;
}

const derived = new WeakMap<PipelineNode, Derived>();

const sameProblems = (a: readonly Problem[], b: readonly Problem[]) =>
  a.length === b.length && a.every((p, i) => p.code === b[i]?.code && p.message === b[i]?.message);

/**
 * Flow nodes for the document. A node whose inputs are unchanged keeps its object, so during
 * a drag React Flow and the memoised node components redo only the nodes that move.
 */
export function toFlowNodes(
  doc: PipelineDocument,
  selection: Selection,
  dragPositions: Readonly<Record<string, Position>>,
  sizes: Readonly<Record<string, Size>>,
  problems: ReadonlyMap<string, readonly Problem[]>,
  describe: (node: PipelineNode) => string,
): OperatorFlowNode[] {
  const selected = new Set(selection.nodes);
  return doc.nodes.map((node, index) => {
    const inputs = {
      problems: problems.get(node.uid) ?? NO_PROBLEMS,
      position: dragPositions[node.uid] ?? node.position ?? fallbackPosition(index),
      selected: selected.has(node.uid),
      size: sizes[node.uid],
      describe,
    };
    const last = derived.get(node);
    if (
      last !== undefined &&
      sameProblems(last.problems, inputs.problems) &&
      last.position.x === inputs.position.x &&
      last.position.y === inputs.position.y &&
      last.selected === inputs.selected &&
      last.size === inputs.size &&
      last.describe === describe
    ) {
      return last.flowNode;
    }
    const sameData = last !== undefined && sameProblems(last.problems, inputs.problems);
    const flowNode: OperatorFlowNode = {
      id: node.uid,
      type: 'operator',
      position: inputs.position,
      data: sameData ? last.flowNode.data : { node, problems: inputs.problems },
      selected: inputs.selected,
      ariaLabel:
        sameData && last.describe === describe ? (last.flowNode.ariaLabel ?? '') : describe(node),
      ...(inputs.size === undefined ? {} : { measured: inputs.size }),
    };
    derived.set(node, { ...inputs, flowNode });
    return flowNode;
  });
}

export function toFlowEdges(
  doc: PipelineDocument,
  selection: Selection,
  problems: ReadonlyMap<string, readonly Problem[]>,
): PipelineFlowEdge[] {
  const selected = new Set(selection.edges);
  return doc.edges.map((edge) => {
    const edgeProblems = problems.get(edge.id) ?? [];
    const port = edge.sourcePort ?? 'out';
    const classes = [
      port === 'late' ? 'edge--late' : '',
      edgeProblems.some((p) => p.severity === 'error')
        ? 'edge--error'
        : edgeProblems.length > 0
          ? 'edge--warning'
          : '',
    ].filter(Boolean);
    return {
      id: edge.id,
      source: edge.source,
      sourceHandle: port,
      target: edge.target,
      targetHandle: 'in',
      selected: selected.has(edge.id),
      data: { problems: edgeProblems },
      ...(classes.length > 0 ? { className: classes.join(' ') } : {}),
      ...(edge.partitioning === undefined ? {} : { label: edge.partitioning }),
    };
  });
}
