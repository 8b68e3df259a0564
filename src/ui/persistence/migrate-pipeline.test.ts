import { describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '../../engine/pipeline/document';
import { migratePipeline, PIPELINE_MIGRATIONS, type PipelineMigration } from './migrate-pipeline';
import { StorageError } from './storage-error';

const current = { version: PIPELINE_VERSION, name: 'Now', nodes: [], edges: [] };

describe('migratePipeline', () => {
  it('has exactly one step from each older version to the current one', () => {
    const expected = Array.from({ length: PIPELINE_VERSION - 1 }, (_, i) => String(i + 1));
    expect(Object.keys(PIPELINE_MIGRATIONS).sort()).toEqual(expected);
  });

  it('passes a current document through unchanged', () => {
    expect(migratePipeline(structuredClone(current))).toEqual(current);
  });

  // A table as it would look after two version bumps.
  const table: Record<number, PipelineMigration> = {
    1: (doc) => ({ ...doc, edges: [], renamed: doc.name }),
    2: ({ renamed, ...doc }) => ({ ...doc, name: `${String(renamed)}!` }),
  };

  it('runs every step from the stored version to the target, in order', () => {
    const v1 = { version: 1, name: 'Old', nodes: [], edges: 'x' };
    expect(migratePipeline(v1, table, 3)).toEqual({
      version: 3,
      name: 'Old!',
      nodes: [],
      edges: [],
    });
    expect(migratePipeline({ ...v1, version: 2, renamed: 'Mid' }, table, 3)).toEqual({
      version: 3,
      name: 'Mid!',
      nodes: [],
      edges: 'x',
    });
    expect(v1.version).toBe(1);
  });

  it('refuses a version it has no step for', () => {
    expect(() => migratePipeline({ ...current, version: 1 }, {}, 2)).toThrow(
      expect.objectContaining({ reason: 'missingMigration' }),
    );
  });

  it('refuses a document from a newer Tidemark, saying so', () => {
    const future = { ...current, version: PIPELINE_VERSION + 1, name: 'Later' };
    expect(() => migratePipeline(future)).toThrow(StorageError);
    expect(() => migratePipeline(future)).toThrow(
      `Project "Later" was saved by a newer version of Tidemark (pipeline version ${PIPELINE_VERSION + 1}, this one reads up to ${PIPELINE_VERSION})`,
    );
  });

  it.each([
    ['no version', { name: 'Old', nodes: [], edges: [] }],
    ['a version of text', { ...current, version: '1' }],
    ['version 0', { ...current, version: 0 }],
    ['a fractional version', { ...current, version: 1.5 }],
  ])('refuses a document with %s', (_, raw) => {
    expect(() => migratePipeline(raw)).toThrow(
      expect.objectContaining({ reason: 'unversionedDocument' }),
    );
  });

  it('refuses what is not a document at all', () => {
    expect(() => migratePipeline([current])).toThrow(StorageError);
    expect(() => migratePipeline(null)).toThrow(StorageError);
  });
});
