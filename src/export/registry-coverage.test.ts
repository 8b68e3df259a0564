/**
 * Every operator kind with every option the registry offers, in a small pipeline around it:
 * both targets must still produce Flink SQL and Java that parse. New kinds and options are
 * picked up from the registry without changes here.
 */
import { FlinkSQL } from 'dt-sql-parser';
import { parse } from 'java-parser';
import { describe, expect, it } from 'vitest';
import type {
  JsonValue,
  OperatorKind,
  PipelineDocument,
  PipelineEdge,
  PipelineNode,
} from '../engine/pipeline/document';
import type { ParamSpec } from '../engine/pipeline/params';
import { operatorRegistry } from '../engine/pipeline/registry';
import { generateJavaProject, MAIN_JAVA_PATH } from './java/java-project';
import type { TimeMode } from './options';
import { generateFlinkSql } from './sql/flink-sql';

/** Values worth trying for a parameter besides its default. */
function variants(spec: ParamSpec): JsonValue[] {
  switch (spec.type) {
    case 'enum':
      return [...spec.options];
    case 'boolean':
      return [true, false];
    case 'duration':
    case 'integer':
      return [spec.default, 2_500, ...(spec.nullable === true ? [null] : [])];
    case 'number':
      return [spec.default, 0.5];
    case 'json':
      return [spec.default, 'text', true, null];
    case 'code':
      return [spec.default, "(r) => { const x = r.value; return x; } // 'quoted' */"];
    case 'expression':
      return [spec.default, "r.user + '-' + r.value", 'Math.round(r.value)'];
    case 'string':
      return [spec.default, 'user'];
    case 'records':
      return [
        spec.default,
        [
          { key: 'a', value: 1.5, tags: ['x'], ts: 1_000, at: 1_000 },
          { key: 'b', value: 2, ts: 500, at: 1_200 },
        ],
      ];
    case 'script':
      return [
        spec.default,
        [
          { add: [{ key: 'a', value: 1.5, tags: ['x'], ts: 1_000 }] },
          { advanceProcessingTime: 2_000 },
          {
            add: [
              { key: 'b', value: 2, ts: 500 },
              { key: "it's", value: 3, ts: 1_500 },
            ],
          },
          { advanceWatermark: 1_999 },
          { advanceWatermarkToInfinity: true },
        ],
      ];
  }
}

const SOURCE: PipelineNode = { uid: 'src', kind: 'source.generator', params: {} };

/** A pipeline that gives the node under test the input it needs and reads all its ports. */
function around(node: PipelineNode): PipelineDocument {
  const meta = operatorRegistry.get(node.kind)!;
  const nodes: PipelineNode[] = [node];
  const edges: PipelineEdge[] = [];
  const edge = (source: string, target: string, sourcePort?: string) =>
    edges.push({ id: `e${edges.length + 1}`, source, target, sourcePort });
  if (meta.inputs !== 'none') {
    nodes.push(SOURCE);
    let feed = SOURCE.uid;
    if (node.kind === 'window') {
      nodes.push({ uid: 'keyed', kind: 'keyBy', params: {} });
      edge(feed, 'keyed');
      feed = 'keyed';
    }
    edge(feed, node.uid);
    if (meta.inputs === 'many') {
      nodes.push({ uid: 'other', kind: 'source.list', params: {} });
      edges.push({ id: 'e-other', source: 'other', target: node.uid, partitioning: 'rebalance' });
    }
  }
  for (const port of meta.outputs) {
    nodes.push({ uid: `sink-${port}`, kind: 'sink', params: { name: `it's ${port}` } });
    edge(node.uid, `sink-${port}`, port === 'out' ? undefined : port);
  }
  return { version: 1, name: `"${node.kind}" */ -- edge`, nodes, edges };
}

function pipelines(kind: OperatorKind): PipelineDocument[] {
  const meta = operatorRegistry.get(kind)!;
  const docs = [around({ uid: `op-${kind}`, kind, params: {} })];
  for (const spec of meta.params) {
    for (const value of variants(spec)) {
      // Set the parameter it depends on too, so the value applies.
      const params: Record<string, JsonValue> = { [spec.name]: value };
      if (spec.when !== undefined) params[spec.when.param] = spec.when.is[0]!;
      docs.push(around({ uid: `op-${kind}`, kind, params, parallelism: 2 }));
    }
  }
  return docs;
}

const sqlParser = new FlinkSQL();
const TIME_MODES: TimeMode[] = ['event', 'processing'];

describe('every registry option exports to code that parses', () => {
  for (const kind of operatorRegistry.keys()) {
    it(kind, () => {
      const docs = pipelines(kind);
      expect(docs.length).toBeGreaterThan(operatorRegistry.get(kind)!.params.length);
      for (const doc of docs) {
        for (const timeMode of TIME_MODES) {
          const label = `${JSON.stringify(doc.nodes[0]!.params)} (${timeMode} time)`;
          const sql = generateFlinkSql(doc, { timeMode }).files[0]!.content;
          expect(sqlParser.validate(sql), `${label}\n${sql}`).toEqual([]);
          const java = generateJavaProject(doc, { timeMode }).files.find(
            (f) => f.path === MAIN_JAVA_PATH,
          )!.content;
          expect(() => parse(java), label).not.toThrow();
        }
      }
    });
  }
});
