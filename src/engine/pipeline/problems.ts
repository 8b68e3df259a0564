/**
 * Everything the validator and the importer can say about a pipeline, as coded messages (in
 * the style of React Flow's errorMessages). Codes are stable so tests, docs and the UI can
 * refer to them; E codes block a run, W codes do not. Every message names the node and says
 * what to do about it.
 */
import { PIPELINE_VERSION } from './document';
import {
  inEnglish,
  names,
  type DocumentRef,
  type EdgeRef,
  type EntryRef,
  type Expected,
  type NameList,
  type NodeList,
  type NodeRef,
  type ParamRef,
  type ParserMessage,
  type ProblemValue,
  type ShownValue,
} from './problem-values';
import { operatorRegistry } from './registry';

export type Severity = 'error' | 'warning';

/** Where a problem sits, so the editor can highlight it. */
export interface ProblemLocation {
  nodeUid?: string;
  edgeId?: string;
  param?: string;
}

/**
 * A message's values by name, plain data that crosses to the UI thread, so the UI can render
 * the problem in any language from its code (and variant) and these values: nodes, edges and
 * parameters as references the UI words with its own labels, never as English phrases.
 */
export type ProblemParams = Readonly<Record<string, ProblemValue>>;

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

/** Why a file is not a pipeline document at all. */
export type NotADocument =
  | { kind: 'array' }
  | { kind: 'value'; value: ShownValue }
  | { kind: 'noVersion' }
  | { kind: 'version'; value: ShownValue };

/** Where in a file a field sits: the document, a node or an edge. */
export type FileLocation = DocumentRef | NodeRef | EdgeRef | EntryRef;

const en = inEnglish;
const knownKinds = () => names([...operatorRegistry.keys()]);

const notADocument = (found: NotADocument): string => {
  switch (found.kind) {
    case 'array':
      return 'the file holds an array';
    case 'value':
      return `the file holds ${en(found.value)}`;
    case 'noVersion':
      return 'it has no "version"';
    case 'version':
      return `its version is ${en(found.value)}`;
  }
};

