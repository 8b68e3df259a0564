/** Conformance scenarios: the file format of the shared conformance folder. */
import type { PipelineDocument, PipelineEdge, PipelineNode } from '../../engine/pipeline/document';
import { PIPELINE_VERSION } from '../../engine/pipeline/document';
import type { JsonValue } from '../../engine/pipeline/document';

export interface ScenarioRecord {
  ts: number;
  at: number;
  key?: JsonValue;
  value?: JsonValue;
  source?: string;
  [field: string]: JsonValue | undefined;
}

export type WindowSpec =
  | { kind: 'tumbling'; sizeMs: number; offsetMs?: number }
  | { kind: 'sliding'; sizeMs: number; slideMs: number; offsetMs?: number }
  | { kind: 'session'; gapMs: number }
  | { kind: 'count'; size: number };

export interface ExpectedResult {
  key: JsonValue;
  start: number | null;
  end: number | null;
  value: number;
  after?: number | 'end';
}

export interface Scenario {
  name: string;
  about: string;
  pipeline: {
    time: 'event' | 'processing';
    parallelism: number;
    sources?: Record<string, { outOfOrdernessMs?: number; idleTimeoutMs?: number | null }>;
    filter?: { field: string; op: string; value: JsonValue } | null;
    keyBy: string | null;
    window: WindowSpec;
    allowedLatenessMs: number;
    aggregate: { fn: 'count' | 'sum' | 'min' | 'max' | 'avg'; field?: string };
    lateOutput: boolean;
    faults?: { checkpointEvery: number; failAfter: number[] } | null;
    savepoint?: { after: number; restoreBackend?: string; restoreParallelism?: number } | null;
  };
  input: ScenarioRecord[];
  expected: { results: ExpectedResult[]; late: number[] };
}

export const sourceOf = (r: ScenarioRecord): string => r.source ?? 'main';

/** The scenario's linear pipeline as a document: sources -> union -> filter -> keyBy -> window -> sinks. */
export function scenarioPipeline(
  s: Scenario,
  parallelism = s.pipeline.parallelism,
): PipelineDocument {
  const p = s.pipeline;
  const nodes: PipelineNode[] = [];
  const edges: PipelineEdge[] = [];
  const link = (source: string, target: string, sourcePort?: string) =>
    edges.push({
      id: `${source}-${sourcePort ?? 'out'}-${target}`,
      source,
      target,
      ...(sourcePort ? { sourcePort } : {}),
    });

  const sources = p.sources ?? { main: {} };
  for (const [name, cfg] of Object.entries(sources)) {
    nodes.push({
      uid: `source-${name}`,
      kind: 'source.list',
      params: {
        records: s.input.filter((r) => sourceOf(r) === name) as JsonValue[],
        bounded: false,
        outOfOrdernessMs: cfg.outOfOrdernessMs ?? 0,
        idleTimeoutMs: cfg.idleTimeoutMs ?? null,
      },
    });
  }
  let tail = nodes.map((n) => n.uid);
  const chain = (node: PipelineNode) => {
    nodes.push(node);
    for (const t of tail) link(t, node.uid);
    tail = [node.uid];
  };
  if (tail.length > 1) chain({ uid: 'union', kind: 'union', params: {} });
  if (p.filter) {
    chain({
      uid: 'filter',
      kind: 'filter',
      params: { mode: 'compare', field: p.filter.field, op: p.filter.op, value: p.filter.value },
    });
  }
  if (p.keyBy !== null)
    chain({ uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: p.keyBy } });
  const w = p.window;
  chain({
    uid: 'window',
    kind: p.keyBy === null ? 'windowAll' : 'window',
    parallelism,
    params: {
      assigner: w.kind,
      ...(w.kind === 'tumbling' ? { sizeMs: w.sizeMs, offsetMs: w.offsetMs ?? 0 } : {}),
      ...(w.kind === 'sliding'
        ? { sizeMs: w.sizeMs, slideMs: w.slideMs, offsetMs: w.offsetMs ?? 0 }
        : {}),
      ...(w.kind === 'session' ? { gapMs: w.gapMs } : {}),
      ...(w.kind === 'count' ? { count: w.size } : {}),
      allowedLatenessMs: p.allowedLatenessMs,
      aggregate: p.aggregate.fn,
      ...(p.aggregate.field !== undefined ? { field: p.aggregate.field } : {}),
      lateOutput: p.lateOutput,
    },
  });
  nodes.push({
    uid: 'results',
    kind: 'sink',
    parallelism,
    params: { name: 'results' },
  });
  link('window', 'results');
  if (p.lateOutput) {
    nodes.push({ uid: 'late', kind: 'sink', params: { name: 'late' } });
    link('window', 'late', 'late');
  }
  return { version: PIPELINE_VERSION, name: s.name, nodes, edges };
}
