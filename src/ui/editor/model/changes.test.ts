import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  OperatorKind,
  PipelineDocument,
  PipelineEdge,
  PipelineNode,
} from '../../../engine/pipeline/document';
import { applyChange, isEmptyChange, type PipelineChange } from './changes';

const node = (
  uid: string,
  kind: OperatorKind,
  extra: Partial<PipelineNode> = {},
): PipelineNode => ({
  uid,
  kind,
  params: {},
  ...extra,
});
const edge = (id: string, source: string, target: string, extra: Partial<PipelineEdge> = {}) => ({
  id,
  source,
  target,
  ...extra,
});

const base: PipelineDocument = {
  version: 1,
  name: 'Clicks',
  nodes: [
    node('src', 'source.generator', { position: { x: 0, y: 0 } }),
    node('key', 'keyBy', { params: { field: 'user' }, position: { x: 200, y: 0 } }),
    node('win', 'window', { params: { sizeMs: 10_000 }, label: 'Per 10 s', parallelism: 2 }),
    node('out', 'sink'),
  ],
  edges: [edge('e1', 'src', 'key'), edge('e2', 'key', 'win'), edge('e3', 'win', 'out')],
};

/** Applies a change, checks that its inverse gives the original back, returns the new doc. */
function roundTrip(doc: PipelineDocument, change: PipelineChange): PipelineDocument {
  const applied = applyChange(doc, change);
  expect(applyChange(applied.doc, applied.inverse).doc).toEqual(doc);
  return applied.doc;
}

