import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineNode } from '../../engine/pipeline/document';
import { autoLayout, DEFAULT_NODE_SIZE, type Position, type Size } from './auto-layout';

const example = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

/** Two sources, a union, a fan-out to three branches, a dangling edge and a loose node. */
function branching(): PipelineDocument {
  const node = (uid: string, kind: PipelineNode['kind']): PipelineNode => ({
    uid,
    kind,
    params: {},
  });
  const edge = (source: string, target: string, sourcePort?: string) => ({
    id: `${source}->${target}${sourcePort ?? ''}`,
    source,
    target,
    ...(sourcePort ? { sourcePort } : {}),
  });
  return {
    version: 1,
    name: 'branching',
    nodes: [
      node('out-b', 'sink'),
      node('a', 'source.generator'),
      node('b', 'source.list'),
      node('u', 'union'),
      node('k', 'keyBy'),
      node('w1', 'window'),
      node('w2', 'window'),
      node('all', 'windowAll'),
      node('out-a', 'sink'),
      node('late', 'sink'),
      node('loose', 'map'),
    ],
    edges: [
      edge('a', 'u'),
      edge('b', 'u'),
      edge('u', 'k'),
      edge('k', 'w1'),
      edge('k', 'w2'),
      edge('u', 'all'),
      edge('w1', 'out-a'),
      edge('w1', 'late', 'late'),
      edge('w2', 'out-b'),
      edge('all', 'out-b'),
      edge('w2', 'nowhere'),
    ],
  };
}

const sizesFor = (doc: PipelineDocument): Record<string, Size> =>
  Object.fromEntries(
    doc.nodes.map((n, i) => [n.uid, { width: 160 + (i % 3) * 70, height: 60 + (i % 4) * 30 }]),
  );

function boxes(positions: Record<string, Position>, sizes: Record<string, Size> = {}) {
  return Object.entries(positions).map(([uid, { x, y }]) => {
    const { width, height } = sizes[uid] ?? DEFAULT_NODE_SIZE;
    return { uid, left: x, top: y, right: x + width, bottom: y + height };
  });
}

describe('autoLayout', () => {
  it.each([
    ['the clickstream example', example, {}],
    ['a branching pipeline', branching(), {}],
    ['a branching pipeline of measured nodes', branching(), sizesFor(branching())],
  ])('places every node of %s, sources left of their targets', (_, doc, sizes) => {
    const positions = autoLayout(doc, sizes);
    expect(Object.keys(positions).sort()).toEqual(doc.nodes.map((n) => n.uid).sort());
    const box = new Map(boxes(positions, sizes).map((b) => [b.uid, b]));
    for (const edge of doc.edges) {
      const from = box.get(edge.source);
      const to = box.get(edge.target);
      if (from === undefined || to === undefined) continue;
      expect(from.right, `${edge.source} -> ${edge.target}`).toBeLessThan(to.left);
    }
  });

  it.each([
    ['default sizes', {}],
    ['measured sizes', sizesFor(branching())],
  ])('never overlaps two nodes (%s)', (_, sizes) => {
    const all = boxes(autoLayout(branching(), sizes), sizes);
    for (const [i, a] of all.entries()) {
      for (const b of all.slice(i + 1)) {
        const apart =
          a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        expect(apart, `${a.uid} and ${b.uid}`).toBe(true);
      }
    }
  });

  it('is deterministic', () => {
    const first = autoLayout(branching());
    for (let i = 0; i < 3; i++) expect(autoLayout(branching())).toEqual(first);
    expect(autoLayout(example)).toEqual(autoLayout(structuredClone(example)));
  });

  it('ignores the positions the document already has', () => {
    const moved = {
      ...example,
      nodes: example.nodes.map((n, i) => ({ ...n, position: { x: -i * 500, y: i * 37 } })),
    };
    expect(autoLayout(moved)).toEqual(autoLayout(example));
  });

  it('lays out an empty pipeline and a single node', () => {
    expect(autoLayout({ ...example, nodes: [], edges: [] })).toEqual({});
    const one = autoLayout({ ...example, nodes: [example.nodes[0]], edges: [] });
    expect(Object.values(one)).toEqual([{ x: 0, y: 0 }]);
  });

  it('still places every node of a pipeline with a cycle', () => {
    const cyclic = branching();
    cyclic.edges.push({ id: 'back', source: 'w1', target: 'k' });
    const positions = autoLayout(cyclic);
    expect(Object.keys(positions)).toHaveLength(cyclic.nodes.length);
    for (const { x, y } of Object.values(positions)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
  });
});
