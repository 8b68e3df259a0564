import { describe, expect, it } from 'vitest';
import { fileNameFor, serialize } from './files';

const doc = (name: string) => ({ version: 1 as const, name, nodes: [], edges: [] });

describe('pipeline files', () => {
  it('names the file after the pipeline', () => {
    expect(fileNameFor(doc('Clicks per user, 10 s!'))).toBe('clicks-per-user-10-s.tidemark.json');
    expect(fileNameFor(doc('每位用户的点击数'))).toBe('每位用户的点击数.tidemark.json');
    expect(fileNameFor(doc('  '))).toBe('pipeline.tidemark.json');
  });

  it('writes JSON that reads back as the same document', () => {
    const written = serialize(doc('p'));
    expect(written.endsWith('\n')).toBe(true);
    expect(JSON.parse(written)).toEqual(doc('p'));
  });
});
