/**
 * The pipeline as a Flink SQL script: SET statements for the job, a table per source, a
 * temporary view per operator, windowed aggregations as windowing table-valued functions,
 * and INSERT INTO print tables for the sinks. What SQL cannot say is a comment at its spot.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { kindOf, literal, parseExpression, parseFunction, type Expr } from '../expression';
import { commentText, NameAllocator } from '../names';
import {
  FLINK_VERSION,
  resolveOptions,
  type ExportOptions,
  type ExportResult,
  type ExportedFile,
  type Unsupported,
  type UnsupportedReason,
} from '../options';
import { heading, param, topologyOf, type ExportNode } from '../topology';
import { generatorTable, interval, listTable, TIME_TYPE, timeColumn, type Column } from './sources';
import { NotInSql, sqlExpr, sqlIdent } from './sql-expr';

export const SQL_FILE = 'pipeline.sql';

/** A relation a later statement can read, or why there is none. */
type SqlStream = { relation: string; columns: Column[]; key: Column | null } | { absent: string };

const JAVA_HINT = 'see Main.java in the Java project';

class SqlScript {
  readonly blocks: string[] = [];
  readonly inserts: string[] = [];
  readonly files: ExportedFile[] = [];
  readonly unsupported: Unsupported[] = [];
  readonly names = new NameAllocator();
  private readonly streams = new Map<string, SqlStream>();

  constructor(
    readonly options: ExportOptions,
    readonly hasConsumers: (uid: string, port: string) => boolean,
  ) {}

  get time(): string {
    return timeColumn(this.options.timeMode);
  }

  stream(uid: string, port: string): SqlStream {
    return this.streams.get(`${uid}:${port}`) ?? { absent: `"${uid}" has no "${port}" output` };
  }

  setStream(uid: string, port: string, s: SqlStream): void {
    this.streams.set(`${uid}:${port}`, s);
  }

  cannot(node: ExportNode, reason: UnsupportedReason, what: string, why: string): void {
    this.unsupported.push({ nodeUid: node.uid, reason, what, why });
  }

  /** SELECT list of the columns and the time attribute. */
  selectList(columns: readonly Column[]): string {
    return [...columns.map((c) => sqlIdent(c.name)), sqlIdent(this.time)].join(', ');
  }

  view(name: string, comment: string[], select: string): void {
    this.blocks.push(
      [...comment, `CREATE TEMPORARY VIEW ${sqlIdent(name)} AS\n${select};`].join('\n'),
    );
  }
}

export function generateFlinkSql(
  doc: PipelineDocument,
  options: Partial<ExportOptions> = {},
): ExportResult {
  const topology = topologyOf(doc);
  const script = new SqlScript(
    resolveOptions(options),
    (uid, port) => topology.consumers(uid, port).length > 0,
  );
  for (const s of topology.skipped) {
    script.unsupported.push({
      nodeUid: s.uid,
      reason: 'leftOut',
      what: 'Operator left out',
      why: s.why,
    });
  }
  for (const node of topology.ordered) writeNode(script, node);

  const header = headerLines(doc, script.options, topology.ordered);
  const body = [...script.blocks];
  if (script.inserts.length === 1) body.push(script.inserts[0]!);
  if (script.inserts.length > 1) {
    body.push(
      `-- Every sink in one job.\nEXECUTE STATEMENT SET\nBEGIN\n${script.inserts.join('\n')}\nEND;`,
    );
  }
  if (script.inserts.length === 0)
    body.push('-- No sink reads a result yet: add one to run a job.');
  return {
    files: [{ path: SQL_FILE, content: [header, ...body].join('\n\n') + '\n' }, ...script.files],
    unsupported: script.unsupported,
  };
}

