import { describe, expect, it } from 'vitest';
import type { SinkResult } from '../../engine/runtime/job';
import { MAX_HELD_RESULTS, ResultLog } from './result-log';

const result = (sink: string, n: number): SinkResult => ({
  sink,
  subtask: 0,
  value: n,
  timestamp: n,
  processingTime: n,
});

describe('the result log', () => {
  it('keeps arrival order over all sinks and per sink', () => {
    const log = new ResultLog();
    log.add([result('a', 1), result('b', 2)], []);
    log.add([result('a', 3)], [{ id: 9, op: 1, subtask: 0, pt: 4, ts: 0, value: 'late' }]);
    expect(log.all().map((r) => r.value)).toEqual([1, 2, 3]);
    expect(log.of('a').map((r) => r.value)).toEqual([1, 3]);
    expect(log.of('none')).toEqual([]);
    expect(log.sideOutput.map((s) => s.id)).toEqual([9]);
    expect(log.received).toBe(3);
    expect(log.truncated).toBe(false);
  });

  it('stops holding results past its bound but keeps counting them', () => {
    const log = new ResultLog();
    const many = Array.from({ length: MAX_HELD_RESULTS + 5 }, (_, i) => result('a', i));
    log.add(many, [{ id: 1, op: 0, subtask: 0, pt: 0, ts: 0, value: null }]);
    expect(log.received).toBe(MAX_HELD_RESULTS + 5);
    expect(log.sideOutput).toEqual([]);
    expect(log.all().length).toBe(MAX_HELD_RESULTS);
    expect(log.truncated).toBe(true);
  });
});
