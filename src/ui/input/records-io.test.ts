import { describe, expect, it } from 'vitest';
import {
  formatCsv,
  formatJsonl,
  parseCsv,
  parseInput,
  formatInput,
  parseJsonl,
  type InputRecord,
} from './records-io';

const records: InputRecord[] = [
  { ts: 1000, at: 1200, user: 'alice', clicks: 3 },
  { ts: 900, at: 2500, user: 'bob, jr', note: 'said "hi"' },
  { ts: 3000, at: 3000, user: '42', flag: true, extra: null, tags: ['a', 'b'] },
];

describe('input files', () => {
  it('round-trips JSON Lines', () => {
    const text = formatJsonl(records);
    expect(text.split('\n')).toHaveLength(4);
    expect(parseJsonl(text)).toEqual({ ok: true, records });
  });

  it('round-trips CSV, keeping text that looks like a number as text', () => {
    const text = formatCsv(records);
    expect(text.split('\n')[0]).toBe('ts,at,user,clicks,note,flag,extra,tags');
    expect(text).toContain('"bob, jr"');
    expect(text).toContain('"said ""hi"""');
    const parsed = parseCsv(text);
    expect(parsed).toEqual({
      ok: true,
      records: [records[0], records[1], { ...records[2], tags: '["a","b"]' }],
    });
  });

  it('reads quoted line breaks and CRLF', () => {
    const parsed = parseInput('ts,at,text\r\n1,2,"two\nlines"\r\n3,4,x\r\n', 'csv');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { ts: 1, at: 2, text: 'two\nlines' },
        { ts: 3, at: 4, text: 'x' },
      ],
    });
  });

  it('names the line of every bad JSON line', () => {
    const parsed = parseJsonl('{"ts": 1}\n\n{"ts": \n[1, 2]\n');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => [i.line, i.key])).toEqual([
      [3, 'notJson'],
      [4, 'notObject'],
    ]);
  });

  it('names the line of a CSV row with the wrong number of cells, counting quoted breaks', () => {
    const parsed = parseCsv('ts,at\n1,"a\nb"\n2\n');
    expect(parsed).toEqual({
      ok: false,
      issues: [{ line: 4, key: 'columns', values: { found: 1, expected: 2 } }],
    });
  });

  it('refuses an unclosed quote and a blank header', () => {
    expect(parseCsv('ts,at\n1,"open\n')).toEqual({
      ok: false,
      issues: [{ line: 2, key: 'quote' }],
    });
    expect(parseCsv('ts,,at\n')).toEqual({
      ok: false,
      issues: [{ line: 1, key: 'emptyField', values: { column: 2 } }],
    });
  });

  it('formats nothing as an empty file and reads it back as no records', () => {
    for (const format of ['csv', 'jsonl'] as const) {
      expect(parseInput(formatInput([], format), format)).toEqual({ ok: true, records: [] });
    }
  });
});
