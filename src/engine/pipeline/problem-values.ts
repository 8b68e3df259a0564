/**
 * The values a problem names, as data rather than English phrases, so the UI can word each one
 * in the reader's language: a node by its kind, an edge, a parameter by its label, a list of
 * names, a value from the file, what a value must be, a parser's own message. `inEnglish`
 * words them for the engine's message (the CLI, logs and tests).
 */
import type { OperatorKind } from './document';
import { operatorRegistry } from './registry';

/** A node by its kind's label and its uid; `label` only when it says more than the kind's. */
export interface NodeRef {
  type: 'node';
  uid: string;
  /** Absent when the kind is not a known operator kind (or not yet read from a file). */
  kind?: OperatorKind;
  label?: string;
}

export interface EdgeRef {
  type: 'edge';
  id: string;
}

/** A node or edge of a file that has no usable id, by its place in the document's list. */
export interface EntryRef {
  type: 'entry';
  list: 'nodes' | 'edges';
  index: number;
}

/** The pipeline document as a whole. */
export interface DocumentRef {
  type: 'document';
}

/** An operator kind's parameter, by its label and its name. */
export interface ParamRef {
  type: 'param';
  kind: OperatorKind;
  name: string;
}

/** Names from the file or the registry (fields, ports, kinds), each quoted. */
export interface NameList {
  type: 'names';
  names: readonly string[];
  /** 'comma': "'a', 'b'"; 'or': "'a', 'b' or 'c'". */
  join: 'comma' | 'or';
}

export interface NodeList {
  type: 'nodes';
  nodes: readonly NodeRef[];
}

/** A value as it would appear in the file, cut short, or which kind of nothing it is. */
export type ShownValue =
  | { type: 'value'; text: string; unit?: 'ms' }
  | { type: 'value'; none: 'undefined' | 'unprintable' };

/** A parser's own message, in the parser's words (English), quoted rather than translated. */
export interface ParserMessage {
  type: 'parser';
  parser: 'javascript' | 'json';
  text: string;
}

/** The shapes a pipeline file's fields must have. */
export type FieldShape =
  | 'text'
  | 'nodeList'
  | 'edgeList'
  | 'object'
  | 'nonEmptyText'
  | 'kindName'
  | 'textOrOmitted'
  | 'paramValues'
  | 'position'
  | 'nodeUid'
  | 'portName'
  | 'partitioning';

/** What a value must be: a parameter's schema, or a file field's shape. */
export type Expected =
  | {
      type: 'expected';
      rule: 'number';
      /** 'ms': a whole number of milliseconds. */
      number: 'ms' | 'whole' | 'any';
      min?: number;
      max?: number;
      nullable: boolean;
    }
  | { type: 'expected'; rule: 'text'; pattern?: string; nullable: boolean }
  | { type: 'expected'; rule: 'oneOf'; options: NameList }
  | { type: 'expected'; rule: 'function' | 'expression'; example: string }
  | { type: 'expected'; rule: 'boolean' | 'json' | 'jsonNotNull' | 'records' | 'steps' }
  | { type: 'expected'; rule: 'shape'; shape: FieldShape };

export type ProblemValue =
  | string
  | number
  | NodeRef
  | EdgeRef
  | EntryRef
  | DocumentRef
  | ParamRef
  | NameList
  | NodeList
  | ShownValue
  | ParserMessage
  | Expected;

/** A node as a problem names it: "Map 'm1'", or "Map 'Double it' (uid 'm1')". */
export function nodeRef(node: { uid: string; kind: string; label?: string }): NodeRef {
  const meta = operatorRegistry.get(node.kind as OperatorKind);
  const kindLabel = meta?.label ?? englishWords.unknownKind;
  const own = node.label !== undefined && node.label !== '' && node.label !== kindLabel;
  return {
    type: 'node',
    uid: node.uid,
    ...(meta === undefined ? {} : { kind: node.kind as OperatorKind }),
    ...(own ? { label: node.label } : {}),
  };
}

export const edgeRef = (id: string): EdgeRef => ({ type: 'edge', id });

export const names = (items: readonly string[], join: NameList['join'] = 'comma'): NameList => ({
  type: 'names',
  names: items,
  join,
});

