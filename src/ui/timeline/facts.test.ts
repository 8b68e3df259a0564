import { describe, expect, it } from 'vitest';
import { barrierFacts, lateFacts, recordFacts, watermarkFacts, windowFacts } from './facts';
import { scenario } from './test-scenario';

const model = scenario(60, 250);

describe('facts for tooltips', () => {
  it('tells a record’s operator, key, both times and its window', () => {
    const c = model.records.columns;
    const row = [...Array(model.records.length).keys()].find(
      (i) => c.lane[i] === 1 && c.pt[i] === 3000,
    )!;
    const f = recordFacts(model, row);
    expect(f).toMatchObject({
      operator: 'Per 10 s',
      subtask: 0,
      processingTime: 3000,
      eventTime: 2700,
    });
    expect(f.key).toBe('user-1');
    expect(f.windows.map((w) => [w.start, w.end])).toEqual([[0, 10_000]]);
  });

  it('gives a source record no windows', () => {
    expect(recordFacts(model, 0).windows).toEqual([]);
    expect(recordFacts(model, 0).key).toBeUndefined();
  });

  it('says why a record was late and where it went', () => {
    const f = lateFacts(model, 0);
    expect(f.outcome).toBe('side-output');
    expect(f.behindBy).toBe(f.watermark - f.eventTime);
    expect(f.windows.length).toBe(1);
    expect(f.windows[0]!.firedPt).not.toBeNull();
    expect(lateFacts(model, 1).outcome).toBe('dropped');
  });

  it('describes a window: range, key, result, the watermark that fired it', () => {
    const c = model.windows.columns;
    const fired = [...Array(model.windows.length).keys()].find((i) => !Number.isNaN(c.firedPt[i]))!;
    const f = windowFacts(model, fired);
    expect(f.start).toBe(0);
    expect(f.end).toBe(10_000);
    expect(f.firedWatermark).toBeGreaterThanOrEqual(9_999);
    expect(f.hasResult).toBe(true);
    expect(String(f.result)).toMatch(/^count /);
    const open = [...Array(model.windows.length).keys()].find((i) => Number.isNaN(c.firedPt[i]))!;
    expect(windowFacts(model, open).firedPt).toBeNull();
  });

  it('describes watermarks and barriers', () => {
    expect(watermarkFacts(model, 0)).toMatchObject({ operator: 'Clicks', subtask: 0 });
    expect(barrierFacts(model, 2)).toMatchObject({
      operator: 'Per 10 s',
      subtask: 1,
      checkpoint: 1,
      aligned: true,
    });
  });
});
