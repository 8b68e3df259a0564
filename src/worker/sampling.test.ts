import { describe, expect, it } from 'vitest';
import { sampleEveryFor } from './sampling';

// 10 record events per ms over the first 100 s.
const density = { recordEvents: 1_000_000, span: 100_000 };

describe('sampleEveryFor', () => {
  it('keeps every record until the pilot has measured the density', () => {
    expect(sampleEveryFor(null, { recordEvents: 10, span: 5 }, 5)).toBe(1);
  });

  it('samples about maxEvents records over a view that holds the present', () => {
    const view = { ptFrom: 90_000, ptTo: 100_000, maxEvents: 10_000 };
    // 10 s in view at 10 per ms = 100,000 events for 10,000 marks.
    expect(sampleEveryFor(view, density, 95_000)).toBe(10);
  });

  it('outside the view, samples as if the whole run so far were in view', () => {
    const view = { ptFrom: 10_000, ptTo: 20_000, maxEvents: 10_000 };
    expect(sampleEveryFor(view, density, 100_000)).toBe(100);
  });

  it('a following view keeps its density when the run outruns the range it reported', () => {
    const view = { ptFrom: 10_000, ptTo: 20_000, maxEvents: 10_000, follow: true };
    expect(sampleEveryFor(view, density, 100_000)).toBe(10);
  });
});
