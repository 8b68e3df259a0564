/**
 * Reading a pipeline file: JSON syntax, then the document's shape, then validatePipeline.
 * `ok` means the value really is a PipelineDocument (every field has its declared type);
 * it may still have problems, errors included, that keep it from running.
 */
import { DEFAULT_MAX_PARALLELISM } from '../keygroups';
import {
  PIPELINE_VERSION,
  type OperatorKind,
  type PipelineDocument,
  type PipelineEdge,
  type PipelineNode,
} from './document';
import {
  edgeRef,
  names,
  shownValue,
  type DocumentRef,
  type EntryRef,
  type FieldShape,
  type NodeRef,
} from './problem-values';
import { problem, type FileLocation, type Problem } from './problems';
import { operatorRegistry } from './registry';
import { validatePipeline } from './validate';

export type ParseResult =
  { ok: true; doc: PipelineDocument; problems: Problem[] } | { ok: false; problems: Problem[] };

// Records rather than arrays, so the compiler notices when a field is added to the types.
const documentFields: Record<keyof PipelineDocument, true> = {
  version: true,
  name: true,
  nodes: true,
  edges: true,
};
const nodeFields: Record<keyof PipelineNode, true> = {
  uid: true,
  kind: true,
  label: true,
  params: true,
  parallelism: true,
  position: true,
};
const edgeFields: Record<keyof PipelineEdge, true> = {
  id: true,
  source: true,
  sourcePort: true,
  target: true,
  partitioning: true,
};
const partitionings: readonly unknown[] = ['forward', 'rebalance', 'broadcast'];
const theDocument: DocumentRef = { type: 'document' };
const shape = (shape: FieldShape) => ({ type: 'expected', rule: 'shape', shape }) as const;

export function parsePipeline(text: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(text, error)] };
  }
  const problems = checkShape(value);
  if (problems.length > 0) return { ok: false, problems };
  const doc = value as PipelineDocument;
  return { ok: true, doc, problems: validatePipeline(doc) };
}

/**
 * Engines word JSON errors differently: V8 says "at position 7" (newer V8 adds the line and
 * column), Firefox "at line 1 column 8 of the JSON data". Report line and column either way.
 */
function syntaxProblem(text: string, error: unknown): Problem {
  const raw = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column (\d+)/.exec(raw);
  const position = /position (\d+)/.exec(raw);
  const at =
    lineColumn !== null
      ? { line: Number(lineColumn[1]), column: Number(lineColumn[2]) }
      : position !== null
        ? lineAndColumn(text, Number(position[1]))
        : /end of (JSON )?(input|data)/i.test(raw)
          ? lineAndColumn(text, text.length)
          : undefined;
  const message = raw
    .replace(/^JSON\.parse: /, '')
    .replace(/ (in JSON )?at (position \d+|line \d+ column \d+).*$/, '')
    .replace(/\.$/, '');
  return problem('E018', {}, { type: 'parser', parser: 'json', text: message }, at);
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function checkShape(value: unknown): Problem[] {
  if (!isObject(value)) {
    const found = Array.isArray(value)
      ? ({ kind: 'array' } as const)
      : ({ kind: 'value', value: shownValue(value) } as const);
    return [problem('E016', {}, found)];
  }
  if (!('version' in value)) return [problem('E016', {}, { kind: 'noVersion' })];
  if (value.version !== PIPELINE_VERSION) {
    return [problem('E016', {}, { kind: 'version', value: shownValue(value.version) })];
  }
  const problems: Problem[] = [];
  const where = theDocument;
  unknownFields(value, documentFields, where, {}, problems);
  if (typeof value.name !== 'string') {
    problems.push(problem('E019', {}, where, 'name', shownValue(value.name), shape('text')));
  }
  if (!Array.isArray(value.nodes)) {
    problems.push(problem('E019', {}, where, 'nodes', shownValue(value.nodes), shape('nodeList')));
  } else {
    value.nodes.forEach((node: unknown, i: number) => checkNode(node, i, problems));
  }
  if (!Array.isArray(value.edges)) {
    problems.push(problem('E019', {}, where, 'edges', shownValue(value.edges), shape('edgeList')));
  } else {
    value.edges.forEach((edge: unknown, i: number) => checkEdgeShape(edge, i, problems));
  }
  return problems;
}

function checkNode(node: unknown, i: number, problems: Problem[]): void {
  if (!isObject(node)) {
    problems.push(
      problem('E019', {}, theDocument, `nodes[${i}]`, shownValue(node), shape('object')),
    );
    return;
  }
  const uid = nonEmptyString(node.uid) ? node.uid : undefined;
  const where: NodeRef | EntryRef =
    uid === undefined ? { type: 'entry', list: 'nodes', index: i } : { type: 'node', uid };
  const at = uid === undefined ? {} : { nodeUid: uid };
  const wrong = (field: string, expected: FieldShape) =>
    problems.push(problem('E019', at, where, field, shownValue(node[field]), shape(expected)));

  unknownFields(node, nodeFields, where, at, problems);
  if (uid === undefined) wrong('uid', 'nonEmptyText');
  if (typeof node.kind !== 'string') wrong('kind', 'kindName');
  else if (!operatorRegistry.has(node.kind as OperatorKind)) {
    problems.push(problem('E001', at, where, node.kind));
  }
  if ('label' in node && typeof node.label !== 'string') wrong('label', 'textOrOmitted');
  if (!isObject(node.params)) wrong('params', 'paramValues');
  if ('parallelism' in node && typeof node.parallelism !== 'number') {
    const p = shownValue(node.parallelism);
    problems.push(
      problem('E013', { ...at, param: 'parallelism' }, where, p, DEFAULT_MAX_PARALLELISM),
    );
  }
  if ('position' in node && !isPosition(node.position)) {
    wrong('position', 'position');
  }
}

function checkEdgeShape(edge: unknown, i: number, problems: Problem[]): void {
  if (!isObject(edge)) {
    problems.push(
      problem('E019', {}, theDocument, `edges[${i}]`, shownValue(edge), shape('object')),
    );
    return;
  }
  const id = nonEmptyString(edge.id) ? edge.id : undefined;
  const where: FileLocation =
    id === undefined ? { type: 'entry', list: 'edges', index: i } : edgeRef(id);
  const at = id === undefined ? {} : { edgeId: id };
  const wrong = (field: string, expected: FieldShape) =>
    problems.push(problem('E019', at, where, field, shownValue(edge[field]), shape(expected)));

  unknownFields(edge, edgeFields, where, at, problems);
  if (id === undefined) wrong('id', 'nonEmptyText');
  if (typeof edge.source !== 'string') wrong('source', 'nodeUid');
  if (typeof edge.target !== 'string') wrong('target', 'nodeUid');
  if ('sourcePort' in edge && typeof edge.sourcePort !== 'string') {
    wrong('sourcePort', 'portName');
  }
  if ('partitioning' in edge && !partitionings.includes(edge.partitioning)) {
    wrong('partitioning', 'partitioning');
  }
}

function unknownFields(
  value: Record<string, unknown>,
  allowed: Record<string, true>,
  where: FileLocation,
  at: { nodeUid?: string; edgeId?: string },
  problems: Problem[],
): void {
  for (const field of Object.keys(value)) {
    if (!Object.hasOwn(allowed, field)) {
      problems.push(problem('E017', at, where, field, names(Object.keys(allowed))));
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isPosition(value: unknown): boolean {
  return (
    isObject(value) &&
    Object.keys(value).length === 2 &&
    typeof value.x === 'number' &&
    typeof value.y === 'number'
  );
}
