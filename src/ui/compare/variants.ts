/**
 * Compare mode's two run configurations: what is compared (the clock windows follow, the
 * watermark delay, or the allowed lateness), the values for A and B, and the documents and
 * configs derived from the pipeline for each. The derived documents are never saved: the
 * project keeps the one document the editor holds.
 */
import type { JsonValue, PipelineDocument, PipelineNode } from '../../engine/pipeline/document';
import { operatorMeta } from '../../engine/pipeline/registry';
import type { SessionConfig } from '../../worker/trace-batch';

/** What differs between A and B. */
export type CompareKind = 'time' | 'watermark' | 'lateness';

export const COMPARE_KINDS: readonly CompareKind[] = ['time', 'watermark', 'lateness'];

/** Milliseconds for A and B of a watermark delay or an allowed lateness. */
export interface Pair {
  a: number;
  b: number;
}

export interface CompareSetup {
  kind: CompareKind;
  watermark: Pair;
  lateness: Pair;
  /** Processing time an unbounded input runs to (bounded input runs to its end). */
  horizonMs: number;
}

/** One side's run: the derived document and the run configuration. */
export interface Variant {
  doc: PipelineDocument;
  config: SessionConfig;
}

/** An unbounded input runs one minute of processing time unless the user asks for more. */
export const DEFAULT_HORIZON_MS = 60_000;

const OUT_OF_ORDERNESS = 'outOfOrdernessMs';
const ALLOWED_LATENESS = 'allowedLatenessMs';

/** Whether a node has a parameter (its kind's schema lists it). */
function hasParam(node: PipelineNode, name: string): boolean {
  return operatorMeta(node.kind).params.some((p) => p.name === name);
}

/** Sources with a watermark delay: those with bounded out-of-orderness watermarks. */
export function delayedSources(doc: PipelineDocument): PipelineNode[] {
  return doc.nodes.filter(
    (n) =>
      hasParam(n, OUT_OF_ORDERNESS) &&
      (n.params.watermarks ?? 'boundedOutOfOrderness') === 'boundedOutOfOrderness',
  );
}

/** Window operators (keyed or not): allowed lateness applies to their event-time windows. */
export function windowOperators(doc: PipelineDocument): PipelineNode[] {
  return doc.nodes.filter((n) => hasParam(n, ALLOWED_LATENESS));
}

function largest(nodes: PipelineNode[], param: string): number {
  return Math.max(0, ...nodes.map((n) => numberOr(n.params[param], 0)));
}

function numberOr(value: JsonValue | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * How far behind the newest event time a list source's records come, at most: the delay a
 * watermark needs for none of them to be late. 0 when every record comes in order.
 */
export function inputDisorder(doc: PipelineDocument): number {
  let disorder = 0;
  for (const node of doc.nodes) {
    const records = node.kind === 'source.list' ? node.params.records : undefined;
    if (!Array.isArray(records)) continue;
    const tsField = stringOr(node.params.timestampField, 'ts');
    const atField = stringOr(node.params.arrivalField, 'at');
    const arrivals = records
      .map((r, i) => ({ ts: field(r, tsField), at: field(r, atField) ?? i }))
      .filter((r): r is { ts: number; at: number } => r.ts !== undefined)
      .sort((x, y) => x.at - y.at);
    let newest = -Infinity;
    for (const r of arrivals) {
      newest = Math.max(newest, r.ts);
      disorder = Math.max(disorder, newest - r.ts);
    }
  }
  return disorder;
}

function stringOr(value: JsonValue | undefined, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function field(record: JsonValue, name: string): number | undefined {
  if (record === null || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const value = record[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const SECOND = 1_000;
const upToSecond = (ms: number) => Math.ceil(ms / SECOND) * SECOND;

/**
 * Values to start from: A is what the pipeline has now. B for the watermark is the delay that
 * lets the input's most out-of-order record in on time (or none, when A already does, to show
 * what lateness looks like); B for the lateness is none when A allows some, else enough for
 * that record.
 */
export function defaultSetup(doc: PipelineDocument, kind: CompareKind = 'time'): CompareSetup {
  const disorder = upToSecond(inputDisorder(doc));
  const delay = largest(delayedSources(doc), OUT_OF_ORDERNESS);
  const lateness = largest(windowOperators(doc), ALLOWED_LATENESS);
  const fallback = Math.max(SECOND, disorder);
  return {
    kind,
    watermark: {
      a: delay,
      b: disorder > delay ? disorder : delay > 0 ? 0 : fallback,
    },
    lateness: { a: lateness, b: lateness > 0 ? 0 : fallback },
    horizonMs: DEFAULT_HORIZON_MS,
  };
}

/** Which compare kinds the pipeline can show: a watermark delay needs a source that has one. */
export function availableKinds(doc: PipelineDocument): CompareKind[] {
  return COMPARE_KINDS.filter(
    (kind) =>
      kind === 'time' ||
      (kind === 'watermark' && delayedSources(doc).length > 0) ||
      (kind === 'lateness' && windowOperators(doc).length > 0),
  );
}

function withParam(doc: PipelineDocument, nodes: PipelineNode[], name: string, value: number) {
  const uids = new Set(nodes.map((n) => n.uid));
  return {
    ...doc,
    nodes: doc.nodes.map((n) =>
      uids.has(n.uid) ? { ...n, params: { ...n.params, [name]: value } } : n,
    ),
  };
}

/**
 * A and B's documents and configurations. Both replay the same input with the run bar's seed,
 * parallelism and state backend; the watermark and lateness comparisons run in event time,
 * where those settings mean something.
 */
export function variantsOf(
  doc: PipelineDocument,
  config: SessionConfig,
  setup: CompareSetup,
): { a: Variant; b: Variant } {
  const base: SessionConfig = {
    time: 'event',
    stateBackend: config.stateBackend,
    parallelism: config.parallelism,
    seed: config.seed,
    speed: 'max',
  };
  switch (setup.kind) {
    case 'time':
      return {
        a: { doc, config: base },
        b: { doc, config: { ...base, time: 'processing' } },
      };
    case 'watermark': {
      const sources = delayedSources(doc);
      const side = (ms: number) => ({
        doc: withParam(doc, sources, OUT_OF_ORDERNESS, ms),
        config: base,
      });
      return { a: side(setup.watermark.a), b: side(setup.watermark.b) };
    }
    case 'lateness': {
      const windows = windowOperators(doc);
      const side = (ms: number) => ({
        doc: withParam(doc, windows, ALLOWED_LATENESS, ms),
        config: base,
      });
      return { a: side(setup.lateness.a), b: side(setup.lateness.b) };
    }
  }
}

/** Whether some source never ends (a list source that is not bounded, an endless generator). */
export function hasUnboundedInput(doc: PipelineDocument): boolean {
  return doc.nodes.some(
    (n) =>
      (n.kind === 'source.list' && n.params.bounded === false) ||
      (n.kind === 'source.generator' && n.params.count === null),
  );
}
