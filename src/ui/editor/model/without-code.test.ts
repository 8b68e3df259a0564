import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { withoutCode } from './without-code';

describe('withoutCode', () => {
  it('drops exactly the listed code parameters and leaves other nodes alone', () => {
    const doc: PipelineDocument = {
      version: 1,
      name: 'p',
      nodes: [
        { uid: 'm', kind: 'map', params: { mode: 'code', code: 'r => fetch(r)' } },
        { uid: 'k', kind: 'keyBy', params: { field: 'user' } },
      ],
      edges: [],
    };
    const stripped = withoutCode(doc, [{ nodeUid: 'm', param: 'code' }]);
    expect(stripped.nodes[0]?.params).toEqual({ mode: 'code' });
    expect(stripped.nodes[1]).toBe(doc.nodes[1]);
    expect(doc.nodes[0]?.params.code).toBe('r => fetch(r)');
  });
});
