/** Pipeline files: export as a download, read an imported file. Parsing is the worker's. */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { saveFile } from '../common/save-file';

export const FILE_EXTENSION = '.tidemark.json';

/** "Clicks per user!" -> "clicks-per-user.tidemark.json". */
export function fileNameFor(doc: PipelineDocument): string {
  const slug = doc.name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'pipeline'}${FILE_EXTENSION}`;
}

/** The document as its file holds it: pretty-printed JSON with a final newline. */
export const serialize = (doc: PipelineDocument) => `${JSON.stringify(doc, null, 2)}\n`;

export function download(doc: PipelineDocument): string {
  const name = fileNameFor(doc);
  saveFile(name, new Blob([serialize(doc)], { type: 'application/json' }));
  return name;
}