function headerLines(doc: PipelineDocument, o: ExportOptions, nodes: ExportNode[]): string {
  const lines = [
    `-- ${commentText(doc.name)}`,
    `-- Flink SQL for Apache Flink ${FLINK_VERSION} (the SESSION windowing TVF needs 1.19 or later).`,
    `-- Run it with the SQL client: ./bin/sql-client.sh -f ${SQL_FILE}`,
    '',
    `SET 'parallelism.default' = '${o.parallelism}';`,
    `SET 'state.backend.type' = '${o.stateBackend}';`,
  ];
  if (o.checkpointIntervalMs === null) {
    lines.push('-- Checkpointing is off, as in the run configuration.');
  } else {
    lines.push(
      `SET 'execution.checkpointing.interval' = '${o.checkpointIntervalMs} ms';`,
      `SET 'execution.checkpointing.mode' = '${o.checkpointMode === 'exactly-once' ? 'EXACTLY_ONCE' : 'AT_LEAST_ONCE'}';`,
    );
  }
  const sources = nodes.filter(
    (n) => n.kind === 'source.list' || n.kind === 'source.generator' || n.kind === 'source.script',
  );
  const idle = sources
    .map((n) => param.numOrNull(n, 'idleTimeoutMs'))
    .filter((v): v is number => v !== null);
  if (idle.length > 0) {
    const shortest = Math.min(...idle);
    if (new Set(idle).size > 1 || idle.length < sources.length) {
      lines.push(`-- Sources have different idle timeouts; SQL has one for all: the shortest.`);
    }
    lines.push(`SET 'table.exec.source.idle-timeout' = '${shortest} ms';`);
  }
  const periodic = sources
    .filter((n) => param.str(n, 'watermarkEmit') === 'periodic')
    .map((n) => param.num(n, 'watermarkIntervalMs'));
  if (periodic.length > 0) {
    lines.push(`SET 'pipeline.auto-watermark-interval' = '${Math.min(...periodic)} ms';`);
  }
  if (o.timeMode === 'event' && periodic.length < sources.length) {
    lines.push(
      `-- The playground emitted a watermark per record; Flink emits them every 200 ms by default.`,
    );
  }
  return lines.join('\n');
}

function writeNode(script: SqlScript, node: ExportNode): void {
  if (node.parallelism !== undefined) {
    script.blocks.push(
      `-- "${node.uid}" ran with parallelism ${node.parallelism}; SQL sets one parallelism for the job.`,
    );
  }
  if (
    node.kind === 'source.list' ||
    node.kind === 'source.generator' ||
    node.kind === 'source.script'
  ) {
    const table = script.names.snake(node.uid, 'source');
    const source =
      node.kind === 'source.generator'
        ? generatorTable(node, table, script.options.timeMode)
        : listTable(node, table, script.options.timeMode);
    if (node.kind === 'source.script' && hasControlSteps(node)) {
      script.cannot(
        node,
        'scriptSteps',
        'Watermark and processing-time steps',
        "a SQL table's watermark follows its records and its records arrive as fast as they are read; the Java job emits the script's watermarks and waits out its processing-time steps",
      );
    }
    script.blocks.push(source.statement);
    script.files.push(...source.files);
    if (source.droppedFields.length > 0) {
      script.cannot(
        node,
        'nestedFields',
        `Fields ${source.droppedFields.join(', ')}`,
        'they hold nested or mixed values, which have no single SQL column type',
      );
    }
    script.setStream(node.uid, 'out', { relation: table, columns: source.columns, key: null });
    return;
  }

  const inputs = node.inputs.map((i) => ({ input: i, stream: script.stream(i.from, i.port) }));
  const missing = inputs.find((i) => 'absent' in i.stream);
  if (missing !== undefined) {
    const why = (missing.stream as { absent: string }).absent;
    script.blocks.push(`-- ${heading(node)} is left out: ${why}.`);
    script.setStream(node.uid, 'out', {
      absent: `it reads "${missing.input.from}", left out above`,
    });
    return;
  }
  for (const { input } of inputs) {
    if (input.partitioning === 'broadcast') {
      script.cannot(
        node,
        'broadcast',
        'Broadcast input',
        'SQL plans its own data exchange; ' + JAVA_HINT,
      );
    }
  }
  const streams = inputs.map((i) => i.stream as Exclude<SqlStream, { absent: string }>);
  const input = streams[0]!;
  switch (node.kind) {
    case 'filter':
      return writeFilter(script, node, input);
    case 'map':
      return writeMap(script, node, input);
    case 'flatMap':
      return writeFlatMap(script, node, input);
    case 'keyBy':
      return writeKeyBy(script, node, input);
    case 'window':
    case 'windowAll':
      return writeWindow(script, node, input);
    case 'union':
      return writeUnion(script, node, streams);
    case 'sink':
      return writeSink(script, node, input);
  }
}

