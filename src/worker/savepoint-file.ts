/**
 * Savepoint files as users download and upload them: the savepoint's JSON text, gzipped where
 * CompressionStream exists (a gzip file is recognised by its magic bytes on the way back), with
 * what the UI lists about one, and the compatibility dry run before a restore.
 */
import { DEFAULT_MAX_PARALLELISM } from '../engine/keygroups';
import type { PipelineDocument } from '../engine/pipeline/document';
import { parsePipeline } from '../engine/pipeline/parse';
import { planJob } from '../engine/runtime/plan';
import { checkCompatibility } from '../engine/runtime/savepoint-compatibility';
import { parseSnapshot, SavepointError } from '../engine/runtime/snapshot';
import type { JobSnapshot } from '../engine/runtime/snapshot';
import type {
  DryRunResult,
  SavepointDownload,
  SavepointFileError,
  SavepointMeta,
} from './recovery-types';

const GZIP_MAGIC = [0x1f, 0x8b];

export async function savepointDownload(
  text: string,
  takenAt: number | null,
): Promise<SavepointDownload> {
  const json = new TextEncoder().encode(text);
  const compressed = typeof CompressionStream === 'function';
  const bytes = compressed ? await gzip(json) : json;
  const meta = savepointMeta(parseSnapshot(text), {
    takenAt,
    bytes: bytes.length,
    jsonBytes: json.length,
    compressed,
  });
  return { fileName: fileName(meta), bytes, meta };
}

export type ReadSavepoint =
  | { ok: true; text: string; snapshot: JobSnapshot; meta: SavepointMeta }
  | { ok: false; error: SavepointFileError };

/** Reads an uploaded file, compressed or not; a bad one is described, never thrown. */
export async function readSavepointFile(bytes: Uint8Array): Promise<ReadSavepoint> {
  const compressed = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
  let json: Uint8Array;
  try {
    json = compressed ? await gunzip(bytes) : bytes;
  } catch {
    const message =
      'This savepoint is compressed, but it cannot be decompressed: the file was cut off or ' +
      'damaged after it was written. Restore from another copy.';
    return { ok: false, error: { reason: 'corrupt', message } };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(json);
  } catch {
    const message =
      'This file is not a savepoint: it is neither JSON text nor a compressed savepoint.';
    return { ok: false, error: { reason: 'not-json', message } };
  }
  try {
    const snapshot = parseSnapshot(text);
    const sizes = { takenAt: null, bytes: bytes.length, jsonBytes: json.length, compressed };
    return { ok: true, text, snapshot, meta: savepointMeta(snapshot, sizes) };
  } catch (e) {
    return { ok: false, error: fileError(e) };
  }
}

/**
 * What restoring the file into the document at this parallelism would do, operator by
 * operator (see savepoint-compatibility.ts). It changes nothing.
 */
export async function dryRunRestore(
  bytes: Uint8Array,
  doc: PipelineDocument,
  options: RestoreTarget,
): Promise<DryRunResult> {
  const read = await readSavepointFile(bytes);
  if (!read.ok) return read;
  return compatibilityOf(read, doc, options);
}

/** The parallelism a savepoint would be restored at, and whether dropped state is allowed. */
export interface RestoreTarget {
  parallelism: number;
  allowNonRestoredState?: boolean;
}

/** The dry run of a savepoint already read. */
export function compatibilityOf(
  read: Extract<ReadSavepoint, { ok: true }>,
  doc: PipelineDocument,
  options: RestoreTarget,
): DryRunResult {
  const parsed = parsePipeline(JSON.stringify(doc));
  if (!parsed.ok) {
    const message = parsed.problems.map((p) => `${p.code}: ${p.message}`).join('\n');
    return { ok: false, error: { reason: 'incompatible', message } };
  }
  const report = checkCompatibility(read.snapshot, planJob(parsed.doc, options.parallelism), {
    allowNonRestoredState: options.allowNonRestoredState ?? false,
    maxParallelism: DEFAULT_MAX_PARALLELISM,
  });
  return { ok: true, report, meta: read.meta };
}

export function fileError(e: unknown): SavepointFileError {
  if (e instanceof SavepointError) return { reason: e.reason, message: e.message };
  return { reason: 'damaged', message: e instanceof Error ? e.message : String(e) };
}

function savepointMeta(
  snapshot: JobSnapshot,
  sizes: Pick<SavepointMeta, 'takenAt' | 'bytes' | 'jsonBytes' | 'compressed'>,
): SavepointMeta {
  return {
    pipelineName: snapshot.pipelineName,
    checkpointId: snapshot.checkpointId,
    processingTime: snapshot.processingTime,
    backend: snapshot.backend,
    maxParallelism: snapshot.maxParallelism,
    operators: [
      ...snapshot.sources.map((s) => ({
        uid: s.uid,
        kind: 'source',
        parallelism: s.parallelism,
        entries: 0,
      })),
      ...snapshot.operators.map((o) => ({
        uid: o.uid,
        kind: o.kind,
        parallelism: o.parallelism,
        entries: o.subtasks.reduce(
          (n, s) => n + s.keyGroups.reduce((m, g) => m + g.entries.length, 0),
          0,
        ),
      })),
    ],
    formatVersion: snapshot.version,
    ...sizes,
  };
}

/** e.g. `clickstream-savepoint-3-2026-11-29T21-40-05Z.json.gz`: sorts by time, safe everywhere. */
function fileName(meta: SavepointMeta): string {
  const name =
    meta.pipelineName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'pipeline';
  const when =
    meta.takenAt === null
      ? ''
      : `-${new Date(meta.takenAt)
          .toISOString()
          .replace(/\.\d+Z$/, 'Z')
          .replace(/:/g, '-')}`;
  return `${name}-savepoint-${meta.checkpointId}${when}.json${meta.compressed ? '.gz' : ''}`;
}

async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new CompressionStream('gzip'));
}

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  return pipe(bytes, new DecompressionStream('gzip'));
}

async function pipe(bytes: Uint8Array, through: GenericTransformStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(through);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
