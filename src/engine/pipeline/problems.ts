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

/**
 * A message's values by name, plain enough to cross to the UI thread, so the UI can render the
 * problem in any language from its code (and variant) and these values.
 */
export type ProblemParams = Readonly<Record<string, string | number>>;

export interface Problem extends ProblemLocation {
  code: ProblemCode;
  severity: Severity;
  /** The finished English text, for the CLI, logs and tests. */
  message: string;
  params: ProblemParams;
  /** Which wording of the code applies, when one code has several (e.g. with or without a suggestion). */
  variant?: string;
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
  // E022 to E026: the steps of a scripted input, numbered from 1 as the step editor shows them.
  E022: (node: string, step: number, value: string) =>
    `${node}: step ${step} is ${value}, which is not a step: write one of { "add": [records] }, { "advanceWatermark": ms }, { "advanceProcessingTime": ms } or { "advanceWatermarkToInfinity": true }.`,
  E023: (node: string, step: number, record: number, value: string, field: string) =>
    `${node}: record ${record} of step ${step} is ${value}: each record must be a JSON object with its event time as a number in '${field}'.`,
  E024: (node: string, step: number, to: number, from: number) =>
    `${node}: step ${step} advances the watermark to ${to} ms, but it is already at ${from} ms: a watermark only rises, so set it above ${from} ms.`,
  E025: (node: string, step: number, by: string) =>
    `${node}: step ${step} advances processing time by ${by}: set a whole number of milliseconds above 0.`,
  E026: (node: string, step: number, final: number) =>
    `${node}: step ${step} comes after step ${final} advanced the watermark to infinity, which ends the input: delete it, or move the final watermark to the end.`,

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
  W006: (node: string, parallelism: number) =>
    `${node} has parallelism ${parallelism}, but a scripted input always runs as one subtask: it will run with 1; set it to 1.`,
} satisfies Record<string, (...args: never[]) => string>;

export type ProblemCode = keyof typeof problemMessages;

interface ProblemArgs {
  params: ProblemParams;
  variant?: string;
}

const allButLast = (items: readonly string[]) => list(items.slice(0, -1));
const args = (params: ProblemParams, variant?: string): ProblemArgs =>
  variant === undefined ? { params } : { params, variant };

/**
 * The same arguments as problemMessages, as named values: the translation files hold one
 * wording per code (or per code and variant) that reads these names.
 */
export const problemParams: {
  [C in ProblemCode]: (...args: Parameters<(typeof problemMessages)[C]>) => ProblemArgs;
} = {
  E001: (node, kind) => ({
    params: { node, kind, kinds: list([...operatorRegistry.keys()]) },
  }),
  E002: (what, id, count) => args({ id, count }, what === 'node uid' ? 'node' : 'edge'),
  E003: (edge, end, uid) => args({ edge, uid }, end),
  E004: (node) => args({ node }),
  E005: (node, inputs) => args({ node, inputs }),
  E006: (nodes) => args({ nodes: nodes.join(', ') }),
  E007: (node) => args({ node }),
  E008: (node, param, value, allowed) => args({ node, param, value, allowed }),
  E009: (node, field, suggestion, known) =>
    suggestion !== undefined
      ? args({ node, field, suggestion }, 'suggestion')
      : known.length > 0
        ? args({ node, field, known: list(known) }, 'known')
        : args({ node, field }, 'noKnown'),
  E010: (edge, node, port, ports) =>
    ports.length > 1
      ? args(
          { edge, node, port, ports: allButLast(ports), lastPort: ports.at(-1) ?? '' },
          'several',
        )
      : args({ edge, node, port, ports: list(ports) }, 'one'),
  E011: (edge, node) => args({ edge, node }),
  E012: (edge, node) => args({ edge, node }),
  E013: (node, value, max) => args({ node, value, max }),
  E014: (node, issue) =>
    issue.kind === 'slideExceedsSize'
      ? args({ node, slideMs: issue.slideMs, sizeMs: issue.sizeMs }, 'slide')
      : args(
          {
            node,
            offsetMs: issue.offsetMs,
            limitMs: issue.limitMs,
            min: 1 - issue.limitMs,
            max: issue.limitMs - 1,
          },
          issue.limitName === 'size' ? 'offsetSize' : 'offsetSlide',
        ),
  E015: (node, param, error) => args({ node, param, error }),
  E016: (found) => args({ found, version: PIPELINE_VERSION }),
  E017: (where, field, allowed) => args({ where, field, allowed: list(allowed) }),
  E018: (error, at) =>
    at === undefined
      ? args({ error }, 'plain')
      : args({ error, line: at.line, column: at.column }, 'at'),
  E019: (where, field, value, expected) => args({ where, field, value, expected }),
  E020: (edge, from, to, fromP, toP) => args({ edge, from, to, fromP, toP }),
  E021: (edge, keyBy, partitioning) => args({ edge, keyBy, partitioning }),
  E022: (node, step, value) => args({ node, step, value }),
  E023: (node, step, record, value, field) => args({ node, step, record, value, field }),
  E024: (node, step, to, from) => args({ node, step, to, from }),
  E025: (node, step, by) => args({ node, step, by }),
  E026: (node, step, final) => args({ node, step, final }),
  W001: (node) => args({ node }),
  W002: (node) => args({ node }),
  W003: (keyBy, sink) => args({ keyBy, sink }),
  W004: (node, parallelism) => args({ node, parallelism }),
  W005: (node, edge) => args({ node, edge }),
  W006: (node, parallelism) => args({ node, parallelism }),
};

export function problem<C extends ProblemCode>(
  code: C,
  at: ProblemLocation,
  ...args: Parameters<(typeof problemMessages)[C]>
): Problem {
  const message = (problemMessages[code] as (...a: typeof args) => string)(...args);
  const { params, variant } = (problemParams[code] as (...a: typeof args) => ProblemArgs)(...args);
  return {
    code,
    severity: code.startsWith('E') ? 'error' : 'warning',
    message,
    params,
    ...(variant === undefined ? {} : { variant }),
    ...at,
  };
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
