/**
 * The savepoint list: every savepoint taken or uploaded, kept in IndexedDB with its file and
 * its summary (name, time, pipeline, size, backend, parallelism), so listing never reads a
 * file. The one module of the recovery UI that touches IndexedDB.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { SavepointMeta } from '../../worker/recovery-types';

/** Do not change without a migration: a new name opens an empty list. */
export const SAVEPOINTS_DATABASE = 'tidemark-savepoints-v1';
const STORE = 'savepoints';
const VERSION = 1;

export interface StoredSavepoint {
  id: string;
  /** The file name it was downloaded under. */
  name: string;
  /** Wall-clock time it was kept (ms since the epoch). */
  savedAt: number;
  pipeline: string;
  bytes: number;
  backend: SavepointMeta['backend'];
  /** The highest parallelism among its operators. */
  parallelism: number;
  checkpointId: number;
  file: Uint8Array;
}

/** A kept savepoint without its file: what the list shows. */
export type SavepointSummary = Omit<StoredSavepoint, 'file'>;

interface SavepointsSchema extends DBSchema {
  [STORE]: { key: string; value: StoredSavepoint; indexes: { savedAt: number } };
}

export class SavepointStore {
  private db: Promise<IDBPDatabase<SavepointsSchema>> | null = null;

  constructor(private readonly databaseName: string = SAVEPOINTS_DATABASE) {}

  private open(): Promise<IDBPDatabase<SavepointsSchema>> {
    this.db ??= openDB<SavepointsSchema>(this.databaseName, VERSION, {
      upgrade(db) {
        db.createObjectStore(STORE, { keyPath: 'id' }).createIndex('savedAt', 'savedAt');
      },
    });
    return this.db;
  }

  /** Keeps a savepoint file with its summary; returns what the list shows of it. */
  async add(
    name: string,
    file: Uint8Array,
    meta: SavepointMeta,
    savedAt: number,
  ): Promise<SavepointSummary> {
    const stored: StoredSavepoint = {
      id: crypto.randomUUID(),
      name,
      savedAt,
      pipeline: meta.pipelineName,
      bytes: file.byteLength,
      backend: meta.backend,
      parallelism: Math.max(1, ...meta.operators.map((o) => o.parallelism)),
      checkpointId: meta.checkpointId,
      file,
    };
    await (await this.open()).put(STORE, stored);
    const { file: _file, ...summary } = stored;
    return summary;
  }

  /** Every kept savepoint, newest first, without files. */
  async list(): Promise<SavepointSummary[]> {
    const all = await (await this.open()).getAllFromIndex(STORE, 'savedAt');
    return all.reverse().map(({ file: _file, ...summary }) => summary);
  }

  async file(id: string): Promise<Uint8Array | null> {
    return (await (await this.open()).get(STORE, id))?.file ?? null;
  }

  async remove(id: string): Promise<void> {
    await (await this.open()).delete(STORE, id);
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = null;
  }
}
