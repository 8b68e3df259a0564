/** Conformance scenarios: the file format of the shared conformance folder. */
import type { PipelineDocument, PipelineNode } from '../../engine/pipeline/document';
import { linearPipeline } from '../../engine/testing/linear-pipeline';
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
  const w = p.window;
  const sources = Object.entries(p.sources ?? { main: {} }).map(([name, cfg]) => [
    name,
    {
      records: s.input.filter((r) => sourceOf(r) === name) as JsonValue[],
      bounded: false,
      outOfOrdernessMs: cfg.outOfOrdernessMs ?? 0,
      idleTimeoutMs: cfg.idleTimeoutMs ?? null,
    },
  ]);
  const filter: PipelineNode[] = p.filter
    ? [
        {
          uid: 'filter',
          kind: 'filter',
          params: {
            mode: 'compare',
            field: p.filter.field,
            op: p.filter.op,
            value: p.filter.value,
          },
        },
      ]
    : [];
  return linearPipeline({
    name: s.name,
    sources: Object.fromEntries(sources),
    middle: filter,
    keyBy: p.keyBy,
    parallelism,
    window: {
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
}
