/**
 * Static checks of a pipeline document: the graph, Flink's rules for wiring operators, and
 * every parameter against the registry's schema. The editor shows the result as you type;
 * a document with errors does not run.
 */
import { DEFAULT_MAX_PARALLELISM } from '../keygroups';
import type { PipelineDocument, PipelineEdge, PipelineNode } from './document';
import type { JsonValue } from './document';
import { applicableParams, scriptStepKind, withDefaults, type ParamSpec } from './params';
import { edgeRef, names, nodeRef, shownValue, type Expected } from './problem-values';
import { problem, type Problem } from './problems';
import { operatorRegistry, type OperatorMeta } from './registry';

const severityRank = { error: 0, warning: 1 } as const;

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Every problem found, errors before warnings. */
export function validatePipeline(doc: PipelineDocument): Problem[] {
  const problems: Problem[] = [];
  const graph = buildGraph(doc, problems);
  for (const node of doc.nodes) {
    const meta = operatorRegistry.get(node.kind);
    if (meta === undefined) {
      problems.push(problem('E001', { nodeUid: node.uid }, nodeRef(node), String(node.kind)));
      continue;
    }
    checkParallelism(node, problems);
    const invalid = checkParams(node, meta, problems);
    checkWindowShape(node, meta, invalid, problems);
  }
  for (const node of graph.nodes.values()) checkWiring(node, graph, problems);
  for (const edge of graph.edges) checkEdge(edge, graph, problems);
  problems.push(...findCycles(graph));
  return problems.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

/** The document as a graph: one node per uid, and only the edges whose ends both exist. */
interface Graph {
  nodes: Map<string, PipelineNode>;
  edges: PipelineEdge[];
  inputs: Map<string, PipelineEdge[]>;
  outputs: Map<string, PipelineEdge[]>;
}

function buildGraph(doc: PipelineDocument, problems: Problem[]): Graph {
  for (const [uid, count] of duplicates(doc.nodes.map((n) => n.uid))) {
    problems.push(problem('E002', { nodeUid: uid }, 'node uid', uid, count));
  }
  for (const [id, count] of duplicates(doc.edges.map((e) => e.id))) {
    problems.push(problem('E002', { edgeId: id }, 'edge id', id, count));
  }
  const nodes = new Map<string, PipelineNode>();
  for (const node of doc.nodes) if (!nodes.has(node.uid)) nodes.set(node.uid, node);

  const graph: Graph = { nodes, edges: [], inputs: new Map(), outputs: new Map() };
  for (const edge of doc.edges) {
    const missing = (['source', 'target'] as const).filter((end) => !nodes.has(edge[end]));
    for (const end of missing) {
      problems.push(problem('E003', { edgeId: edge.id }, edgeRef(edge.id), end, edge[end]));
    }
    if (missing.length > 0) continue;
    graph.edges.push(edge);
    append(graph.outputs, edge.source, edge);
    append(graph.inputs, edge.target, edge);
  }
  return graph;
}

function duplicates(ids: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return new Map([...counts].filter(([, count]) => count > 1));
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else values.push(value);
}

function checkParallelism(node: PipelineNode, problems: Problem[]): void {
  const p = node.parallelism;
  if (p === undefined) return;
  const at = { nodeUid: node.uid, param: 'parallelism' };
  if (!isValidParallelism(p)) {
    problems.push(problem('E013', at, nodeRef(node), shownValue(p), DEFAULT_MAX_PARALLELISM));
  } else if (node.kind === 'windowAll' && p > 1) {
    problems.push(problem('W004', at, nodeRef(node), p));
  } else if (node.kind === 'source.script' && p > 1) {
    problems.push(problem('W006', at, nodeRef(node), p));
  }
}

/** At most one subtask per key group, as in Flink. */
function isValidParallelism(p: unknown): p is number {
  return Number.isInteger(p) && (p as number) >= 1 && (p as number) <= DEFAULT_MAX_PARALLELISM;
}

/** The parallelism a node will surely run with, or undefined when the job's default decides. */
function fixedParallelism(node: PipelineNode): number | undefined {
  if (node.kind === 'windowAll' || node.kind === 'source.script') return 1;
  return isValidParallelism(node.parallelism) ? node.parallelism : undefined;
}

/** Ports and input counts, keyed windows, and outputs that lead nowhere. */
function checkWiring(node: PipelineNode, graph: Graph, problems: Problem[]): void {
  const meta = operatorRegistry.get(node.kind);
  if (meta === undefined) return;
  const at = { nodeUid: node.uid };
  const inputs = graph.inputs.get(node.uid) ?? [];
  if (meta.inputs !== 'none' && inputs.length === 0) {
    problems.push(problem('E004', at, nodeRef(node)));
  }
  if (meta.inputs === 'one' && inputs.length > 1) {
    problems.push(problem('E005', at, nodeRef(node), inputs.length));
  }
  // Only a KeyBy's own output is a KeyedStream: a map after it, or a union of keyed
  // streams, is a plain DataStream again.
  if (node.kind === 'window' && inputs.some((e) => graph.nodes.get(e.source)?.kind !== 'keyBy')) {
    problems.push(problem('E007', at, nodeRef(node)));
  }
  const main = meta.outputs[0];
  const outputs = graph.outputs.get(node.uid) ?? [];
  if (main !== undefined && !outputs.some((e) => portOf(e, meta) === main)) {
    const code = meta.category === 'source' ? 'W002' : 'W001';
    problems.push(problem(code, at, nodeRef(node)));
  }
}

function portOf(edge: PipelineEdge, sourceMeta: OperatorMeta): string {
  return edge.sourcePort ?? sourceMeta.outputs[0];
}

function checkEdge(edge: PipelineEdge, graph: Graph, problems: Problem[]): void {
  const source = graph.nodes.get(edge.source) as PipelineNode;
  const target = graph.nodes.get(edge.target) as PipelineNode;
  const sourceMeta = operatorRegistry.get(source.kind);
  const targetMeta = operatorRegistry.get(target.kind);
  const at = { edgeId: edge.id };
  const name = edgeRef(edge.id);

  if (targetMeta?.inputs === 'none') {
    problems.push(problem('E011', at, name, nodeRef(target)));
  }
  if (sourceMeta !== undefined) {
    const port = portOf(edge, sourceMeta);
    if (sourceMeta.outputs.length === 0) {
      problems.push(problem('E012', at, name, nodeRef(source)));
    } else if (!sourceMeta.outputs.includes(port)) {
      problems.push(
        problem('E010', at, name, nodeRef(source), port, names(sourceMeta.outputs, 'or')),
      );
    } else if (
      port === 'late' &&
      withDefaults(sourceMeta.params, source.params).lateOutput === false
    ) {
      problems.push(problem('W005', { ...at, nodeUid: source.uid }, nodeRef(source), name));
    }
  }
  if (source.kind === 'keyBy') {
    if (edge.partitioning !== undefined) {
      problems.push(problem('E021', at, name, nodeRef(source), edge.partitioning));
    }
    if (target.kind === 'sink') {
      problems.push(problem('W003', at, nodeRef(source), nodeRef(target)));
    }
  }
  const [fromP, toP] = [fixedParallelism(source), fixedParallelism(target)];
  if (
    edge.partitioning === 'forward' &&
    fromP !== undefined &&
    toP !== undefined &&
    fromP !== toP
  ) {
    problems.push(problem('E020', at, name, nodeRef(source), nodeRef(target), fromP, toP));
  }
}

/** Unknown fields, and applicable values against their schema; returns the invalid names. */
function checkParams(node: PipelineNode, meta: OperatorMeta, problems: Problem[]): Set<string> {
  const known = meta.params.map((s) => s.name);
  for (const field of Object.keys(node.params)) {
    if (known.includes(field)) continue;
    const at = { nodeUid: node.uid, param: field };
    problems.push(problem('E009', at, nodeRef(node), field, closest(field, known), names(known)));
  }
  const invalid = new Set<string>();
  // Parameters that do not apply (their `when` is not met) keep whatever they hold.
  for (const spec of applicableParams(meta.params, node.params)) {
    if (!Object.hasOwn(node.params, spec.name)) continue;
    const value: unknown = node.params[spec.name];
    const at = { nodeUid: node.uid, param: spec.name };
    const param = { type: 'param', kind: node.kind, name: spec.name } as const;
    const allowed = allowedValues(spec, value);
    if (allowed !== undefined) {
      invalid.add(spec.name);
      const shown = shownValue(value, spec.type === 'duration' ? 'ms' : undefined);
      problems.push(problem('E008', at, nodeRef(node), param, shown, allowed));
    } else if (spec.type === 'code' || spec.type === 'expression') {
      const error = syntaxError(value as string);
      if (error !== undefined) {
        const parser = { type: 'parser', parser: 'javascript', text: error } as const;
        problems.push(problem('E015', at, nodeRef(node), param, parser));
      }
    } else if (spec.type === 'script') {
      const { timestampField } = withDefaults(meta.params, node.params);
      const field = typeof timestampField === 'string' ? timestampField : 'ts';
      checkScript(node, value as JsonValue[], field, problems);
    }
  }
  return invalid;
}

/** What the parameter accepts, for "Set it to ...", or undefined when `value` fits. */
function allowedValues(spec: ParamSpec, value: unknown): Expected | undefined {
  const expected = (rule: 'boolean' | 'json' | 'jsonNotNull' | 'records' | 'steps'): Expected => ({
    type: 'expected',
    rule,
  });
  switch (spec.type) {
    case 'duration':
      return numberRule(value, { ...spec, number: 'ms' });
    case 'integer':
      return numberRule(value, { ...spec, number: 'whole' });
    case 'number':
      return numberRule(value, { ...spec, number: 'any' });
    case 'string': {
      if (value === null && spec.nullable === true) return undefined;
      const fits =
        typeof value === 'string' &&
        (spec.pattern === undefined || value.search(spec.pattern) >= 0);
      if (fits) return undefined;
      const nullable = spec.nullable === true;
      return spec.pattern === undefined
        ? { type: 'expected', rule: 'text', nullable }
        : { type: 'expected', rule: 'text', pattern: String(spec.pattern), nullable };
    }
    case 'boolean':
      return typeof value === 'boolean' ? undefined : expected('boolean');
    case 'enum':
      return typeof value === 'string' && spec.options.includes(value)
        ? undefined
        : { type: 'expected', rule: 'oneOf', options: names(spec.options) };
    case 'code':
      return typeof value === 'string'
        ? undefined
        : { type: 'expected', rule: 'function', example: spec.signature };
    case 'expression':
      return typeof value === 'string'
        ? undefined
        : { type: 'expected', rule: 'expression', example: spec.default };
    case 'json':
      if (value === null) return spec.nullable === true ? undefined : expected('jsonNotNull');
      return isJson(value) ? undefined : expected('json');
    case 'records':
      return Array.isArray(value) && value.every((r) => isPlainObject(r) && isJson(r))
        ? undefined
        : expected('records');
    case 'script':
      return Array.isArray(value) ? undefined : expected('steps');
  }
}

/**
 * A scripted input's steps, one by one: each of the four shapes, records with an event time,
 * a watermark that only rises, a clock that only moves forward, nothing after the end.
 */
function checkScript(
  node: PipelineNode,
  steps: readonly JsonValue[],
  field: string,
  problems: Problem[],
): void {
  const at = { nodeUid: node.uid, param: 'steps' };
  const name = nodeRef(node);
  let watermark = -Infinity;
  let final: number | undefined;
  steps.forEach((step, i) => {
    const n = i + 1;
    const kind = scriptStepKind(step);
    if (kind === null || !isJson(step)) {
      problems.push(problem('E022', at, name, n, shownValue(step)));
      return;
    }
    if (final !== undefined) problems.push(problem('E026', at, name, n, final));
    const value = (step as Record<string, JsonValue>)[kind];
    switch (kind) {
      case 'add':
        (value as JsonValue[]).forEach((record, r) => {
          if (!isPlainObject(record) || typeof record[field] !== 'number') {
            problems.push(problem('E023', at, name, n, r + 1, shownValue(record), field));
          }
        });
        break;
      case 'advanceWatermark':
        if ((value as number) <= watermark) {
          problems.push(problem('E024', at, name, n, value as number, watermark));
        } else watermark = value as number;
        break;
      case 'advanceProcessingTime':
        if (!Number.isSafeInteger(value) || (value as number) <= 0) {
          problems.push(problem('E025', at, name, n, shownValue(value, 'ms')));
        }
        break;
      case 'advanceWatermarkToInfinity':
        final ??= n;
        break;
    }
  });
}

interface NumberRule {
  number: 'ms' | 'whole' | 'any';
  min?: number;
  max?: number;
  nullable?: boolean;
}

function numberRule(value: unknown, rule: NumberRule): Expected | undefined {
  if (value === null && rule.nullable === true) return undefined;
  const fits =
    typeof value === 'number' &&
    (rule.number === 'any' ? Number.isFinite(value) : Number.isSafeInteger(value)) &&
    (rule.min === undefined || value >= rule.min) &&
    (rule.max === undefined || value <= rule.max);
  if (fits) return undefined;
  const { number, min, max } = rule;
  return {
    type: 'expected',
    rule: 'number',
    number,
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    nullable: rule.nullable === true,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether JSON.stringify would keep `value` as is. Iterative, so deep values cannot overflow. */
function isJson(value: unknown): boolean {
  const pending = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const v = pending.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (!Array.isArray(v) && !isPlainObject(v)) return false;
    if (seen.has(v)) continue;
    seen.add(v);
    // One by one: spreading a long array into push() can exceed the engine's argument limit.
    for (const child of Object.values(v)) pending.push(child);
  }
  return true;
}

/**
 * The compiler's message when `source` is not exactly one JavaScript expression. Only
 * compiles, never calls. Wrapped in both (...) and [...]: text that closes one wrapper early
 * to append statements cannot also close the other.
 */
function syntaxError(source: string): string | undefined {
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ]) {
    try {
      new Function(`'use strict';\nreturn ${open}\n${source}\n${close};`);
    } catch (error) {
      // Anything but a SyntaxError (an EvalError under a strict CSP) means we cannot tell.
      return error instanceof SyntaxError ? error.message : undefined;
    }
  }
  return undefined;
}

