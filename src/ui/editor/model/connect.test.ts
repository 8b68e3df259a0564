import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { connectionOptions } from './connect';

const doc: PipelineDocument = {
  version: 1,
  name: 'p',
  nodes: [
    { uid: 'src', kind: 'source.generator', params: {} },
    { uid: 'win', kind: 'window', params: {} },
    { uid: 'out', kind: 'sink', params: {} },
    { uid: 'late', kind: 'sink', params: {} },
  ],
  edges: [{ id: 'e1', source: 'win', target: 'out' }],
};

const describeOptions = (uid: string) =>
  connectionOptions(doc, uid).map((o) => `${o.port}>${o.target.uid}`);

describe('connectionOptions', () => {
  it('offers every output port to every node that takes input, but not existing edges', () => {
    expect(describeOptions('win')).toEqual(['out>late', 'late>out', 'late>late']);
  });

  it('never offers a source as a target, nor the node itself', () => {
    expect(describeOptions('src')).toEqual(['out>win', 'out>out', 'out>late']);
  });

  it('offers nothing from a sink or an unknown node', () => {
    expect(describeOptions('out')).toEqual([]);
    expect(describeOptions('nope')).toEqual([]);
  });
});
