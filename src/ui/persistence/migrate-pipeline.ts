/**
 * Stored pipeline documents, brought up to the current PIPELINE_VERSION when read. A project
 * saved by a newer Tidemark, or without a version, is refused and left as it is.
 */
import { PIPELINE_VERSION, type PipelineDocument } from '../../engine/pipeline/document';
import { StorageError } from './storage-error';

type RawDocument = Record<string, unknown>;

/** Turns a version-n document into a version n+1 one; it need not set `version`. */
export type PipelineMigration = (doc: RawDocument) => RawDocument;

/**
 * Step n upgrades version n to n+1. Bumping PIPELINE_VERSION adds its step here (a test holds
 * the two together); steps are never edited once released.
 */
export const PIPELINE_MIGRATIONS: Readonly<Record<number, PipelineMigration>> = {};

export function migratePipeline(
  raw: unknown,
  migrations: Readonly<Record<number, PipelineMigration>> = PIPELINE_MIGRATIONS,
  target: number = PIPELINE_VERSION,
): PipelineDocument {
  if (!isObject(raw)) throw new StorageError('failed', { detail: 'not a pipeline document' });
  const name = typeof raw.name === 'string' ? raw.name : '';
  const found = raw.version;
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 1) {
    throw new StorageError('unversionedDocument', { name });
  }
  if (found > target) {
    throw new StorageError('newerDocument', { name, found, supported: target });
  }
  let doc = raw;
  for (let version = found; version < target; version++) {
    const step = migrations[version];
    if (step === undefined) throw new StorageError('missingMigration', { name, found: version });
    doc = { ...step(doc), version: version + 1 };
  }
  return doc as unknown as PipelineDocument;
}

function isObject(value: unknown): value is RawDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