/**
 * Flink's window constraints: |offset| < size for tumbling windows, |offset| < slide for
 * sliding ones; and a slide larger than the size would skip records between windows.
 */
function checkWindowShape(
  node: PipelineNode,
  meta: OperatorMeta,
  invalid: ReadonlySet<string>,
  problems: Problem[],
): void {
  if (node.kind !== 'window' && node.kind !== 'windowAll') return;
  if (['assigner', 'sizeMs', 'slideMs', 'offsetMs'].some((p) => invalid.has(p))) return;
  const { assigner, sizeMs, slideMs, offsetMs } = withDefaults(meta.params, node.params);
  if (typeof sizeMs !== 'number' || typeof slideMs !== 'number' || typeof offsetMs !== 'number') {
    return;
  }
  const name = nodeRef(node);
  if (assigner === 'sliding' && slideMs > sizeMs) {
    const issue = { kind: 'slideExceedsSize', slideMs, sizeMs } as const;
    problems.push(problem('E014', { nodeUid: node.uid, param: 'slideMs' }, name, issue));
  }
  const limit = assigner === 'tumbling' ? 'size' : assigner === 'sliding' ? 'slide' : undefined;
  const limitMs = limit === 'size' ? sizeMs : slideMs;
  if (limit !== undefined && Math.abs(offsetMs) >= limitMs) {
    const issue = { kind: 'offsetTooLarge', offsetMs, limitMs, limitName: limit } as const;
    problems.push(problem('E014', { nodeUid: node.uid, param: 'offsetMs' }, name, issue));
  }
}

