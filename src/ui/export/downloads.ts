/** Saving exported files: one file as is, or a whole project as a zip. */
import type { ExportedFile } from '../../export';
import { saveFile } from '../common/save-file';

/** The file's own name: `src/main/java/tidemark/job/Main.java` saves as `Main.java`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function downloadFile(file: ExportedFile): void {
  saveFile(baseName(file.path), new Blob([file.content], { type: 'text/plain;charset=utf-8' }));
}

/** Files under one folder, as a zip; fflate loads only when someone asks for one. */
export async function downloadZip(folder: string, files: readonly ExportedFile[]): Promise<void> {
  const { strToU8, zipSync } = await import('fflate');
  const entries = Object.fromEntries(files.map((f) => [`${folder}/${f.path}`, strToU8(f.content)]));
  const zip = zipSync(entries, { level: 6 });
  saveFile(
    `${folder}.zip`,
    new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
  );
}
