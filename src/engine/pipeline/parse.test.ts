import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PIPELINE_VERSION, type PipelineDocument } from './document';
import { parsePipeline } from './parse';
import type { Problem } from './problems';

const valid: PipelineDocument = {
  version: PIPELINE_VERSION,
  name: 'Clicks per user',
  nodes: [
    {
      uid: 'clicks',
      kind: 'source.generator',
      label: 'Clicks',
      params: { generator: 'clickstream', count: 100 },
      position: { x: 0, y: 0 },
    },
    { uid: 'byUser', kind: 'keyBy', params: { field: 'user' }, parallelism: 2 },
    { uid: 'perMinute', kind: 'window', params: { sizeMs: 60_000 }, parallelism: 2 },
    { uid: 'out', kind: 'sink', params: {} },
  ],
  edges: [
    { id: 'e1', source: 'clicks', target: 'byUser', sourcePort: 'out', partitioning: 'rebalance' },
    { id: 'e2', source: 'byUser', target: 'perMinute' },
    { id: 'e3', source: 'perMinute', target: 'out' },
  ],
};

/** The valid document with `change` applied to a copy, as text. */
const variant = (change: (doc: Record<string, unknown> & PipelineDocument) => void): string => {
  const doc = structuredClone(valid) as Record<string, unknown> & PipelineDocument;
  change(doc);
  return JSON.stringify(doc, null, 2);
};

const failure = (text: string): Problem[] => {
  const result = parsePipeline(text);
  expect(result.ok).toBe(false);
  return result.problems;
};

describe('parsePipeline', () => {
  it('reads a valid document', () => {
    const result = parsePipeline(JSON.stringify(valid));
    expect(result).toEqual({ ok: true, doc: valid, problems: [] });
  });

  it('reads a document that has validation problems, and reports them', () => {
    const result = parsePipeline(variant((d) => d.edges.splice(1, 1)));
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => p.code)).toEqual(['E004', 'W001']);
  });

  it('E018: JSON syntax error, with line and column', () => {
    const problems = failure('{\n  "version": 1,\n  "name": "x",,\n}');
    expect(problems).toEqual([expect.objectContaining({ code: 'E018', severity: 'error' })]);
    expect(problems[0].message).toMatch(
      /^The file is not valid JSON at line 3, column 15: .+\. Fix the syntax there\.$/,
    );
    expect(failure('')[0].message).toContain('at line 1, column 1');
    expect(failure('{"a": tru}')[0].code).toBe('E018');
  });

  it('E016: not a pipeline document', () => {
    for (const text of ['[]', '42', 'null', '"pipeline"', '{"name": "x"}']) {
      const problems = failure(text);
      expect(problems, text).toEqual([expect.objectContaining({ code: 'E016' })]);
    }
    expect(failure('[]')[0].message).toContain('the file holds an array');
  });

  it('E016: unsupported version, without further noise', () => {
    const problems = failure(variant((d) => Object.assign(d, { version: 2, extra: true })));
    expect(problems).toEqual([expect.objectContaining({ code: 'E016' })]);
    expect(problems[0].message).toBe(
      'Not a Tidemark pipeline document (its version is 2): expected a JSON object with "version": 1, "name", "nodes" and "edges".',
    );
  });

  it('E017: unknown field on the document, a node or an edge', () => {
    const problems = failure(
      variant((d) => {
        d.author = 'me';
        Object.assign(d.nodes[1], { parallel: 2 });
        Object.assign(d.edges[0], { targetPort: 'in' });
      }),
    );
    expect(problems.map((p) => [p.code, p.nodeUid, p.edgeId])).toEqual([
      ['E017', undefined, undefined],
      ['E017', 'byUser', undefined],
      ['E017', undefined, 'e1'],
    ]);
    expect(problems[1].message).toBe(
      "Node 'byUser' has an unknown field 'parallel': remove it (allowed fields: 'uid', 'kind', 'label', 'params', 'parallelism', 'position').",
    );
  });

  it('E019: fields of the wrong type or missing', () => {
    const problems = failure(
      variant((d) => {
        Object.assign(d, { name: 7 });
        Object.assign(d.nodes[0], { uid: '', params: [], position: { x: 1 } });
        Object.assign(d.nodes[1], { label: null });
        Object.assign(d.edges[0], { partitioning: 'hash', sourcePort: 1 });
        Reflect.deleteProperty(d.edges[1], 'target');
      }),
    );
    expect(problems.map((p) => p.code)).toEqual(Array(8).fill('E019'));
    expect(problems.map((p) => p.message)).toContain(
      "Edge 'e1' field 'partitioning' is \"hash\": it must be 'forward', 'rebalance' or 'broadcast', or left out.",
    );
    expect(problems.map((p) => p.message)).toContain(
      'Node nodes[0] field \'uid\' is "": it must be non-empty text.',
    );
  });

  it('E019: nodes and edges must be lists of objects', () => {
    expect(failure(variant((d) => Object.assign(d, { nodes: {} })))[0].code).toBe('E019');
    expect(failure(variant((d) => d.edges.push(null as never)))[0].message).toContain('edges[3]');
  });

  it('E001: unknown kind is a structural error', () => {
    const problems = failure(variant((d) => Object.assign(d.nodes[3], { kind: 'print' })));
    expect(problems).toEqual([expect.objectContaining({ code: 'E001', nodeUid: 'out' })]);
  });

  it('E013: non-numeric parallelism', () => {
    const problems = failure(variant((d) => Object.assign(d.nodes[1], { parallelism: '2' })));
    expect(problems).toEqual([
      expect.objectContaining({ code: 'E013', nodeUid: 'byUser', param: 'parallelism' }),
    ]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        (text) => {
          const result = parsePipeline(text);
          expect(result.ok || result.problems.length > 0).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on documents with arbitrary nodes and edges', () => {
    const doc = fc.record({
      version: fc.constant(PIPELINE_VERSION),
      name: fc.string(),
      nodes: fc.array(fc.oneof(fc.jsonValue(), fc.constant(valid.nodes[2]))),
      edges: fc.array(fc.oneof(fc.jsonValue(), fc.constant(valid.edges[1]))),
    });
    fc.assert(
      fc.property(doc, (d) => {
        expect(() => parsePipeline(JSON.stringify(d))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});

describe('parsePipeline: scripted input', () => {
  it('reads a script and reports a bad step with its number and the fix', () => {
    const text = variant((doc) => {
      doc.nodes[0] = {
        uid: 'clicks',
        kind: 'source.script',
        params: {
          steps: [
            { add: [{ user: 'a', ts: 5 }] },
            { advanceWatermark: 10 },
            { advanceWatermark: 4 },
          ],
        },
      };
    });
    const result = parsePipeline(text);
    expect(result.ok).toBe(true);
    expect(result.problems.map((p) => [p.code, p.nodeUid, p.param, p.message])).toEqual([
      [
        'E024',
        'clicks',
        'steps',
        "Scripted input 'clicks': step 3 advances the watermark to 4 ms, but it is already at 10 ms: a watermark only rises, so set it above 10 ms.",
      ],
    ]);
  });
});
