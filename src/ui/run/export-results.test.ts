import { describe, expect, it } from 'vitest';
import type { SinkResult } from '../../engine/runtime/job';
import { resultsToCsv, resultsToJson, showValue } from './export-results';

const results: SinkResult[] = [
  {
    sink: 'counts',
    subtask: 0,
    value: { key: 'user "7"', start: 0, end: 10_000, value: 3 },
    timestamp: 9_999,
    processingTime: 10_200,
  },
  { sink: 'raw', subtask: 1, value: { a: 1, b: 'x,y' }, timestamp: Infinity, processingTime: 5 },
];

describe('result export', () => {
  it('writes one CSV row per result, windows in their own columns, quoting where needed', () => {
    expect(resultsToCsv(results).split('\n')).toEqual([
      'sink,subtask,key,window_start,window_end,value,timestamp,processing_time',
      'counts,0,"user ""7""",0,10000,3,9999,10200',
      'raw,1,,,,"{""a"":1,""b"":""x,y""}",Infinity,5',
      '',
    ]);
  });

  it('writes JSON as the CLI does, infinite times as text, with the late side output', () => {
    const side = [{ id: 4, op: 2, subtask: 0, pt: 30, ts: 1, value: { v: 1 } }];
    const parsed = JSON.parse(resultsToJson(results, side)) as {
      results: SinkResult[];
      lateSideOutput: unknown[];
    };
    expect(parsed.results[1]!.timestamp).toBe('Infinity');
    expect(parsed.results[0]).toEqual(results[0]);
    expect(parsed.lateSideOutput).toEqual(side);
  });

  it('shows strings as they are and other values as JSON', () => {
    expect(showValue('a b')).toBe('a b');
    expect(showValue(12)).toBe('12');
    expect(showValue({ k: [1] })).toBe('{"k":[1]}');
    expect(showValue(-Infinity)).toBe('-Infinity');
  });
});
