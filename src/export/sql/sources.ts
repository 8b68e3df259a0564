/**
 * CREATE TABLE statements for sources. A generator becomes a datagen table of the same shape
 * (keys, rate, disorder); a list of records becomes a JSON file the filesystem connector
 * reads, so the job sees exactly the playground's records.
 */
import type { JsonValue } from '../../engine/pipeline/document';
import type { TimeMode } from '../options';
import { secondsText } from '../names';
import { param, type ExportNode } from '../topology';
import { sqlIdent, sqlString } from './sql-expr';

export interface Column {
  name: string;
  type: string;
}

export interface SourceTable {
  statement: string;
  columns: Column[];
  /** Extra files the statement reads. */
  files: { path: string; content: string }[];
  /** Record fields that could not become columns. */
  droppedFields: string[];
}

export const EVENT_TIME = 'event_time';
export const PROC_TIME = 'proc_time';
export const TIME_TYPE = 'TIMESTAMP_LTZ(3)';

export function timeColumn(mode: TimeMode): string {
  return mode === 'event' ? EVENT_TIME : PROC_TIME;
}

/** SQL interval literal for milliseconds. */
export function interval(ms: number): string {
  return `INTERVAL '${secondsText(ms)}' SECOND`;
}

/**
 * Flink's DataStream bounded-out-of-orderness watermark trails the largest timestamp by the
 * bound plus 1 ms, and so does the playground's; a SQL watermark expression is taken as is.
 */
function watermarkClause(node: ExportNode): string {
  // A script's watermark is its own steps, which SQL cannot say: the nearest is monotonous.
  const bound =
    node.kind === 'source.script' || param.str(node, 'watermarks') === 'monotonous'
      ? 0
      : param.num(node, 'outOfOrdernessMs');
  const t = sqlIdent(EVENT_TIME);
  return `WATERMARK FOR ${t} AS ${t} - ${interval(bound + 1)}`;
}

function timeLines(node: ExportNode, mode: TimeMode, eventTimeExpr: string): string[] {
  if (mode === 'processing') return [`${sqlIdent(PROC_TIME)} AS PROCTIME()`];
  return [`${sqlIdent(EVENT_TIME)} AS ${eventTimeExpr}`, watermarkClause(node)];
}

function withClause(options: [string, string][]): string {
  return `WITH (\n${options.map(([k, v]) => `  ${sqlString(k)} = ${sqlString(v)}`).join(',\n')}\n)`;
}

function createTable(name: string, lines: string[], options: [string, string][]): string {
  return `CREATE TABLE ${sqlIdent(name)} (\n${lines.map((l) => `  ${l}`).join(',\n')}\n) ${withClause(options)};`;
}

function alternatives(table: string, fields: string): string {
  return [
    `-- To read real data, keep the columns and swap the WITH clause, e.g. for Kafka:`,
    `--   'connector' = 'kafka', 'topic' = '${table}', 'properties.bootstrap.servers' = 'localhost:9092',`,
    `--   'scan.startup.mode' = 'earliest-offset', 'format' = 'json'`,
    `-- or for files: 'connector' = 'filesystem', 'path' = '${table}.jsonl', 'format' = 'json'`,
    `-- (with ${fields} declared as physical columns).`,
  ].join('\n');
}

export function generatorTable(node: ExportNode, table: string, mode: TimeMode): SourceTable {
  const generator = param.str(node, 'generator');
  const keys = Math.max(1, Math.round(param.num(node, 'keys')));
  const count = param.numOrNull(node, 'count');
  const rate = param.num(node, 'ratePerSecond');
  const disorder = Math.round(param.num(node, 'disorderMs'));
  const notes: string[] = [
    `-- Source "${node.uid}": datagen makes random ${generator} records of the same shape (keys, rate, disorder);`,
    `-- it does not replay the playground's seeded records, nor its late ones (the Java job's generator does).`,
  ];
  const rowsPerSecond = Math.max(1, Math.round(rate));
  if (rowsPerSecond !== rate) {
    notes.push(
      `-- datagen takes whole rows per second: ${rate}/s is rounded to ${rowsPerSecond}/s.`,
    );
  }
  const options: [string, string][] = [
    ['connector', 'datagen'],
    ['rows-per-second', String(rowsPerSecond)],
  ];
  if (count !== null) options.push(['number-of-rows', String(count)]);
  const range = (field: string, min: number, max: number) => {
    options.push([`fields.${field}.min`, String(min)], [`fields.${field}.max`, String(max)]);
  };
  const eventTime = `TO_TIMESTAMP_LTZ(UNIX_TIMESTAMP() * 1000 - ${sqlIdent('delay_ms')}, 3)`;

  if (generator === 'sensor') {
    range('sensor_no', 0, keys - 1);
    range('value', 16, 25);
    range('delay_ms', 0, disorder);
    const sensor = `CONCAT('sensor-', CAST(${sqlIdent('sensor_no')} AS STRING))`;
    const lines = [
      `${sqlIdent('sensor_no')} INT`,
      `${sqlIdent('value')} DOUBLE`,
      `${sqlIdent('delay_ms')} INT`,
      `${sqlIdent('sensor')} AS ${sensor}`,
      `${sqlIdent('key')} AS ${sensor}`,
      `${sqlIdent('unit')} AS 'C'`,
      ...timeLines(node, mode, eventTime),
    ];
    return {
      statement: [
        ...notes,
        createTable(table, lines, options),
        alternatives(table, '`sensor`, `key`, `unit` and `value`'),
      ].join('\n'),
      columns: [
        { name: 'sensor', type: 'STRING' },
        { name: 'key', type: 'STRING' },
        { name: 'value', type: 'DOUBLE' },
        { name: 'unit', type: 'STRING' },
      ],
      files: [],
      droppedFields: [],
    };
  }

  range('user_no', 0, keys - 1);
  range('page_no', 0, 4);
  range('action_roll', 0, 99);
  range('delay_ms', 0, disorder);
  const user = `CONCAT('user-', CAST(${sqlIdent('user_no')} AS STRING))`;
  const pages = ['/', '/search', '/product', '/cart', '/checkout']
    .map((p, i) => `WHEN ${i} THEN ${sqlString(p)}`)
    .join(' ');
  const roll = sqlIdent('action_roll');
  const lines = [
    `${sqlIdent('user_no')} INT`,
    `${sqlIdent('page_no')} INT`,
    `${sqlIdent('action_roll')} INT`,
    `${sqlIdent('delay_ms')} INT`,
    `${sqlIdent('user')} AS ${user}`,
    `${sqlIdent('page')} AS CASE ${sqlIdent('page_no')} ${pages} END`,
    `${sqlIdent('action')} AS CASE WHEN ${roll} < 75 THEN 'view' WHEN ${roll} < 95 THEN 'click' ELSE 'purchase' END`,
    `${sqlIdent('key')} AS ${user}`,
    `${sqlIdent('value')} AS 1`,
    ...timeLines(node, mode, eventTime),
  ];
  return {
    statement: [
      ...notes,
      createTable(table, lines, options),
      alternatives(table, '`user`, `page`, `action`, `key` and `value`'),
    ].join('\n'),
    columns: [
      { name: 'user', type: 'STRING' },
      { name: 'page', type: 'STRING' },
      { name: 'action', type: 'STRING' },
      { name: 'key', type: 'STRING' },
      { name: 'value', type: 'INT' },
    ],
    files: [],
    droppedFields: [],
  };
}

