/**
 * Everything the validator and the importer can say about a pipeline, as coded messages (in
 * the style of React Flow's errorMessages). Codes are stable so tests, docs and the UI can
 * refer to them; E codes block a run, W codes do not. Every message names the node and says
 * what to do about it.
 */
import { PIPELINE_VERSION, type OperatorKind } from './document';
import { operatorRegistry } from './registry';

export type Severity = 'error' | 'warning';

/** Where a problem sits, so the editor can highlight it. */
export interface ProblemLocation {
  nodeUid?: string;
  edgeId?: string;
  param?: string;
}

export interface Problem extends ProblemLocation {
  code: ProblemCode;
  severity: Severity;
  message: string;
}

/** What is wrong with a tumbling or sliding window's size, slide and offset. */
export type WindowShapeIssue =
  | { kind: 'slideExceedsSize'; slideMs: number; sizeMs: number }
  | { kind: 'offsetTooLarge'; offsetMs: number; limitMs: number; limitName: 'size' | 'slide' };

const list = (items: readonly string[]) => items.map((s) => `'${s}'`).join(', ');
const either = (items: readonly string[]) =>
  items.length > 1 ? `${list(items.slice(0, -1))} or '${items.at(-1)}'` : list(items);

export const problemMessages = {
  E001: (node: string, kind: string) =>
    `${node} has unknown operator kind '${kind}': use one of ${list([...operatorRegistry.keys()])}.`,
  E002: (what: 'node uid' | 'edge id', id: string, count: number) =>
    `The ${what} '${id}' is used ${count} times: make each one unique.`,
  E003: (edge: string, end: 'source' | 'target', uid: string) =>
    `${edge} has ${end} '${uid}', which is not a node in this pipeline: reconnect or delete the edge.`,
  E004: (node: string) => `${node} has no input: connect an upstream operator.`,
  E005: (node: string, inputs: number) =>
    `${node} has ${inputs} inputs but takes one: merge the streams with a Union first.`,
  E006: (nodes: readonly string[]) =>
    `The pipeline has a cycle through ${nodes.join(', ')}: streams must flow one way, remove an edge of the cycle.`,
  E007: (node: string) =>
    `${node} needs a keyed input: add a KeyBy directly before it, or use WindowAll.`,
  E008: (node: string, param: string, value: string, allowed: string) =>
    `${node}: ${param} is ${value}. Set it to ${allowed}.`,
  E009: (node: string, field: string, suggestion: string | undefined, known: readonly string[]) =>
    suggestion === undefined
      ? `${node} has no parameter '${field}': remove it (known parameters: ${known.length > 0 ? list(known) : 'none'}).`
      : `${node} has no parameter '${field}': did you mean '${suggestion}'? Rename or remove it.`,
  E010: (edge: string, node: string, port: string, ports: readonly string[]) =>
    `${edge} leaves ${node} from port '${port}', which it does not have: use ${either(ports)}.`,
  E011: (edge: string, node: string) =>
    `${edge} goes into ${node}, but a source takes no input: delete the edge or connect it elsewhere.`,
  E012: (edge: string, node: string) =>
    `${edge} leaves ${node}, but a sink has no output: delete the edge.`,
  E013: (node: string, value: string, max: number) =>
    `${node} has parallelism ${value}: set a whole number from 1 to ${max}, or leave it empty to use the job's parallelism.`,
  E014: (node: string, issue: WindowShapeIssue) =>
    issue.kind === 'slideExceedsSize'
      ? `${node} slides by ${issue.slideMs} ms, more than its ${issue.sizeMs} ms size, so records between windows would be lost: make the slide at most the size.`
      : `${node} has offset ${issue.offsetMs} ms, but the offset's magnitude must be less than the ${issue.limitName} (${issue.limitMs} ms): set it between ${1 - issue.limitMs} and ${issue.limitMs - 1} ms.`,
  E015: (node: string, param: string, error: string) =>
    `${node}: ${param} does not compile (${error}): fix the syntax.`,
  // E016 to E019 come from reading a file (parsePipeline), before a pipeline exists.
  E016: (found: string) =>
    `Not a Tidemark pipeline document (${found}): expected a JSON object with "version": ${PIPELINE_VERSION}, "name", "nodes" and "edges".`,
  E017: (where: string, field: string, allowed: readonly string[]) =>
    `${where} has an unknown field '${field}': remove it (allowed fields: ${list(allowed)}).`,
  E018: (error: string, at: { line: number; column: number } | undefined) =>
    at === undefined
      ? `The file is not valid JSON: ${error}. Fix the syntax.`
      : `The file is not valid JSON at line ${at.line}, column ${at.column}: ${error}. Fix the syntax there.`,
  E019: (where: string, field: string, value: string, expected: string) =>
    `${where} field '${field}' is ${value}: it must be ${expected}.`,
  E020: (edge: string, from: string, to: string, fromP: number, toP: number) =>
    `${edge} forwards from ${from} (parallelism ${fromP}) to ${to} (parallelism ${toP}), but forward partitioning needs equal parallelism: use rebalance, or give both the same parallelism.`,
  E021: (edge: string, keyBy: string, partitioning: string) =>
    `${edge} leaves ${keyBy} with '${partitioning}' partitioning, but a KeyBy already partitions by key: remove the partitioning.`,

  W001: (node: string) =>
    `${node} output is not connected, so its results are lost: connect it to a downstream operator or a Sink.`,
  W002: (node: string) =>
    `${node} has no downstream operator, so its records go nowhere: connect it, or delete it.`,
  W003: (keyBy: string, sink: string) =>
    `${keyBy} feeds ${sink} directly, so the keying has no effect: put a Window between them, or remove the KeyBy.`,
  W004: (node: string, parallelism: number) =>
    `${node} has parallelism ${parallelism}, but a WindowAll always runs as one subtask: it will run with 1; set it to 1.`,
  W005: (node: string, edge: string) =>
    `${node} has late output turned off, so ${edge} from its late port will carry nothing: turn late output on, or delete the edge.`,
} satisfies Record<string, (...args: never[]) => string>;

export type ProblemCode = keyof typeof problemMessages;

export function problem<C extends ProblemCode>(
  code: C,
  at: ProblemLocation,
  ...args: Parameters<(typeof problemMessages)[C]>
): Problem {
  const message = (problemMessages[code] as (...a: typeof args) => string)(...args);
  return { code, severity: code.startsWith('E') ? 'error' : 'warning', message, ...at };
}

/** "Map 'm1'", or "Map 'Double it' (uid 'm1')" when the node has its own label. */
export function describeNode(node: { uid: string; kind: string; label?: string }): string {
  const kindLabel = operatorRegistry.get(node.kind as OperatorKind)?.label ?? 'Node';
  return node.label === undefined || node.label === '' || node.label === kindLabel
    ? `${kindLabel} '${node.uid}'`
    : `${kindLabel} '${node.label}' (uid '${node.uid}')`;
}

export const describeEdge = (id: string): string => `Edge '${id}'`;

/** A value as it would appear in the file, cut short; never throws. */
export function showValue(value: unknown, unit = ''): string {
  let text: string;
  try {
    // JSON.stringify would print NaN and Infinity as null, and undefined as nothing.
    text =
      typeof value === 'number' || value === undefined
        ? String(value)
        : (JSON.stringify(value) ?? String(value));
  } catch {
    text = 'an unprintable value';
  }
  if (text.length > 40) text = `${text.slice(0, 37)}...`;
  return typeof value === 'number' && unit !== '' ? `${text} ${unit}` : text;
}