describe('applyChange', () => {
  it('adds nodes and edges at the end', () => {
    const doc = roundTrip(base, {
      type: 'addNodes',
      nodes: [node('map-1', 'map', { position: { x: 5, y: 6 } })],
      edges: [edge('e9', 'src', 'map-1')],
    });
    expect(doc.nodes.at(-1)?.uid).toBe('map-1');
    expect(doc.edges.at(-1)).toEqual(edge('e9', 'src', 'map-1'));
  });

  it('removes nodes with every edge that touches them, and puts them back in place', () => {
    const doc = roundTrip(base, { type: 'removeNodes', uids: ['key'] });
    expect(doc.nodes.map((n) => n.uid)).toEqual(['src', 'win', 'out']);
    expect(doc.edges.map((e) => e.id)).toEqual(['e3']);
    const undone = applyChange(
      doc,
      applyChange(base, { type: 'removeNodes', uids: ['key'] }).inverse,
    );
    expect(undone.doc.nodes.map((n) => n.uid)).toEqual(['src', 'key', 'win', 'out']);
    expect(undone.doc.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
  });

  it('moves nodes and clears positions', () => {
    const doc = roundTrip(base, {
      type: 'moveNodes',
      positions: { src: { x: 10, y: 20 }, key: null, win: { x: 1, y: 2 } },
    });
    expect(doc.nodes[0]?.position).toEqual({ x: 10, y: 20 });
    expect(doc.nodes[1]).not.toHaveProperty('position');
    expect(doc.nodes[2]?.position).toEqual({ x: 1, y: 2 });
  });

  it('sets a parameter and removes it back to the default', () => {
    const set = roundTrip(base, { type: 'setParam', uid: 'win', param: 'sizeMs', value: 5_000 });
    expect(set.nodes[2]?.params).toEqual({ sizeMs: 5_000 });
    const added = roundTrip(base, { type: 'setParam', uid: 'win', param: 'gapMs', value: 1 });
    expect(added.nodes[2]?.params).toEqual({ sizeMs: 10_000, gapMs: 1 });
    const cleared = roundTrip(base, {
      type: 'setParam',
      uid: 'win',
      param: 'sizeMs',
      value: undefined,
    });
    expect(cleared.nodes[2]?.params).toEqual({});
  });

  it('updates a label and parallelism, null meaning the default', () => {
    const doc = roundTrip(base, {
      type: 'updateNode',
      uid: 'win',
      patch: { label: null, parallelism: 4 },
    });
    expect(doc.nodes[2]).not.toHaveProperty('label');
    expect(doc.nodes[2]?.parallelism).toBe(4);
    const labelled = roundTrip(base, {
      type: 'updateNode',
      uid: 'src',
      patch: { label: 'Clicks' },
    });
    expect(labelled.nodes[0]?.label).toBe('Clicks');
    expect(labelled.nodes[0]).not.toHaveProperty('parallelism');
  });

  it('adds, removes and updates edges', () => {
    const added = roundTrip(base, {
      type: 'addEdge',
      edge: edge('e4', 'win', 'out', { sourcePort: 'late' }),
    });
    expect(added.edges).toHaveLength(4);
    const removed = roundTrip(base, { type: 'removeEdges', ids: ['e1', 'e3'] });
    expect(removed.edges.map((e) => e.id)).toEqual(['e2']);
    const updated = roundTrip(base, {
      type: 'updateEdge',
      id: 'e3',
      patch: { partitioning: 'rebalance', sourcePort: 'late', target: 'key' },
    });
    expect(updated.edges[2]).toEqual({
      id: 'e3',
      source: 'win',
      sourcePort: 'late',
      target: 'key',
      partitioning: 'rebalance',
    });
  });

  it('renames the pipeline and replaces the whole document', () => {
    expect(roundTrip(base, { type: 'renamePipeline', name: 'Sessions' }).name).toBe('Sessions');
    const other: PipelineDocument = { version: 1, name: 'Empty', nodes: [], edges: [] };
    expect(roundTrip(base, { type: 'replaceDocument', doc: other })).toBe(other);
  });

  it('applies a batch in order and undoes it in reverse', () => {
    const doc = roundTrip(base, {
      type: 'batch',
      changes: [
        { type: 'removeNodes', uids: ['key'] },
        { type: 'addEdge', edge: edge('e2', 'src', 'win') },
        { type: 'setParam', uid: 'win', param: 'sizeMs', value: 1 },
      ],
    });
    expect(doc.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['win>out', 'src>win']);
  });

  it('leaves the document alone for changes that name nothing', () => {
    const changes: PipelineChange[] = [
      { type: 'removeNodes', uids: ['nope'] },
      { type: 'removeEdges', ids: ['nope'] },
      { type: 'moveNodes', positions: { nope: { x: 1, y: 1 } } },
      { type: 'moveNodes', positions: { src: { x: 0, y: 0 }, out: null } },
      { type: 'setParam', uid: 'nope', param: 'x', value: 1 },
      { type: 'updateNode', uid: 'nope', patch: { label: 'x' } },
      { type: 'updateEdge', id: 'nope', patch: { partitioning: 'forward' } },
      { type: 'addNodes', nodes: [] },
    ];
    for (const change of changes) {
      const applied = applyChange(base, change);
      expect(applied.doc).toBe(base);
      expect(isEmptyChange(applied.inverse)).toBe(true);
    }
  });

  it('never mutates its input', () => {
    const frozen = structuredClone(base);
    deepFreeze(frozen);
    expect(() =>
      applyChange(frozen, {
        type: 'batch',
        changes: [
          { type: 'setParam', uid: 'win', param: 'sizeMs', value: 1 },
          { type: 'moveNodes', positions: { src: { x: 1, y: 1 } } },
          { type: 'updateNode', uid: 'win', patch: { label: 'x' } },
          { type: 'updateEdge', id: 'e1', patch: { partitioning: 'forward' } },
          { type: 'removeNodes', uids: ['out'] },
        ],
      }),
    ).not.toThrow();
    expect(frozen).toEqual(base);
  });
});

describe('applyChange over random edit sequences', () => {
  const kinds: OperatorKind[] = ['source.generator', 'map', 'keyBy', 'window', 'sink', 'union'];

  /** A change that fits the document, drawn from numbers so fast-check can shrink it. */
  function changeFor(doc: PipelineDocument, pick: number[], step: number): PipelineChange {
    const at = (n: number, length: number) => (pick[n] ?? 0) % Math.max(length, 1);
    const someNode = doc.nodes[at(1, doc.nodes.length)];
    const otherNode = doc.nodes[at(2, doc.nodes.length)];
    const someEdge = doc.edges[at(3, doc.edges.length)];
    const fresh = `n${step}`;
    switch ((pick[0] ?? 0) % 11) {
      case 0:
        return {
          type: 'addNodes',
          nodes: [
            node(fresh, kinds[at(4, kinds.length)] ?? 'map', { position: { x: step, y: 1 } }),
          ],
          edges: someNode ? [edge(`a${step}`, someNode.uid, fresh)] : [],
        };
      case 1:
        return { type: 'removeNodes', uids: someNode ? [someNode.uid] : [] };
      case 2:
        return {
          type: 'moveNodes',
          positions: someNode
            ? { [someNode.uid]: pick[4]! % 3 === 0 ? null : { x: pick[4]!, y: step } }
            : {},
        };
      case 3:
        return {
          type: 'setParam',
          uid: someNode?.uid ?? 'none',
          param: ['sizeMs', 'field', 'code'][at(4, 3)] ?? 'field',
          value: pick[5]! % 4 === 0 ? undefined : pick[5]! % 4 === 1 ? 'text' : pick[5]!,
        };
      case 4:
        return {
          type: 'updateNode',
          uid: someNode?.uid ?? 'none',
          patch:
            pick[4]! % 2 === 0
              ? { label: pick[5]! % 3 === 0 ? null : `L${pick[5]}` }
              : { parallelism: pick[5]! % 3 === 0 ? null : (pick[5]! % 8) + 1 },
        };
      case 5:
        return someNode && otherNode
          ? {
              type: 'addEdge',
              edge: edge(
                `c${step}`,
                someNode.uid,
                otherNode.uid,
                pick[4]! % 2 ? { sourcePort: 'late' } : {},
              ),
            }
          : { type: 'renamePipeline', name: `P${step}` };
      case 6:
        return { type: 'removeEdges', ids: someEdge ? [someEdge.id] : [] };
      case 7:
        return {
          type: 'updateEdge',
          id: someEdge?.id ?? 'none',
          patch: {
            partitioning: (['forward', 'rebalance', 'broadcast', null] as const)[at(4, 4)] ?? null,
            ...(otherNode && pick[5]! % 2 === 0 ? { target: otherNode.uid } : {}),
          },
        };
      case 8:
        return { type: 'renamePipeline', name: `P${step}` };
      case 9:
        return {
          type: 'replaceDocument',
          doc: { ...doc, nodes: doc.nodes.slice(1), edges: [] },
        };
      default:
        return {
          type: 'batch',
          changes: [
            { type: 'removeNodes', uids: someNode ? [someNode.uid] : [] },
            { type: 'renamePipeline', name: `B${step}` },
          ],
        };
    }
  }

  it('every change is undone by its inverse, and undoing a sequence backwards gives the start', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }), {
          maxLength: 40,
        }),
        (picks) => {
          const history: { before: PipelineDocument; inverse: PipelineChange }[] = [];
          let doc = base;
          picks.forEach((pick, step) => {
            const change = changeFor(doc, pick, step);
            const applied = applyChange(doc, change);
            expect(applyChange(applied.doc, applied.inverse).doc).toEqual(doc);
            history.push({ before: doc, inverse: applied.inverse });
            doc = applied.doc;
          });
          for (const { before, inverse } of history.reverse()) {
            doc = applyChange(doc, inverse).doc;
            expect(doc).toEqual(before);
          }
          expect(doc).toEqual(base);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('redoing an undone change gives the same document again', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }), (pick) => {
        const change = changeFor(base, pick, 0);
        const applied = applyChange(base, change);
        const undone = applyChange(applied.doc, applied.inverse);
        expect(applyChange(undone.doc, undone.inverse).doc).toEqual(applied.doc);
      }),
    );
  });
});

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object') return;
  Object.freeze(value);
  for (const inner of Object.values(value)) deepFreeze(inner);
}
