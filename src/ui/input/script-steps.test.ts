import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../engine/pipeline/document';
import {
  deleteStep,
  formatScriptJsonl,
  moveStep,
  newStep,
  parseScriptJsonl,
  replaceStep,
  stepRows,
  summarizeScript,
} from './script-steps';

const steps: JsonValue[] = [
  { add: [{ ts: 1_000 }, { ts: 4_000 }] },
  { advanceProcessingTime: 500 },
  { advanceWatermark: 3_000 },
  { add: [{ ts: 2_000 }, { ts: 9_000 }, { when: 1 }] },
  { advanceProcessingTime: 250 },
  { advanceWatermarkToInfinity: true },
  { pause: 3 },
];

describe('script steps', () => {
  it('run the clock and the watermark forward beside each step', () => {
    expect(stepRows(steps, 'ts').map((r) => [r.kind, r.processingTime, r.watermark])).toEqual([
      ['add', 0, -Infinity],
      ['advanceProcessingTime', 500, -Infinity],
      ['advanceWatermark', 500, 3_000],
      ['add', 500, 3_000],
      ['advanceProcessingTime', 750, 3_000],
      ['advanceWatermarkToInfinity', 750, Infinity],
      [null, 750, Infinity],
    ]);
  });

  it('count the records that arrive behind the watermark', () => {
    expect(stepRows(steps, 'ts').map((r) => r.behind)).toEqual([0, 0, 0, 1, 0, 0, 0]);
    expect(stepRows(steps, 'when')[3]!.behind).toBe(1);
  });

  it('sum up records, watermark steps and processing-time steps', () => {
    expect(summarizeScript(steps)).toEqual({ records: 5, watermarks: 2, clockSteps: 2 });
  });

  it('add a step that fits after the last one', () => {
    const rows = stepRows(steps.slice(0, 3), 'ts');
    expect(newStep('advanceWatermark', rows, 'ts')).toEqual({ advanceWatermark: 4_000 });
    expect(newStep('add', rows, 'at')).toEqual({ add: [{ key: 'a', at: 4_000 }] });
    expect(newStep('add', rows, 'ts', 'user')).toEqual({ add: [{ user: 'a', ts: 4_000 }] });
    expect(newStep('advanceWatermark', [], 'ts')).toEqual({ advanceWatermark: 1_000 });
    expect(newStep('advanceProcessingTime', rows, 'ts')).toEqual({ advanceProcessingTime: 1_000 });
  });

  it('move, replace and delete one step, leaving the input as it was', () => {
    const before = structuredClone(steps);
    expect(moveStep(steps, 1, -1).slice(0, 2)).toEqual([steps[1], steps[0]]);
    expect(moveStep(steps, 0, -1)).toEqual(steps);
    expect(moveStep(steps, 6, 1)).toEqual(steps);
    expect(replaceStep(steps, 2, { advanceWatermark: 5 })[2]).toEqual({ advanceWatermark: 5 });
    expect(deleteStep(steps, 0)).toEqual(steps.slice(1));
    expect(steps).toEqual(before);
  });

  it('write and read JSON Lines, one step per line', () => {
    const valid = steps.slice(0, 6);
    const text = formatScriptJsonl(valid);
    expect(text.split('\n')[1]).toBe('{"advanceProcessingTime":500}');
    expect(parseScriptJsonl(`${text}\n\n`)).toEqual({ ok: true, steps: valid });
    expect(parseScriptJsonl('{"add": []}\n{oops')).toEqual({ ok: false, line: 2, reason: 'json' });
    expect(parseScriptJsonl('{"advanceWatermark": "5"}')).toEqual({
      ok: false,
      line: 1,
      reason: 'shape',
    });
  });
});