/** A value as it would appear in the file, cut short; never throws. */
export function shownValue(value: unknown, unit?: 'ms'): ShownValue {
  if (value === undefined) return { type: 'value', none: 'undefined' };
  let text: string;
  try {
    // JSON.stringify would print NaN and Infinity as null.
    text = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return { type: 'value', none: 'unprintable' };
  }
  if (text.length > 40) text = `${text.slice(0, 37)}...`;
  return typeof value === 'number' && unit !== undefined
    ? { type: 'value', text, unit }
    : { type: 'value', text };
}

/** The English words the values are made of; the UI's `problems` namespace holds the same. */
const englishWords = {
  unknownKind: 'Node',
  document: 'The document',
  unprintable: 'an unprintable value',
};

const shapes: Record<FieldShape, string> = {
  text: 'text',
  nodeList: 'a list of nodes',
  edgeList: 'a list of edges',
  object: 'an object',
  nonEmptyText: 'non-empty text',
  kindName: 'text naming an operator kind',
  textOrOmitted: 'text, or left out',
  paramValues: 'an object of parameter values',
  position: 'an object { "x": number, "y": number }, or left out',
  nodeUid: 'the uid of a node',
  portName: "a port name such as 'out' or 'late', or left out",
  partitioning: "'forward', 'rebalance' or 'broadcast', or left out",
};

const quoted = (items: readonly string[]) => items.map((s) => `'${s}'`).join(', ');

function englishExpected(e: Expected): string {
  const orNull = (text: string, nullable: boolean) =>
    nullable ? `${text}, or null to leave it empty` : text;
  switch (e.rule) {
    case 'number': {
      const unit = e.number === 'ms' ? ' ms' : '';
      const what =
        e.number === 'ms'
          ? 'a whole number of milliseconds'
          : e.number === 'whole'
            ? 'a whole number'
            : 'a number';
      const range =
        e.min !== undefined && e.max !== undefined
          ? ` from ${e.min} to ${e.max}${unit}`
          : e.min !== undefined
            ? `, at least ${e.min}${unit}`
            : e.max !== undefined
              ? `, at most ${e.max}${unit}`
              : '';
      return orNull(`${what}${range}`, e.nullable);
    }
    case 'text':
      return orNull(e.pattern === undefined ? 'text' : `text matching ${e.pattern}`, e.nullable);
    case 'oneOf':
      return `one of ${inEnglish(e.options)}`;
    case 'function':
      return `a function as text, like ${e.example}`;
    case 'expression':
      return `an expression as text, like ${e.example}`;
    case 'boolean':
      return 'true or false';
    case 'json':
      return 'any JSON value';
    case 'jsonNotNull':
      return 'any JSON value but null';
    case 'records':
      return 'a list of records, each a JSON object';
    case 'steps':
      return 'a list of steps, as JSON';
    case 'shape':
      return shapes[e.shape];
  }
}

/** A value as the engine's English message says it. */
export function inEnglish(v: ProblemValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  switch (v.type) {
    case 'node': {
      const kind =
        v.kind === undefined ? englishWords.unknownKind : operatorRegistry.get(v.kind)?.label;
      return v.label === undefined ? `${kind} '${v.uid}'` : `${kind} '${v.label}' (uid '${v.uid}')`;
    }
    case 'edge':
      return `Edge '${v.id}'`;
    case 'entry':
      return v.list === 'nodes' ? `Node nodes[${v.index}]` : `Edge edges[${v.index}]`;
    case 'document':
      return englishWords.document;
    case 'param': {
      const spec = operatorRegistry.get(v.kind)?.params.find((p) => p.name === v.name);
      return `${spec?.label ?? v.name} ('${v.name}')`;
    }
    case 'names':
      return v.join === 'or' && v.names.length > 1
        ? `${quoted(v.names.slice(0, -1))} or '${v.names.at(-1)}'`
        : quoted(v.names);
    case 'nodes':
      return v.nodes.map(inEnglish).join(', ');
    case 'value':
      if ('none' in v) return v.none === 'undefined' ? 'undefined' : englishWords.unprintable;
      return v.unit === undefined ? v.text : `${v.text} ${v.unit}`;
    case 'parser':
      return v.text;
    case 'expected':
      return englishExpected(v);
  }
}
