import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { Problem } from '../../../engine/pipeline/problems';
import { problemsByTarget } from '../store/selectors';
import { fallbackPosition, toFlowEdges, toFlowNodes } from './flow-model';

const doc: PipelineDocument = {
  version: 1,
  name: 'p',
  nodes: [
    { uid: 'w', kind: 'window', params: {}, position: { x: 10, y: 20 } },
    { uid: 'late', kind: 'sink', params: {} },
  ],
  edges: [{ id: 'e1', source: 'w', sourcePort: 'late', target: 'late', partitioning: 'rebalance' }],
};
const problems: Problem[] = [
  {
    code: 'W005',
    severity: 'warning',
    message: 'late port',
    params: {},
    nodeUid: 'w',
    edgeId: 'e1',
  },
  { code: 'E007', severity: 'error', message: 'keyed', params: {}, nodeUid: 'w' },
];

describe('flow model', () => {
  const byTarget = problemsByTarget(problems);

  it('derives nodes from the document, drag positions and selection on top', () => {
    const nodes = toFlowNodes(
      doc,
      { nodes: ['late'], edges: [] },
      { w: { x: 99, y: 98 } },
      { late: { width: 184, height: 80 } },
      byTarget.nodes,
      (n) => `node ${n.uid}`,
    );
    expect(nodes.map((n) => [n.id, n.position, n.selected, n.ariaLabel])).toEqual([
      ['w', { x: 99, y: 98 }, false, 'node w'],
      ['late', fallbackPosition(1), true, 'node late'],
    ]);
    expect(nodes[0]?.data.problems.map((p) => p.code)).toEqual(['E007']);
    expect(nodes[1]?.measured).toEqual({ width: 184, height: 80 });
  });

  it('maps ports to handles and marks late and problem edges', () => {
    const [edge] = toFlowEdges(doc, { nodes: [], edges: ['e1'] }, byTarget.edges);
    expect(edge).toMatchObject({
      source: 'w',
      sourceHandle: 'late',
      target: 'late',
      targetHandle: 'in',
      selected: true,
      label: 'rebalance',
      className: 'edge--late edge--warning',
    });
    expect(edge?.data?.problems.map((p) => p.code)).toEqual(['W005']);
  });

  it('hands back the same node objects while nothing about them changed', () => {
    const describe = (n: { uid: string }) => n.uid;
    const derive = (selected: string[], found = byTarget.nodes, drag = {}) =>
      toFlowNodes(doc, { nodes: selected, edges: [] }, drag, {}, found, describe);
    const first = derive([]);
    expect(derive([])[1]).toBe(first[1]);
    const selectedOne = derive(['w']);
    expect(selectedOne[0]).not.toBe(first[0]);
    expect(selectedOne[0]?.data).toBe(first[0]?.data);
    expect(selectedOne[1]).toBe(first[1]);
    const dragged = derive(['w'], byTarget.nodes, { late: { x: 5, y: 5 } });
    expect(dragged[0]).toBe(selectedOne[0]);
    expect(dragged[1]?.position).toEqual({ x: 5, y: 5 });
    expect(derive([], new Map())[0]?.data).not.toBe(first[0]?.data);
  });
});