type Present = Exclude<SqlStream, { absent: string }>;

function passThrough(script: SqlScript, node: ExportNode, input: Present, what: string): void {
  const code = param.str(node, 'code');
  const name = script.names.snake(node.uid, 'step');
  script.cannot(node, 'javascript', what, `SQL cannot run JavaScript; ${JAVA_HINT}`);
  script.view(
    name,
    [
      `-- ${heading(node)} runs a JavaScript function, which SQL cannot express;`,
      `-- records pass through unchanged here (a user-defined function would be needed; ${JAVA_HINT}):`,
      ...codeComment(code),
    ],
    `SELECT ${script.selectList(input.columns)}\nFROM ${sqlIdent(input.relation)}`,
  );
  script.setStream(node.uid, 'out', { ...input, relation: name });
}

/** User code, quoted line by line in a comment. */
function codeComment(code: string): string[] {
  return code.split(/\r?\n/).map((l) => `--   ${l}`);
}

function writeFilter(script: SqlScript, node: ExportNode, input: Present): void {
  let condition: Expr | null;
  if (param.str(node, 'mode') === 'compare') {
    const value = literal(node.params.value);
    condition =
      value === null
        ? null
        : {
            type: 'binary',
            op: param.str(node, 'op') as '==',
            left: { type: 'field', record: 'r', name: param.str(node, 'field') },
            right: value,
          };
  } else {
    const fn = parseFunction(param.str(node, 'code'));
    condition = fn?.params.length === 1 ? fn.body : null;
  }
  const where = condition === null ? null : trySql(condition);
  if (where === null) return passThrough(script, node, input, 'Filter function');
  const name = script.names.snake(node.uid, 'filtered');
  script.view(
    name,
    [`-- ${heading(node)}`],
    `SELECT ${script.selectList(input.columns)}\nFROM ${sqlIdent(input.relation)}\nWHERE ${where}`,
  );
  script.setStream(node.uid, 'out', { ...input, relation: name });
}

function trySql(e: Expr): string | null {
  try {
    return sqlExpr(e);
  } catch (err) {
    if (err instanceof NotInSql) return null;
    throw err;
  }
}

const TYPE_OF_KIND = { number: 'DOUBLE', string: 'STRING', boolean: 'BOOLEAN' } as const;

/** Field assignments of a map: `field = expression` or `(r) => ({ ...r, field: expression })`. */
function mapAssignments(node: ExportNode): { name: string; value: Expr }[] | null {
  if (param.str(node, 'mode') === 'assign') {
    const value = parseExpression(param.str(node, 'expression'), ['r']);
    return value === null ? null : [{ name: param.str(node, 'field'), value }];
  }
  const fn = parseFunction(param.str(node, 'code'));
  if (fn === null || fn.params.length !== 1) return null;
  if (fn.body.type === 'param') return [];
  if (fn.body.type !== 'object' || fn.body.spread === null) return null;
  return fn.body.props;
}

function writeMap(script: SqlScript, node: ExportNode, input: Present): void {
  const assignments = mapAssignments(node);
  const exprs = assignments?.map((a) => ({ ...a, sql: trySql(a.value) }));
  if (exprs === undefined || exprs.some((e) => e.sql === null)) {
    return passThrough(script, node, input, 'Map function');
  }
  const columns = [...input.columns];
  const select = columns.map((c) => sqlIdent(c.name));
  for (const { name, value, sql } of exprs) {
    const at = columns.findIndex((c) => c.name === name);
    const kind = kindOf(value);
    const type =
      kind !== 'unknown'
        ? TYPE_OF_KIND[kind]
        : value.type === 'field'
          ? (columns.find((c) => c.name === value.name)?.type ?? 'STRING')
          : 'STRING';
    const item = `${sql} AS ${sqlIdent(name)}`;
    if (at >= 0) {
      columns[at] = { name, type };
      select[at] = item;
    } else {
      columns.push({ name, type });
      select.push(item);
    }
  }
  const name = script.names.snake(node.uid, 'mapped');
  script.view(
    name,
    [`-- ${heading(node)}`],
    `SELECT ${[...select, sqlIdent(script.time)].join(', ')}\nFROM ${sqlIdent(input.relation)}`,
  );
  const key =
    input.key !== null && columns.some((c) => c.name === input.key?.name) ? input.key : null;
  script.setStream(node.uid, 'out', { relation: name, columns, key });
}