export const problemMessages = {
  E001: (node: NodeRef | EntryRef, kind: string) =>
    `${en(node)} has unknown operator kind '${kind}': use one of ${en(knownKinds())}.`,
  E002: (what: 'node uid' | 'edge id', id: string, count: number) =>
    `The ${what} '${id}' is used ${count} times: make each one unique.`,
  E003: (edge: EdgeRef, end: 'source' | 'target', uid: string) =>
    `${en(edge)} has ${end} '${uid}', which is not a node in this pipeline: reconnect or delete the edge.`,
  E004: (node: NodeRef) => `${en(node)} has no input: connect an upstream operator.`,
  E005: (node: NodeRef, inputs: number) =>
    `${en(node)} has ${inputs} inputs but takes one: merge the streams with a Union first.`,
  E006: (nodes: NodeList) =>
    `The pipeline has a cycle through ${en(nodes)}: streams must flow one way, remove an edge of the cycle.`,
  E007: (node: NodeRef) =>
    `${en(node)} needs a keyed input: add a KeyBy directly before it, or use WindowAll.`,
  E008: (node: NodeRef, param: ParamRef, value: ShownValue, allowed: Expected) =>
    `${en(node)}: ${en(param)} is ${en(value)}. Set it to ${en(allowed)}.`,
  E009: (node: NodeRef, field: string, suggestion: string | undefined, known: NameList) =>
    suggestion === undefined
      ? `${en(node)} has no parameter '${field}': remove it (known parameters: ${known.names.length > 0 ? en(known) : 'none'}).`
      : `${en(node)} has no parameter '${field}': did you mean '${suggestion}'? Rename or remove it.`,
  E010: (edge: EdgeRef, node: NodeRef, port: string, ports: NameList) =>
    `${en(edge)} leaves ${en(node)} from port '${port}', which it does not have: use ${en(ports)}.`,
  E011: (edge: EdgeRef, node: NodeRef) =>
    `${en(edge)} goes into ${en(node)}, but a source takes no input: delete the edge or connect it elsewhere.`,
  E012: (edge: EdgeRef, node: NodeRef) =>
    `${en(edge)} leaves ${en(node)}, but a sink has no output: delete the edge.`,
  E013: (node: NodeRef | EntryRef, value: ShownValue, max: number) =>
    `${en(node)} has parallelism ${en(value)}: set a whole number from 1 to ${max}, or leave it empty to use the job's parallelism.`,
  E014: (node: NodeRef, issue: WindowShapeIssue) =>
    issue.kind === 'slideExceedsSize'
      ? `${en(node)} slides by ${issue.slideMs} ms, more than its ${issue.sizeMs} ms size, so records between windows would be lost: make the slide at most the size.`
      : `${en(node)} has offset ${issue.offsetMs} ms, but the offset's magnitude must be less than the ${issue.limitName} (${issue.limitMs} ms): set it between ${1 - issue.limitMs} and ${issue.limitMs - 1} ms.`,
  E015: (node: NodeRef, param: ParamRef, error: ParserMessage) =>
    `${en(node)}: ${en(param)} does not compile (${en(error)}): fix the syntax.`,
  // E016 to E019 come from reading a file (parsePipeline), before a pipeline exists.
  E016: (found: NotADocument) =>
    `Not a Tidemark pipeline document (${notADocument(found)}): expected a JSON object with "version": ${PIPELINE_VERSION}, "name", "nodes" and "edges".`,
  E017: (where: FileLocation, field: string, allowed: NameList) =>
    `${en(where)} has an unknown field '${field}': remove it (allowed fields: ${en(allowed)}).`,
  E018: (error: ParserMessage, at: { line: number; column: number } | undefined) =>
    at === undefined
      ? `The file is not valid JSON: ${en(error)}. Fix the syntax.`
      : `The file is not valid JSON at line ${at.line}, column ${at.column}: ${en(error)}. Fix the syntax there.`,
  E019: (where: FileLocation, field: string, value: ShownValue, expected: Expected) =>
    `${en(where)} field '${field}' is ${en(value)}: it must be ${en(expected)}.`,
  E020: (edge: EdgeRef, from: NodeRef, to: NodeRef, fromP: number, toP: number) =>
    `${en(edge)} forwards from ${en(from)} (parallelism ${fromP}) to ${en(to)} (parallelism ${toP}), but forward partitioning needs equal parallelism: use rebalance, or give both the same parallelism.`,
  E021: (edge: EdgeRef, keyBy: NodeRef, partitioning: string) =>
    `${en(edge)} leaves ${en(keyBy)} with '${partitioning}' partitioning, but a KeyBy already partitions by key: remove the partitioning.`,
  // E022 to E026: the steps of a scripted input, numbered from 1 as the step editor shows them.
  E022: (node: NodeRef, step: number, value: ShownValue) =>
    `${en(node)}: step ${step} is ${en(value)}, which is not a step: write one of { "add": [records] }, { "advanceWatermark": ms }, { "advanceProcessingTime": ms } or { "advanceWatermarkToInfinity": true }.`,
  E023: (node: NodeRef, step: number, record: number, value: ShownValue, field: string) =>
    `${en(node)}: record ${record} of step ${step} is ${en(value)}: each record must be a JSON object with its event time as a number in '${field}'.`,
  E024: (node: NodeRef, step: number, to: number, from: number) =>
    `${en(node)}: step ${step} advances the watermark to ${to} ms, but it is already at ${from} ms: a watermark only rises, so set it above ${from} ms.`,
  E025: (node: NodeRef, step: number, by: ShownValue) =>
    `${en(node)}: step ${step} advances processing time by ${en(by)}: set a whole number of milliseconds above 0.`,
  E026: (node: NodeRef, step: number, final: number) =>
    `${en(node)}: step ${step} comes after step ${final} advanced the watermark to infinity, which ends the input: delete it, or move the final watermark to the end.`,

  W001: (node: NodeRef) =>
    `${en(node)} output is not connected, so its results are lost: connect it to a downstream operator or a Sink.`,
  W002: (node: NodeRef) =>
    `${en(node)} has no downstream operator, so its records go nowhere: connect it, or delete it.`,
  W003: (keyBy: NodeRef, sink: NodeRef) =>
    `${en(keyBy)} feeds ${en(sink)} directly, so the keying has no effect: put a Window between them, or remove the KeyBy.`,
  W004: (node: NodeRef, parallelism: number) =>
    `${en(node)} has parallelism ${parallelism}, but a WindowAll always runs as one subtask: it will run with 1; set it to 1.`,
  W005: (node: NodeRef, edge: EdgeRef) =>
    `${en(node)} has late output turned off, so ${en(edge)} from its late port will carry nothing: turn late output on, or delete the edge.`,
  W006: (node: NodeRef, parallelism: number) =>
    `${en(node)} has parallelism ${parallelism}, but a scripted input always runs as one subtask: it will run with 1; set it to 1.`,
} satisfies Record<string, (...args: never[]) => string>;

export type ProblemCode = keyof typeof problemMessages;

interface ProblemArgs {
  params: ProblemParams;
  variant?: string;
}

const args = (params: ProblemParams, variant?: string): ProblemArgs =>
  variant === undefined ? { params } : { params, variant };

/**
 * The same arguments as problemMessages, as named values: the translation files hold one
 * wording per code (or per code and variant) that reads these names.
 */
export const problemParams: {
  [C in ProblemCode]: (...args: Parameters<(typeof problemMessages)[C]>) => ProblemArgs;
} = {
  E001: (node, kind) => args({ node, kind, kinds: knownKinds() }),
  E002: (what, id, count) => args({ id, count }, what === 'node uid' ? 'node' : 'edge'),
  E003: (edge, end, uid) => args({ edge, uid }, end),
  E004: (node) => args({ node }),
  E005: (node, inputs) => args({ node, inputs }),
  E006: (nodes) => args({ nodes }),
  E007: (node) => args({ node }),
  E008: (node, param, value, allowed) => args({ node, param, value, allowed }),
  E009: (node, field, suggestion, known) =>
    suggestion !== undefined
      ? args({ node, field, suggestion }, 'suggestion')
      : known.names.length > 0
        ? args({ node, field, known }, 'known')
        : args({ node, field }, 'noKnown'),
  E010: (edge, node, port, ports) => args({ edge, node, port, ports }),
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
  E016: (found) =>
    found.kind === 'value' || found.kind === 'version'
      ? args({ value: found.value, version: PIPELINE_VERSION }, found.kind)
      : args({ version: PIPELINE_VERSION }, found.kind),
  E017: (where, field, allowed) => args({ where, field, allowed }),
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
