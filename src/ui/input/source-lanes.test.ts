import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { laneSources, recordTimes } from './source-lanes';

const doc: PipelineDocument = {
  version: 1,
  name: 'lanes',
  nodes: [
    {
      uid: 'a',
      kind: 'source.list',
      params: {
        records: [{ t: 5, arrive: 9, user: 'x' }, { t: 7 }, 'junk'],
        timestampField: 't',
        arrivalField: 'arrive',
      },
    },
    { uid: 'b', kind: 'source.list', params: {} },
    { uid: 'gen', kind: 'source.generator', params: {} },
    { uid: 'm', kind: 'map', params: {} },
    { uid: 'k', kind: 'keyBy', params: { field: 'user' } },
    { uid: 'k2', kind: 'keyBy', params: { mode: 'code', code: '(r) => r.user' } },
    { uid: 'out', kind: 'sink', params: {} },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'm' },
    { id: 'e2', source: 'm', target: 'k' },
    { id: 'e3', source: 'b', target: 'k2' },
    { id: 'e4', source: 'k', target: 'out' },
  ],
};

describe('lane sources', () => {
  it('gives every list source a lane with its fields and the key of the KeyBy downstream', () => {
    const lanes = laneSources(doc);
    expect(lanes.map((l) => [l.node.uid, l.timestampField, l.arrivalField, l.keyField])).toEqual([
      ['a', 't', 'arrive', 'user'],
      ['b', 'ts', 'at', undefined],
    ]);
    expect(lanes[0].records).toHaveLength(2);
    expect(lanes[1].records).toEqual([]);
  });

  it('reads a record without an arrival as arriving at its event time', () => {
    const [lane] = laneSources(doc);
    expect(lane.records.map((r) => recordTimes(lane, r))).toEqual([
      { ts: 5, at: 9 },
      { ts: 7, at: 7 },
    ]);
  });
});