/** The closest known name by edit distance, if it is close enough to be a likely typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** One problem per cycle: a strongly connected component with more than one node, or a self-loop. */
function findCycles(graph: Graph): Problem[] {
  const next = (uid: string) => (graph.outputs.get(uid) ?? []).map((e) => e.target);
  const order = [...graph.nodes.keys()];
  return stronglyConnected(order, next)
    .filter((scc) => scc.length > 1 || next(scc[0]).includes(scc[0]))
    .map((scc) => {
      const members = order.filter((uid) => scc.includes(uid));
      const nodes = members.map((uid) => nodeRef(graph.nodes.get(uid) as PipelineNode));
      return problem('E006', { nodeUid: members[0] }, { type: 'nodes', nodes });
    });
}

/** Tarjan's algorithm with an explicit stack, so long chains cannot overflow the call stack. */
function stronglyConnected(uids: readonly string[], next: (uid: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (uid: string, work: { uid: string; successors: string[]; i: number }[]) => {
    index.set(uid, index.size);
    low.set(uid, index.get(uid) as number);
    stack.push(uid);
    onStack.add(uid);
    work.push({ uid, successors: next(uid), i: 0 });
  };
  for (const root of uids) {
    if (index.has(root)) continue;
    const work: { uid: string; successors: string[]; i: number }[] = [];
    visit(root, work);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (frame.i < frame.successors.length) {
        const w = frame.successors[frame.i++];
        if (!index.has(w)) visit(w, work);
        else if (onStack.has(w)) {
          low.set(frame.uid, Math.min(low.get(frame.uid) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) {
        low.set(parent.uid, Math.min(low.get(parent.uid) as number, low.get(frame.uid) as number));
      }
      if (low.get(frame.uid) === index.get(frame.uid)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop() as string;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.uid);
        components.push(component);
      }
    }
  }
  return components;
}