function writeFlatMap(script: SqlScript, node: ExportNode, input: Present): void {
  const fn = parseFunction(param.str(node, 'code'));
  const identity =
    fn !== null &&
    fn.body.type === 'array' &&
    fn.body.items.length === 1 &&
    fn.body.items[0]!.type === 'param';
  if (!identity) return passThrough(script, node, input, 'FlatMap function');
  script.blocks.push(`-- ${heading(node)} emits each record as it is.`);
  script.setStream(node.uid, 'out', input);
}

function writeKeyBy(script: SqlScript, node: ExportNode, input: Present): void {
  let key: Expr | null;
  if (param.str(node, 'mode') === 'field') {
    key = { type: 'field', record: 'r', name: param.str(node, 'field') };
  } else {
    const fn = parseFunction(param.str(node, 'code'));
    key = fn?.params.length === 1 ? fn.body : null;
  }
  if (key?.type === 'field') {
    const field = key.name;
    const column = input.columns.find((c) => c.name === field) ?? { name: field, type: 'STRING' };
    script.blocks.push(`-- ${heading(node)}: the windows below group by ${sqlIdent(field)}.`);
    script.setStream(node.uid, 'out', { ...input, key: column });
    return;
  }
  const sql = key === null ? null : trySql(key);
  if (sql === null || key === null) {
    script.cannot(node, 'javascript', 'Key function', `SQL cannot run JavaScript; ${JAVA_HINT}`);
    script.blocks.push(
      [
        `-- ${heading(node)} computes its key in JavaScript, which SQL cannot express:`,
        ...codeComment(param.str(node, 'code')),
      ].join('\n'),
    );
    script.setStream(node.uid, 'out', { absent: `its key comes from JavaScript ("${node.uid}")` });
    return;
  }
  const name = script.names.snake(node.uid, 'keyed');
  const keyColumn: Column = {
    name: 'partition_key',
    type: kindOf(key) === 'unknown' ? 'STRING' : TYPE_OF_KIND[kindOf(key) as 'number'],
  };
  script.view(
    name,
    [`-- ${heading(node)}: the key as a column, so windows can group by it.`],
    `SELECT ${script.selectList(input.columns)}, ${sql} AS ${sqlIdent(keyColumn.name)}\nFROM ${sqlIdent(input.relation)}`,
  );
  script.setStream(node.uid, 'out', {
    relation: name,
    columns: [...input.columns, keyColumn],
    key: keyColumn,
  });
}

function aggregateSql(node: ExportNode, input: Present): { sql: string; type: string } | null {
  const field = param.str(node, 'field');
  const fieldType = input.columns.find((c) => c.name === field)?.type ?? 'DOUBLE';
  switch (param.str(node, 'aggregate')) {
    case 'count':
      return { sql: 'COUNT(*)', type: 'BIGINT' };
    case 'sum':
      return { sql: `SUM(${sqlIdent(field)})`, type: fieldType };
    case 'min':
      return { sql: `MIN(${sqlIdent(field)})`, type: fieldType };
    case 'max':
      return { sql: `MAX(${sqlIdent(field)})`, type: fieldType };
    case 'avg':
      // AVG of an integer column is an integer in Flink; the playground divides exactly.
      return { sql: `AVG(CAST(${sqlIdent(field)} AS DOUBLE))`, type: 'DOUBLE' };
    default:
      return null;
  }
}

