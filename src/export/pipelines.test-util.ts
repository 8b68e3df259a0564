/**
 * Every pipeline file in the repository the exporters must handle: the examples, the e2e
 * fixtures, the golden pipelines here and any demos folder, found by walking the tree so new
 * files are picked up without a list to keep.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { PipelineDocument } from '../engine/pipeline/document';

const ROOT = join(import.meta.dirname, '..', '..');
const SKIP = new Set(['node_modules', 'dist', '.git', 'test-results', 'coverage']);
const PIPELINE_FOLDERS = [
  'examples',
  'demos',
  `e2e${sep}fixtures`,
  `src${sep}export${sep}__golden__`,
];

function* jsonFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(path);
    else if (entry.name.endsWith('.json')) yield path;
  }
}

function isPipeline(value: unknown): value is PipelineDocument {
  const doc = value as Partial<PipelineDocument> | null;
  return (
    typeof doc === 'object' && doc !== null && Array.isArray(doc.nodes) && Array.isArray(doc.edges)
  );
}

export interface PipelineFile {
  path: string;
  doc: PipelineDocument;
}

export function pipelineFiles(): PipelineFile[] {
  const files: PipelineFile[] = [];
  for (const path of jsonFiles(ROOT)) {
    const rel = relative(ROOT, path);
    if (
      !PIPELINE_FOLDERS.some((f) => rel.startsWith(f + sep) || rel.includes(`${sep}${f}${sep}`))
    ) {
      continue;
    }
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (isPipeline(value)) files.push({ path: rel.split(sep).join('/'), doc: value });
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

export function readPipeline(relPath: string): PipelineDocument {
  return JSON.parse(readFileSync(join(ROOT, relPath), 'utf8')) as PipelineDocument;
}