function sqlTypeOf(values: readonly JsonValue[]): string | null {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return 'STRING';
  if (present.every((v) => typeof v === 'number')) {
    return present.every((v) => Number.isInteger(v)) ? 'BIGINT' : 'DOUBLE';
  }
  if (present.every((v) => typeof v === 'string')) return 'STRING';
  if (present.every((v) => typeof v === 'boolean')) return 'BOOLEAN';
  return null;
}

const isRecord = (r: JsonValue): r is Record<string, JsonValue> =>
  typeof r === 'object' && r !== null && !Array.isArray(r);

/** A script's records in the order its steps add them. */
export function scriptRecords(node: ExportNode): Record<string, JsonValue>[] {
  const steps = Array.isArray(node.params.steps) ? node.params.steps : [];
  return steps.flatMap((step) =>
    isRecord(step) && Array.isArray(step.add) ? step.add.filter(isRecord) : [],
  );
}

/** Records in arrival order, as the playground's list source emits them. */
export function inArrivalOrder(node: ExportNode): Record<string, JsonValue>[] {
  const arrival = param.str(node, 'arrivalField');
  const records = (Array.isArray(node.params.records) ? node.params.records : []).filter(
    (r): r is Record<string, JsonValue> => typeof r === 'object' && r !== null && !Array.isArray(r),
  );
  return records
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => Number(a[arrival] ?? 0) - Number(b[arrival] ?? 0) || i - j)
    .map(([r]) => r);
}

/** A list source's records, or a script's, as a JSON lines file the table reads. */
export function listTable(node: ExportNode, table: string, mode: TimeMode): SourceTable {
  const script = node.kind === 'source.script';
  const records = script ? scriptRecords(node) : inArrivalOrder(node);
  const tsField = param.str(node, 'timestampField');
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const columns: Column[] = [];
  const skippedFields: string[] = [];
  for (const name of names) {
    const type = sqlTypeOf(records.map((r) => r[name] ?? null));
    if (type === null) skippedFields.push(name);
    else columns.push({ name, type });
  }
  if (!columns.some((c) => c.name === tsField)) columns.push({ name: tsField, type: 'BIGINT' });
  const path = `data/${table}.jsonl`;
  const lines = [
    ...columns.map((c) => `${sqlIdent(c.name)} ${c.type}`),
    ...timeLines(node, mode, `TO_TIMESTAMP_LTZ(${sqlIdent(tsField)}, 3)`),
  ];
  const notes = [
    `-- Source "${node.uid}": its ${records.length} records, in ${script ? 'script' : 'arrival'} order, are in ${path}`,
    `-- (the path is relative to where the SQL client starts; on a cluster use a shared file system).`,
  ];
  if (script) {
    notes.push(
      `-- Its watermark follows the records here; the script's watermark and processing-time steps are in the Java job.`,
    );
  }
  if (!param.bool(node, 'bounded')) {
    notes.push(
      `-- The playground kept this source open after its last record; a file source ends there.`,
    );
  }
  const extra: string[] = [];
  if (skippedFields.length > 0) {
    extra.push(
      `-- Fields with nested or mixed values are not columns here: ${skippedFields.join(', ')}.`,
    );
  }
  return {
    statement: [
      ...notes,
      ...extra,
      createTable(table, lines, [
        ['connector', 'filesystem'],
        ['path', path],
        ['format', 'json'],
      ]),
    ].join('\n'),
    columns,
    files: [{ path, content: records.map((r) => JSON.stringify(r)).join('\n') + '\n' }],
    droppedFields: skippedFields,
  };
}