function writeWindow(script: SqlScript, node: ExportNode, input: Present): void {
  const assigner = param.str(node, 'assigner');
  const keyed = node.kind === 'window' && input.key !== null;
  const late = { absent: `late records of "${node.uid}" have no SQL side output` };
  script.setStream(node.uid, 'late', late);
  if (assigner === 'count') {
    script.cannot(node, 'countWindow', 'Count window', `SQL windows are time-based; ${JAVA_HINT}`);
    script.blocks.push(
      `-- ${heading(node)} is a count window (${param.num(node, 'count')} records), which SQL has no\n` +
        `-- windowing function for; ${JAVA_HINT} (countWindow).`,
    );
    script.setStream(node.uid, 'out', { absent: `"${node.uid}" is a count window` });
    return;
  }
  const comments = [`-- ${heading(node)}`];
  const eventTime = script.options.timeMode === 'event';
  const lateness = param.num(node, 'allowedLatenessMs');
  if (eventTime && lateness > 0) {
    script.cannot(
      node,
      'allowedLateness',
      'Allowed lateness',
      `SQL windows fire once and drop late records; ${JAVA_HINT}`,
    );
    comments.push(
      `-- Allowed lateness (${lateness} ms) has no SQL equivalent: the window fires once at the`,
      `-- watermark and later records are dropped; ${JAVA_HINT} (allowedLateness).`,
    );
  }
  if (eventTime && param.bool(node, 'lateOutput')) {
    comments.push(
      `-- Late records are dropped: SQL has no late-data side output (the Java job's sideOutputLateData).`,
    );
    if (script.hasConsumers(node.uid, 'late')) {
      script.cannot(
        node,
        'lateOutput',
        'Late-data side output',
        `SQL drops late records; ${JAVA_HINT}`,
      );
    }
  }
  const aggregate = aggregateSql(node, input);
  if (aggregate === null) {
    script.cannot(node, 'javascript', 'Reduce function', `SQL cannot run JavaScript; ${JAVA_HINT}`);
    script.blocks.push(
      [
        `-- ${heading(node)} reduces with a JavaScript function, which SQL cannot express`,
        `-- (a user-defined AggregateFunction would be needed; ${JAVA_HINT}):`,
        ...codeComment(param.str(node, 'reduce')),
      ].join('\n'),
    );
    script.setStream(node.uid, 'out', { absent: `"${node.uid}" reduces with JavaScript` });
    return;
  }
  const key = keyed ? sqlIdent(input.key!.name) : null;
  const name = script.names.snake(node.uid, 'windowed');
  const select =
    assigner === 'session'
      ? sessionWindow(script, node, input, key, aggregate.sql, comments)
      : windowTvf(script, node, input, key, aggregate.sql);
  script.view(name, comments, select);
  script.setStream(node.uid, 'out', {
    relation: name,
    columns: [
      ...(keyed ? [{ name: 'key', type: input.key!.type }] : []),
      { name: 'start', type: 'TIMESTAMP(3)' },
      { name: 'end', type: 'TIMESTAMP(3)' },
      { name: 'value', type: aggregate.type },
    ],
    key: null,
  });
}

/** Tumbling and sliding windows as the TUMBLE and HOP windowing table-valued functions. */
function windowTvf(
  script: SqlScript,
  node: ExportNode,
  input: Present,
  key: string | null,
  aggregate: string,
): string {
  const table = `TABLE ${sqlIdent(input.relation)}`;
  const time = `DESCRIPTOR(${sqlIdent(script.time)})`;
  const offset = param.num(node, 'offsetMs');
  const withOffset = offset !== 0 ? `, ${interval(offset)}` : '';
  const tvf =
    param.str(node, 'assigner') === 'sliding'
      ? `HOP(${table}, ${time}, ${interval(param.num(node, 'slideMs'))}, ${interval(param.num(node, 'sizeMs'))}${withOffset})`
      : `TUMBLE(${table}, ${time}, ${interval(param.num(node, 'sizeMs'))}${withOffset})`;
  const select = [
    ...(key === null ? [] : [`${key} AS ${sqlIdent('key')}`]),
    `window_start AS ${sqlIdent('start')}`,
    `window_end AS ${sqlIdent('end')}`,
    `${aggregate} AS ${sqlIdent('value')}`,
    `window_time AS ${sqlIdent(script.time)}`,
  ];
  const groupBy = [...(key === null ? [] : [key]), 'window_start', 'window_end', 'window_time'];
  return `SELECT\n  ${select.join(',\n  ')}\nFROM TABLE(\n  ${tvf})\nGROUP BY ${groupBy.join(', ')}`;
}

