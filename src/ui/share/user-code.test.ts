import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { userCodeIn } from './user-code';

const doc: PipelineDocument = {
  version: 1,
  name: 'code everywhere',
  nodes: [
    { uid: 'src', kind: 'source.generator', params: {} },
    { uid: 'map-code', kind: 'map', params: { mode: 'code', code: '(r) => ({ ...r, x: 1 })' } },
    // Assign mode (the default) runs the expression; the stale code is not used.
    { uid: 'map-expr', kind: 'map', params: { expression: 'r.value + 1', code: '(r) => r' } },
    { uid: 'map-default', kind: 'map', params: { field: 'doubled' } },
    { uid: 'filter-code', kind: 'filter', params: { mode: 'code', code: '(r) => r.ok' } },
    // Compare mode runs no code, whatever is left in the code parameter.
    { uid: 'filter-compare', kind: 'filter', params: { mode: 'compare', code: '(r) => evil()' } },
    { uid: 'key', kind: 'keyBy', params: { mode: 'code', code: '(r) => r.user' } },
    {
      uid: 'win',
      kind: 'window',
      params: { aggregate: 'reduce', reduce: '(a, b) => b' },
    },
    { uid: 'win-count', kind: 'window', params: { aggregate: 'count', reduce: '(a, b) => a' } },
    { uid: 'odd', kind: 'map', params: { mode: 'code', code: 42 } },
    { uid: 'out', kind: 'sink', params: { name: 'out' } },
  ],
  edges: [],
};

describe('userCodeIn', () => {
  it('lists the functions and expressions that would run, and only those', () => {
    expect(userCodeIn(doc)).toEqual([
      { nodeUid: 'map-code', param: 'code', code: '(r) => ({ ...r, x: 1 })' },
      { nodeUid: 'map-expr', param: 'expression', code: 'r.value + 1' },
      { nodeUid: 'filter-code', param: 'code', code: '(r) => r.ok' },
      { nodeUid: 'key', param: 'code', code: '(r) => r.user' },
      { nodeUid: 'win', param: 'reduce', code: '(a, b) => b' },
    ]);
  });

  it('finds nothing in a pipeline without user code', () => {
    const plain: PipelineDocument = {
      ...doc,
      nodes: doc.nodes.filter((n) =>
        ['src', 'map-default', 'filter-compare', 'out'].includes(n.uid),
      ),
    };
    expect(userCodeIn(plain)).toEqual([]);
  });

  it('skips kinds it does not know rather than failing', () => {
    const unknown = {
      ...doc,
      nodes: [{ uid: 'x', kind: 'script', params: { code: '() => 1' } }],
    } as unknown as PipelineDocument;
    expect(userCodeIn(unknown)).toEqual([]);
  });
});
