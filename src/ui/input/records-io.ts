/**
 * A source's input as a file: JSON Lines (one record per line) or CSV (a header of field
 * names, then one record per row). Pure, so import and export are tested without a browser.
 */
import type { JsonValue } from '../../engine/pipeline/document';

export type InputRecord = { [field: string]: JsonValue };
export type InputFormat = 'jsonl' | 'csv';

/** What went wrong on which line (1-based), as a translation key and its values. */
export interface InputIssue {
  line: number;
  key: 'notJson' | 'notObject' | 'columns' | 'quote' | 'emptyField';
  values?: Record<string, string | number>;
}

export type ParsedInput =
  { ok: true; records: InputRecord[] } | { ok: false; issues: InputIssue[] };

export function formatInput(records: readonly InputRecord[], format: InputFormat): string {
  return format === 'jsonl' ? formatJsonl(records) : formatCsv(records);
}

export function parseInput(text: string, format: InputFormat): ParsedInput {
  return format === 'jsonl' ? parseJsonl(text) : parseCsv(text);
}

export function formatJsonl(records: readonly InputRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export function parseJsonl(text: string): ParsedInput {
  const records: InputRecord[] = [];
  const issues: InputIssue[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      issues.push({ line: index + 1, key: 'notJson', values: { error: String(error) } });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      issues.push({ line: index + 1, key: 'notObject' });
      return;
    }
    records.push(value as InputRecord);
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}

/** Every field any record has, in first-seen order, so no column is lost. */
function columns(records: readonly InputRecord[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const field of Object.keys(r)) seen.add(field);
  return [...seen];
}

function csvCell(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A string that would read back as a number, boolean or nothing keeps its quotes.
  const ambiguous = typeof value === 'string' && readCell(value, false) !== value;
  return ambiguous || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatCsv(records: readonly InputRecord[]): string {
  const fields = columns(records);
  if (fields.length === 0) return '';
  const rows = records.map((r) => fields.map((f) => csvCell(r[f])).join(','));
  return [fields.join(','), ...rows].map((row) => `${row}\n`).join('');
}

/** Unquoted cells read as numbers, booleans or null where they look like one; quoted ones stay text. */
function readCell(cell: string, quoted: boolean): JsonValue | undefined {
  if (quoted) return cell;
  if (cell === '') return undefined;
  if (cell === 'true' || cell === 'false') return cell === 'true';
  if (cell === 'null') return null;
  const n = Number(cell);
  return cell.trim() !== '' && Number.isFinite(n) ? n : cell;
}

type Cell = { text: string; quoted: boolean };

/** Splits CSV into rows of cells (RFC 4180 quoting), each row with the line it starts on. */
function csvRows(text: string): { rows: { line: number; cells: Cell[] }[]; issue?: InputIssue } {
  const rows: { line: number; cells: Cell[] }[] = [];
  let cells: Cell[] = [];
  let cell = '';
  let quoted = false;
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const endCell = () => {
    cells.push({ text: cell, quoted });
    cell = '';
    quoted = false;
  };
  const endRow = () => {
    endCell();
    if (!(cells.length === 1 && cells[0].text === '' && !cells[0].quoted)) {
      rows.push({ line: rowLine, cells });
    }
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') inQuotes = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      inQuotes = true;
      quoted = true;
    } else if (c === ',') endCell();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (inQuotes) return { rows, issue: { line: rowLine, key: 'quote' } };
  if (cell !== '' || quoted || cells.length > 0) endRow();
  return { rows };
}

export function parseCsv(text: string): ParsedInput {
  const { rows, issue } = csvRows(text);
  if (issue !== undefined) return { ok: false, issues: [issue] };
  const [header, ...body] = rows;
  if (header === undefined) return { ok: true, records: [] };
  const fields = header.cells.map((c) => c.text.trim());
  const blank = fields.findIndex((f) => f === '');
  if (blank >= 0) {
    return {
      ok: false,
      issues: [{ line: header.line, key: 'emptyField', values: { column: blank + 1 } }],
    };
  }
  const issues: InputIssue[] = [];
  const records: InputRecord[] = [];
  for (const row of body) {
    if (row.cells.length !== fields.length) {
      issues.push({
        line: row.line,
        key: 'columns',
        values: { found: row.cells.length, expected: fields.length },
      });
      continue;
    }
    const record: InputRecord = {};
    row.cells.forEach((c, i) => {
      const value = readCell(c.text, c.quoted);
      if (value !== undefined) record[fields[i]] = value;
    });
    records.push(record);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, records };
}