/**
 * Session windows as a group window aggregation, which every Flink version runs; the SESSION
 * windowing TVF (Flink 1.19+) says the same and is shown beside it.
 */
function sessionWindow(
  script: SqlScript,
  node: ExportNode,
  input: Present,
  key: string | null,
  aggregate: string,
  comments: string[],
): string {
  const time = sqlIdent(script.time);
  const gap = interval(param.num(node, 'gapMs'));
  const partition = key === null ? '' : ` PARTITION BY ${key}`;
  comments.push(
    `-- As a windowing TVF (Flink 1.19+): FROM TABLE(SESSION(TABLE ${sqlIdent(input.relation)}${partition},`,
    `--   DESCRIPTOR(${time}), ${gap})) GROUP BY ${key === null ? '' : `${key}, `}window_start, window_end`,
  );
  const window = `${time}, ${gap}`;
  const timeFn = script.options.timeMode === 'event' ? 'SESSION_ROWTIME' : 'SESSION_PROCTIME';
  const select = [
    ...(key === null ? [] : [`${key} AS ${sqlIdent('key')}`]),
    `SESSION_START(${window}) AS ${sqlIdent('start')}`,
    `SESSION_END(${window}) AS ${sqlIdent('end')}`,
    `${aggregate} AS ${sqlIdent('value')}`,
    `${timeFn}(${window}) AS ${time}`,
  ];
  const groupBy = [...(key === null ? [] : [key]), `SESSION(${window})`];
  return `SELECT\n  ${select.join(',\n  ')}\nFROM ${sqlIdent(input.relation)}\nGROUP BY ${groupBy.join(', ')}`;
}

function writeUnion(script: SqlScript, node: ExportNode, inputs: Present[]): void {
  const columns = inputs[0]!.columns;
  const selects = inputs.map((s) => {
    const items = columns.map((c) =>
      s.columns.some((own) => own.name === c.name)
        ? sqlIdent(c.name)
        : `CAST(NULL AS ${c.type}) AS ${sqlIdent(c.name)}`,
    );
    return `SELECT ${[...items, sqlIdent(script.time)].join(', ')} FROM ${sqlIdent(s.relation)}`;
  });
  const name = script.names.snake(node.uid, 'merged');
  script.view(name, [`-- ${heading(node)}`], selects.join('\nUNION ALL\n'));
  script.setStream(node.uid, 'out', { relation: name, columns, key: null });
}

function writeSink(script: SqlScript, node: ExportNode, input: Present): void {
  const table = script.names.snake(node.uid, 'sink');
  const columns = [
    ...input.columns.map((c) => `  ${sqlIdent(c.name)} ${c.type}`),
    `  ${sqlIdent(script.time)} ${TIME_TYPE}`,
  ];
  script.blocks.push(
    [
      `-- Sink "${node.uid}" (${commentText(param.str(node, 'name'))}): printed to the TaskManagers' stdout;`,
      `-- 'connector' = 'blackhole' discards the rows instead, e.g. to measure throughput.`,
      `CREATE TABLE ${sqlIdent(table)} (\n${columns.join(',\n')}\n) WITH (\n  'connector' = 'print',\n  'print-identifier' = '${param.str(node, 'name').replace(/'/g, "''")}'\n);`,
    ].join('\n'),
  );
  script.inserts.push(
    `INSERT INTO ${sqlIdent(table)}\nSELECT ${script.selectList(input.columns)} FROM ${sqlIdent(input.relation)};`,
  );
}

/** Whether a script has steps other than records, which SQL cannot replay. */
function hasControlSteps(node: ExportNode): boolean {
  const steps = Array.isArray(node.params.steps) ? node.params.steps : [];
  return steps.some((step) => typeof step === 'object' && step !== null && !('add' in step));
}
