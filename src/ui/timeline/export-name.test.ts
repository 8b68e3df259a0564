import { describe, expect, it } from 'vitest';
import { fileSlug, timelineFileName } from './export-name';

describe('exported timeline file names', () => {
  it('name the pipeline and the view', () => {
    expect(timelineFileName('Late data: dropped vs side output', 'diagram', 'svg')).toBe(
      'tidemark-timeline-late-data-dropped-vs-side-output-diagram.svg',
    );
    expect(timelineFileName('Clicks', 'lanes', 'png')).toBe('tidemark-timeline-clicks-lanes.png');
  });

  it('keep letters of any script and fall back to "pipeline"', () => {
    expect(fileSlug('迟到数据：丢弃还是旁路输出')).toBe('迟到数据-丢弃还是旁路输出');
    expect(fileSlug('  ***  ')).toBe('pipeline');
    expect(fileSlug('')).toBe('pipeline');
  });

  it('stay short and never end in a hyphen', () => {
    const slug = fileSlug('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(48);
    expect(slug.endsWith('-')).toBe(false);
  });
});
