/** The app's savepoint list: kept in IndexedDB, mirrored in the recovery store for the panel. */
import type { SavepointDownload } from '../../worker/recovery-types';
import { saveFile } from '../common/save-file';
import { useRecoveryStore } from './recovery-store';
import { SavepointStore } from './savepoint-store';

export const savepointStore = new SavepointStore();

export async function refreshSavepoints(): Promise<void> {
  useRecoveryStore.getState().setSavepoints(await savepointStore.list());
}

export async function keepSavepoint(download: SavepointDownload): Promise<void> {
  await savepointStore.add(download.fileName, download.bytes, download.meta, Date.now());
  await refreshSavepoints();
}

export async function deleteSavepoint(id: string): Promise<void> {
  await savepointStore.remove(id);
  await refreshSavepoints();
}

/** Hands bytes to the browser as a download. */
export function downloadBytes(bytes: Uint8Array, fileName: string): void {
  saveFile(
    fileName,
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }),
  );
}
