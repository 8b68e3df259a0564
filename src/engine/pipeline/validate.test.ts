import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PIPELINE_VERSION,
  type JsonValue,
  type OperatorKind,
  type PipelineDocument,
  type PipelineEdge,
  type PipelineNode,
} from './document';
import type { Problem, ProblemCode } from './problems';
import { operatorRegistry } from './registry';
import { hasErrors, validatePipeline } from './validate';

const node = (
  uid: string,
  kind: OperatorKind,
  params: Record<string, JsonValue> = {},
  extra: Partial<PipelineNode> = {},
): PipelineNode => ({ uid, kind, params, ...extra });

const edge = (source: string, target: string, extra: Partial<PipelineEdge> = {}): PipelineEdge => ({
  id: `${source}-${extra.sourcePort ?? 'out'}-${target}`,
  source,
  target,
  ...extra,
});

const pipeline = (nodes: PipelineNode[], edges: PipelineEdge[]): PipelineDocument => ({
  version: PIPELINE_VERSION,
  name: 'test',
  nodes,
  edges,
});

/** generator → map → keyBy → window → sink, with the window's late records to a second sink. */
const valid = (): PipelineDocument =>
  pipeline(
    [
      node('gen', 'source.generator', { generator: 'sensor', count: null }),
      node('double', 'map', { mode: 'assign', field: 'value', expression: 'r.value * 2' }),
      node('byKey', 'keyBy', { field: 'key' }),
      node('win', 'window', { assigner: 'sliding', sizeMs: 10_000, slideMs: 5_000 }),
      node('results', 'sink'),
      node('lateRecords', 'sink', { name: 'late' }),
    ],
    [
      edge('gen', 'double'),
      edge('double', 'byKey'),
      edge('byKey', 'win'),
      edge('win', 'results'),
      edge('win', 'lateRecords', { sourcePort: 'late' }),
    ],
  );

/** `subject` fed by a source (unless it is one) and feeding a sink: only it can be at fault. */
const around = (subject: PipelineNode): PipelineDocument =>
  subject.kind.startsWith('source.')
    ? pipeline([subject, node('snk', 'sink')], [edge(subject.uid, 'snk')])
    : pipeline(
        [node('src', 'source.list'), subject, node('snk', 'sink')],
        [edge('src', subject.uid), edge(subject.uid, 'snk')],
      );

const keyedWindow = (params: Record<string, JsonValue>): PipelineDocument =>
  pipeline(
    [
      node('src', 'source.list'),
      node('k', 'keyBy'),
      node('w', 'window', params),
      node('snk', 'sink'),
    ],
    [edge('src', 'k'), edge('k', 'w'), edge('w', 'snk')],
  );

const codes = (problems: readonly Problem[]): ProblemCode[] => problems.map((p) => p.code);
const only = (problems: readonly Problem[], code: ProblemCode) =>
  problems.filter((p) => p.code === code);

describe('validatePipeline', () => {
  it('finds nothing wrong with a complete keyed pipeline', () => {
    expect(validatePipeline(valid())).toEqual([]);
  });

  it('flags the window once the keyBy is removed', () => {
    const doc = valid();
    doc.nodes = doc.nodes.filter((n) => n.uid !== 'byKey');
    doc.edges = doc.edges.filter((e) => e.source !== 'byKey' && e.target !== 'byKey');
    doc.edges.push(edge('double', 'win'));
    const problems = validatePipeline(doc);
    expect(problems).toEqual([
      {
        code: 'E007',
        severity: 'error',
        nodeUid: 'win',
        message:
          "Window 'win' needs a keyed input: add a KeyBy directly before it, or use WindowAll.",
        params: { node: { type: 'node', kind: 'window', uid: 'win' } },
      },
    ]);
  });

  it('names a labelled node by label, kind and uid', () => {
    const problems = validatePipeline(pipeline([node('m1', 'map', {}, { label: 'Double' })], []));
    expect(only(problems, 'E004')[0].message).toBe(
      "Map 'Double' (uid 'm1') has no input: connect an upstream operator.",
    );
  });

  describe('graph', () => {
    it('E001: unknown operator kind', () => {
      const problems = validatePipeline(around(node('x', 'reduce' as OperatorKind)));
      expect(only(problems, 'E001')).toHaveLength(1);
      expect(only(problems, 'E001')[0]).toMatchObject({ nodeUid: 'x', severity: 'error' });
      expect(only(problems, 'E001')[0].message).toContain("unknown operator kind 'reduce'");
    });

    it('E002: duplicate node uids and edge ids', () => {
      const doc = around(node('m', 'map'));
      doc.nodes.push(node('m', 'filter'));
      doc.edges.push({ ...doc.edges[0] });
      const problems = only(validatePipeline(doc), 'E002');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatchObject({ nodeUid: 'm' });
      expect(problems[0].message).toBe("The node uid 'm' is used 2 times: make each one unique.");
      expect(problems[1]).toMatchObject({ edgeId: 'src-out-m' });
    });

    it('E003: edge to or from a missing node', () => {
      const doc = around(node('m', 'map'));
      doc.edges.push(edge('ghost', 'snk'));
      const problems = only(validatePipeline(doc), 'E003');
      expect(problems).toEqual([expect.objectContaining({ edgeId: 'ghost-out-snk' })]);
      expect(problems[0].message).toContain("source 'ghost', which is not a node");
    });

    it('E004: unconnected input, also on a union', () => {
      const doc = pipeline(
        [node('m1', 'map'), node('u', 'union'), node('s1', 'sink'), node('s2', 'sink')],
        [edge('m1', 's1'), edge('u', 's2')],
      );
      const problems = only(validatePipeline(doc), 'E004');
      expect(problems.map((p) => p.nodeUid)).toEqual(['m1', 'u']);
      expect(problems[0].message).toBe("Map 'm1' has no input: connect an upstream operator.");
    });

    it('E005: two inputs on a single-input operator, but not on a union', () => {
      const doc = pipeline(
        [
          node('a', 'source.list'),
          node('b', 'source.list'),
          node('m', 'map'),
          node('u', 'union'),
          node('snk', 'sink'),
          node('snk2', 'sink'),
        ],
        [
          edge('a', 'm'),
          edge('b', 'm'),
          edge('a', 'u'),
          edge('b', 'u'),
          edge('m', 'snk'),
          edge('u', 'snk2'),
        ],
      );
      const problems = validatePipeline(doc);
      expect(codes(problems)).toEqual(['E005']);
      expect(problems[0].message).toContain('Union');
    });

    it('E006: a cycle, named node by node', () => {
      const doc = pipeline(
        [
          node('src', 'source.list'),
          node('u', 'union'),
          node('m', 'map'),
          node('f', 'filter'),
          node('snk', 'sink'),
        ],
        [edge('src', 'u'), edge('u', 'm'), edge('m', 'f'), edge('f', 'u'), edge('f', 'snk')],
      );
      const problems = validatePipeline(doc);
      expect(codes(problems)).toEqual(['E006']);
      expect(problems[0].message).toContain("through Union 'u', Map 'm', Filter 'f'");
    });

    it('E006: a self-loop', () => {
      const doc = pipeline(
        [node('src', 'source.list'), node('u', 'union'), node('snk', 'sink')],
        [edge('src', 'u'), edge('u', 'u'), edge('u', 'snk')],
      );
      expect(only(validatePipeline(doc), 'E006')).toEqual([
        expect.objectContaining({ nodeUid: 'u' }),
      ]);
    });

    it('E006: a long chain does not overflow the stack', () => {
      const nodes = [node('src', 'source.list')];
      const edges: PipelineEdge[] = [];
      for (let i = 0; i < 20_000; i++) {
        nodes.push(node(`m${i}`, 'map'));
        edges.push(edge(i === 0 ? 'src' : `m${i - 1}`, `m${i}`));
      }
      nodes.push(node('snk', 'sink'));
      edges.push(edge('m19999', 'snk'));
      expect(validatePipeline(pipeline(nodes, edges))).toEqual([]);
    });
  });

  describe('keyed windows (E007)', () => {
    const windowAfter = (chain: PipelineNode[], kind: OperatorKind = 'window') => {
      const uids = ['src', ...chain.map((n) => n.uid), 'w', 'snk'];
      return pipeline(
        [node('src', 'source.list'), ...chain, node('w', kind), node('snk', 'sink')],
        uids.slice(1).map((uid, i) => edge(uids[i], uid)),
      );
    };

    it('is keyed right after a KeyBy', () => {
      expect(validatePipeline(windowAfter([node('k', 'keyBy')]))).toEqual([]);
    });

    it('is not keyed after a map that follows the KeyBy', () => {
      const problems = validatePipeline(windowAfter([node('k', 'keyBy'), node('m', 'map')]));
      expect(problems).toEqual([expect.objectContaining({ code: 'E007', nodeUid: 'w' })]);
    });

    it('is not keyed straight from a source', () => {
      expect(codes(validatePipeline(windowAfter([])))).toEqual(['E007']);
    });

    it('is not keyed after a union of keyed streams', () => {
      const doc = pipeline(
        [
          node('a', 'source.list'),
          node('b', 'source.list'),
          node('ka', 'keyBy'),
          node('kb', 'keyBy'),
          node('u', 'union'),
          node('w', 'window'),
          node('snk', 'sink'),
        ],
        [
          edge('a', 'ka'),
          edge('b', 'kb'),
          edge('ka', 'u'),
          edge('kb', 'u'),
          edge('u', 'w'),
          edge('w', 'snk'),
        ],
      );
      expect(codes(validatePipeline(doc))).toEqual(['E007']);
    });

    it('does not apply to WindowAll', () => {
      expect(validatePipeline(windowAfter([], 'windowAll'))).toEqual([]);
    });
  });

  describe('parameters', () => {
    const paramProblems = (kind: OperatorKind, params: Record<string, JsonValue>) =>
      validatePipeline(around(node('n', kind, params)));

    it('E008: duration below its minimum, with units', () => {
      const problems = validatePipeline(keyedWindow({ sizeMs: -5 }));
      expect(problems).toEqual([
        {
          code: 'E008',
          severity: 'error',
          nodeUid: 'w',
          param: 'sizeMs',
          message:
            "Window 'w': Size ('sizeMs') is -5 ms. Set it to a whole number of milliseconds, at least 1 ms.",
          params: {
            node: { type: 'node', kind: 'window', uid: 'w' },
            param: { type: 'param', kind: 'window', name: 'sizeMs' },
            value: { type: 'value', text: '-5', unit: 'ms' },
            allowed: { type: 'expected', rule: 'number', number: 'ms', min: 1, nullable: false },
          },
        },
      ]);
    });

    it('E008: durations are whole milliseconds', () => {
      expect(codes(validatePipeline(keyedWindow({ gapMs: 1.5, assigner: 'session' })))).toEqual([
        'E008',
      ]);
    });

    it('E008: integer, number range, enum, boolean, string', () => {
      const cases: [OperatorKind, Record<string, JsonValue>, string][] = [
        ['source.generator', { keys: 2.5 }, 'a whole number, at least 1'],
        ['source.generator', { keys: null }, 'a whole number, at least 1'],
        ['source.generator', { lateFraction: 2 }, 'a number from 0 to 1'],
        ['source.generator', { ratePerSecond: '10' }, 'a number, at least 0.001'],
        ['source.generator', { generator: 'stocks' }, "one of 'clickstream', 'sensor'"],
        ['map', { field: 7 }, 'text'],
        ['map', { mode: 'code', code: 42 }, 'a function as text, like (r) => record'],
      ];
      for (const [kind, params, allowed] of cases) {
        const problems = only(validatePipeline(around(node('n', kind, params))), 'E008');
        expect(problems, JSON.stringify(params)).toHaveLength(1);
        expect(problems[0].message).toContain(`Set it to ${allowed}.`);
        expect(problems[0].param).toBe(Object.keys(params).at(-1));
      }
      const lateOutput = only(validatePipeline(keyedWindow({ lateOutput: 'yes' })), 'E008');
      expect(lateOutput[0].message).toContain('is "yes". Set it to true or false.');
    });

    it('E008: nullable values accept null', () => {
      expect(paramProblems('source.generator', { count: null, idleTimeoutMs: null })).toEqual([]);
    });

    it('E008: json accepts any JSON value but null unless nullable', () => {
      for (const value of [0, 'a', true, [1, { a: [] }], { deep: { er: 1 } }]) {
        expect(paramProblems('filter', { value })).toEqual([]);
      }
      expect(codes(paramProblems('filter', { value: null }))).toEqual(['E008']);
      const notJson = [undefined, Number.NaN, new Map()] as unknown as JsonValue[];
      for (const value of notJson)
        expect(codes(paramProblems('filter', { value }))).toEqual(['E008']);
    });

    it('E008: records must be a list of objects', () => {
      expect(paramProblems('source.list', { records: [{ ts: 1, at: 1, key: 'a' }] })).toEqual([]);
      for (const records of [{}, [1], [[]], [null], 'x']) {
        const problems = paramProblems('source.list', { records });
        expect(codes(problems)).toEqual(['E008']);
        expect(problems[0].message).toContain('a list of records, each a JSON object');
      }
    });

    it('E008: a long records list is checked without overflowing', () => {
      const records = Array.from({ length: 200_000 }, (_, i) => ({ ts: i, at: i }));
      expect(paramProblems('source.list', { records })).toEqual([]);
    });

    it('E008: values of parameters that do not apply are not checked', () => {
      expect(validatePipeline(keyedWindow({ assigner: 'tumbling', slideMs: 'soon' }))).toEqual([]);
      expect(paramProblems('map', { mode: 'assign', code: 17 })).toEqual([]);
    });

    it('E009: unknown parameter, with the closest known name', () => {
      const problems = validatePipeline(keyedWindow({ sizems: 1000 }));
      expect(problems).toEqual([expect.objectContaining({ code: 'E009', param: 'sizems' })]);
      expect(problems[0].message).toBe(
        "Window 'w' has no parameter 'sizems': did you mean 'sizeMs'? Rename or remove it.",
      );
    });

    it('E009: unknown parameter without a close name lists the known ones', () => {
      const problems = paramProblems('map', { partitioner: 'hash' });
      expect(codes(problems)).toEqual(['E009']);
      expect(problems[0].message).toContain(
        "(known parameters: 'mode', 'field', 'expression', 'code')",
      );
      expect(codes(paramProblems('union', { x: 1 }))).toEqual(['E009']);
    });

    it('E014: sliding window whose slide exceeds its size', () => {
      const problems = validatePipeline(
        keyedWindow({ assigner: 'sliding', sizeMs: 1000, slideMs: 2000 }),
      );
      expect(problems).toEqual([expect.objectContaining({ code: 'E014', param: 'slideMs' })]);
      expect(problems[0].message).toContain('make the slide at most the size');
    });

    it('E014: |offset| must be below the size (tumbling) or the slide (sliding)', () => {
      const bad: Record<string, JsonValue>[] = [
        { assigner: 'tumbling', sizeMs: 1000, offsetMs: 1000 },
        { assigner: 'tumbling', sizeMs: 1000, offsetMs: -1000 },
        { assigner: 'sliding', sizeMs: 1000, slideMs: 500, offsetMs: 500 },
      ];
      for (const params of bad) {
        expect(validatePipeline(keyedWindow(params))).toEqual([
          expect.objectContaining({ code: 'E014', param: 'offsetMs' }),
        ]);
      }
      const good: Record<string, JsonValue>[] = [
        { assigner: 'tumbling', sizeMs: 1000, offsetMs: -999 },
        { assigner: 'sliding', sizeMs: 1000, slideMs: 500, offsetMs: 499 },
        { assigner: 'session', offsetMs: 1_000_000 },
      ];
      for (const params of good) expect(validatePipeline(keyedWindow(params))).toEqual([]);
      const message = validatePipeline(keyedWindow({ sizeMs: 1000, offsetMs: 1500 }))[0].message;
      expect(message).toContain('set it between -999 and 999 ms');
    });

    it('E015: code and expressions that do not compile', () => {
      const expression = paramProblems('map', { expression: 'r.value *' });
      expect(expression).toEqual([
        expect.objectContaining({ code: 'E015', nodeUid: 'n', param: 'expression' }),
      ]);
      expect(expression[0].message).toMatch(
        /^Map 'n': Expression \('expression'\) does not compile \(.+\): fix the syntax\.$/,
      );
      expect(codes(paramProblems('filter', { mode: 'code', code: '(r) => {' }))).toEqual(['E015']);
      expect(codes(paramProblems('flatMap', { code: '' }))).toEqual(['E015']);
      // Text that closes the wrapper early to smuggle in statements is not one expression.
      expect(codes(paramProblems('map', { expression: '1); (2' }))).toEqual(['E015']);
      expect(
        paramProblems('map', { mode: 'code', code: '(r) => ({ ...r, n: [r.a] }) // copy' }),
      ).toEqual([]);
    });

    it('E015: compiles without running', () => {
      const ran = '(globalThis.tidemarkRan = true)';
      expect(paramProblems('map', { expression: ran })).toEqual([]);
      expect('tidemarkRan' in globalThis).toBe(false);
    });
  });

  describe('ports and edges', () => {
    it('E010: unknown output port', () => {
      const doc = around(node('m', 'map'));
      doc.edges[1].sourcePort = 'late';
      const problems = validatePipeline(doc);
      expect(codes(problems)).toEqual(['E010', 'W001']); // errors first
      expect(problems[0].message).toContain("from port 'late', which it does not have: use 'out'");
    });

    it('E011: edge into a source', () => {
      const doc = valid();
      doc.nodes.push(node('other', 'source.list'));
      doc.edges.push(edge('other', 'gen'));
      expect(validatePipeline(doc)).toEqual([
        expect.objectContaining({ code: 'E011', edgeId: 'other-out-gen' }),
      ]);
    });

    it('E012: edge out of a sink', () => {
      const doc = valid();
      doc.nodes.push(node('m2', 'map'), node('snk2', 'sink'));
      doc.edges.push(edge('results', 'm2'), edge('m2', 'snk2'));
      const problems = validatePipeline(doc);
      expect(problems).toEqual([
        expect.objectContaining({ code: 'E012', edgeId: 'results-out-m2' }),
      ]);
      expect(problems[0].message).toContain('a sink has no output: delete the edge');
    });

    it('E020: forward partitioning between different parallelisms', () => {
      const doc = around(node('m', 'map', {}, { parallelism: 4 }));
      doc.nodes[0].parallelism = 2;
      doc.edges[0].partitioning = 'forward';
      expect(codes(validatePipeline(doc))).toEqual(['E020']);
      doc.edges[0].partitioning = 'rebalance';
      expect(validatePipeline(doc)).toEqual([]);
      doc.edges[0].partitioning = 'forward';
      delete doc.nodes[0].parallelism; // the job's default decides: may well match
      expect(validatePipeline(doc)).toEqual([]);
    });

    it('E021: partitioning on an edge leaving a KeyBy', () => {
      const doc = valid();
      doc.edges[2].partitioning = 'rebalance';
      const problems = validatePipeline(doc);
      expect(problems).toEqual([
        expect.objectContaining({ code: 'E021', edgeId: doc.edges[2].id }),
      ]);
    });
  });

  describe('parallelism', () => {
    it('E013: not a whole number from 1 to 128', () => {
      for (const parallelism of [0, -1, 1.5, 129, Number.NaN]) {
        const problems = validatePipeline(around(node('m', 'map', {}, { parallelism })));
        expect(problems).toEqual([
          expect.objectContaining({ code: 'E013', nodeUid: 'm', param: 'parallelism' }),
        ]);
      }
      for (const parallelism of [1, 128]) {
        expect(validatePipeline(around(node('m', 'map', {}, { parallelism })))).toEqual([]);
      }
    });

    it('W004: WindowAll with parallelism above 1 runs with 1', () => {
      const problems = validatePipeline(around(node('w', 'windowAll', {}, { parallelism: 4 })));
      expect(problems).toEqual([
        expect.objectContaining({ code: 'W004', severity: 'warning', nodeUid: 'w' }),
      ]);
      expect(problems[0].message).toContain('it will run with 1');
    });
  });

  describe('warnings', () => {
    it('W001: output not connected', () => {
      const doc = pipeline([node('src', 'source.list'), node('m', 'map')], [edge('src', 'm')]);
      const problems = validatePipeline(doc);
      expect(problems).toEqual([expect.objectContaining({ code: 'W001', nodeUid: 'm' })]);
      expect(hasErrors(problems)).toBe(false);
    });

    it("W001: a window whose late port is connected but whose main output isn't", () => {
      const doc = valid();
      doc.edges = doc.edges.filter((e) => e.target !== 'results');
      doc.nodes = doc.nodes.filter((n) => n.uid !== 'results');
      expect(codes(validatePipeline(doc))).toEqual(['W001']);
    });

    it('W002: source with no downstream', () => {
      const problems = validatePipeline(pipeline([node('src', 'source.list')], []));
      expect(problems).toEqual([expect.objectContaining({ code: 'W002', nodeUid: 'src' })]);
    });

    it('W003: KeyBy straight into a sink', () => {
      const problems = validatePipeline(around(node('k', 'keyBy')));
      expect(problems).toEqual([expect.objectContaining({ code: 'W003', edgeId: 'k-out-snk' })]);
    });

    it('W005: late port connected while late output is off; no warning the other way round', () => {
      const doc = valid();
      doc.nodes[3].params.lateOutput = false;
      expect(validatePipeline(doc)).toEqual([
        expect.objectContaining({ code: 'W005', nodeUid: 'win', edgeId: 'win-late-lateRecords' }),
      ]);
      const unconnected = valid();
      unconnected.edges.pop();
      unconnected.nodes.pop();
      expect(validatePipeline(unconnected)).toEqual([]);
    });
  });

  it('hasErrors tells errors from warnings', () => {
    expect(hasErrors([])).toBe(false);
    expect(hasErrors(validatePipeline(pipeline([node('src', 'source.list')], [])))).toBe(false);
    expect(hasErrors(validatePipeline(pipeline([node('m', 'map')], [])))).toBe(true);
  });

  it('never throws on arbitrary nodes and edges', () => {
    const kinds = [...operatorRegistry.keys()];
    const paramNames = [
      ...new Set([...operatorRegistry.values()].flatMap((m) => m.params.map((p) => p.name))),
    ];
    const uid = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const value = fc.oneof(fc.jsonValue(), fc.anything()) as fc.Arbitrary<JsonValue>;
    const params = fc.dictionary(fc.oneof(fc.constantFrom(...paramNames), fc.string()), value, {
      maxKeys: 6,
    });
    const nodeArb: fc.Arbitrary<PipelineNode> = fc.record(
      {
        uid,
        kind: fc.oneof(fc.constantFrom(...kinds), fc.constant('bogus' as OperatorKind)),
        label: fc.string(),
        params,
        parallelism: fc.oneof(fc.integer({ min: -2, max: 200 }), fc.double()),
      },
      { requiredKeys: ['uid', 'kind', 'params'] },
    );
    const edgeArb: fc.Arbitrary<PipelineEdge> = fc.record(
      {
        id: fc.constantFrom('e1', 'e2', 'e3', 'e4', 'e5', 'e6'),
        source: fc.oneof(uid, fc.constant('missing')),
        sourcePort: fc.constantFrom('out', 'late', 'side'),
        target: fc.oneof(uid, fc.constant('missing')),
        partitioning: fc.constantFrom('forward', 'rebalance', 'broadcast'),
      },
      { requiredKeys: ['id', 'source', 'target'] },
    );
    fc.assert(
      fc.property(
        fc.array(nodeArb, { maxLength: 8 }),
        fc.array(edgeArb, { maxLength: 12 }),
        (nodes, edges) => {
          const problems = validatePipeline(pipeline(nodes, edges));
          for (const p of problems) {
            expect(p.severity).toBe(p.code.startsWith('E') ? 'error' : 'warning');
            expect(p.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('validatePipeline: scripted input', () => {
  const script = (steps: JsonValue, extra: Partial<PipelineNode> = {}) =>
    validatePipeline(around(node('script', 'source.script', { steps }, extra)));
  const found = (problems: Problem[]) =>
    problems.map((p) => [p.code, p.param, p.params.step ?? null]);

  it('accepts the four kinds of step in any sensible order', () => {
    const steps: JsonValue[] = [
      { add: [{ ts: 1_000, key: 'a' }] },
      { advanceWatermark: 999 },
      { advanceProcessingTime: 500 },
      { add: [] },
      { advanceWatermark: 1_000 },
      { advanceWatermarkToInfinity: true },
    ];
    expect(script(steps)).toEqual([]);
  });

  it('names the step that is not one of the four shapes', () => {
    const problems = script([{ advanceWatermark: 1 }, { wait: 5 }, { add: 3 }, 'x', {}]);
    expect(found(problems)).toEqual([
      ['E022', 'steps', 2],
      ['E022', 'steps', 3],
      ['E022', 'steps', 4],
      ['E022', 'steps', 5],
    ]);
    expect(problems[0]!.message).toBe(
      `Scripted input 'script': step 2 is {"wait":5}, which is not a step: write one of { "add": [records] }, { "advanceWatermark": ms }, { "advanceProcessingTime": ms } or { "advanceWatermarkToInfinity": true }.`,
    );
  });

  it('wants each added record to carry its event time in the timestamp field', () => {
    const problems = validatePipeline(
      around(
        node('script', 'source.script', {
          timestampField: 'when',
          steps: [{ add: [{ when: 1 }, { ts: 2 }, 7, { when: '3' }] }],
        }),
      ),
    );
    expect(problems.map((p) => [p.code, p.params.record, p.params.field])).toEqual([
      ['E023', 2, 'when'],
      ['E023', 3, 'when'],
      ['E023', 4, 'when'],
    ]);
  });

  it('lets the watermark only rise', () => {
    const problems = script([
      { advanceWatermark: 5 },
      { advanceWatermark: 5 },
      { advanceWatermark: 3 },
      { advanceWatermark: 6 },
    ]);
    expect(problems.map((p) => [p.code, p.params.step, p.params.to, p.params.from])).toEqual([
      ['E024', 2, 5, 5],
      ['E024', 3, 3, 5],
    ]);
  });

  it('moves the clock only forward, by whole milliseconds', () => {
    const problems = script([
      { advanceProcessingTime: 0 },
      { advanceProcessingTime: -5 },
      { advanceProcessingTime: 1.5 },
      { advanceProcessingTime: 1 },
    ]);
    expect(found(problems)).toEqual([
      ['E025', 'steps', 1],
      ['E025', 'steps', 2],
      ['E025', 'steps', 3],
    ]);
    expect(problems[1]!.message).toContain('by -5 ms');
  });

  it('allows nothing after the final watermark', () => {
    const problems = script([
      { advanceWatermarkToInfinity: true },
      { add: [{ ts: 1 }] },
      { advanceWatermarkToInfinity: true },
    ]);
    expect(problems.map((p) => [p.code, p.params.step, p.params.final])).toEqual([
      ['E026', 2, 1],
      ['E026', 3, 1],
    ]);
  });

  it('wants a list of steps', () => {
    expect(found(script({ add: [] }))).toEqual([['E008', 'steps', null]]);
  });

  it('runs a scripted input as one subtask, and says so when asked for more', () => {
    const problems = script([], { parallelism: 3 });
    expect(problems.map((p) => [p.code, p.severity])).toEqual([['W006', 'warning']]);
    // Forward to a sink of parallelism 2 cannot work: the script always has one subtask.
    const doc = pipeline(
      [node('script', 'source.script', { steps: [] }), node('snk', 'sink', {}, { parallelism: 2 })],
      [edge('script', 'snk', { partitioning: 'forward' })],
    );
    expect(validatePipeline(doc).map((p) => p.code)).toEqual(['E020']);
  });
});
