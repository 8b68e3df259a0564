/**
 * The IndexedDB database that holds the keyed state of one job, shared by the backends of all
 * its operator subtasks. One object store, "state", maps [operatorUid, keyGroup, chunk] to one
 * chunk of a key group: up to a bounded number of its entries, across all tables, serialized
 * as one string (see chunk.ts). IndexedDB costs per record and per transaction far more than
 * per byte, so state moves in chunks, not entries. The key groups of an operator are one
 * contiguous key range: what prefetch and snapshots read.
 */
import { wrap } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPObjectStore } from 'idb';
import { storeFailure } from './errors';
import { SerialQueue } from './serial-queue';

/**
 * Part of every database name. DO NOT CHANGE without a migration: state written under the old
 * name would silently disappear from jobs that resume from it.
 */
const DATABASE_PREFIX = 'tidemark-state-v1';
/**
 * The schema version IndexedDB upgrades by. 1 stored one record per entry; 2 stores chunks.
 * Version 1 never shipped in a release, so its databases are recreated empty, not migrated.
 */
const DATABASE_VERSION = 2;

export const STORE_NAMES = { state: 'state' } as const;

export type ChunkKey = [operatorUid: string, keyGroup: number, chunk: number];

/** What one record holds. */
export interface ChunkValue {
  /** Entries per table, read without parsing `text`: how a reopened backend counts state. */
  counts: [table: string, entries: number][];
  /** The entries, serialized together (see chunk.ts). */
  text: string;
}

export interface ChunkRecord {
  key: ChunkKey;
  value: ChunkValue;
}

/** Key groups first..last (inclusive) of one operator. */
export interface KeyGroupSpan {
  operatorUid: string;
  first: number;
  last: number;
}

export interface StateReader {
  /** Every chunk of the span, in key order: by key group, then chunk index. */
  chunks(span: KeyGroupSpan): Promise<ChunkRecord[]>;
  /** How many chunk records the span holds, without reading them. */
  count(span: KeyGroupSpan): Promise<number>;
}

export interface StateWriter {
  put(key: ChunkKey, value: ChunkValue): void;
  delete(key: ChunkKey): void;
  clear(span: KeyGroupSpan): void;
}

/**
 * The transactions a backend runs. StateStore implements it; tests wrap it to inject failures.
 * A write's requests are all issued synchronously by `work`: it commits entirely or not at all.
 */
export interface StateTransactions {
  read<T>(work: (reader: StateReader) => Promise<T>): Promise<T>;
  write(work: (writer: StateWriter) => void): Promise<void>;
}

interface StateSchema extends DBSchema {
  [STORE_NAMES.state]: { key: ChunkKey; value: ChunkValue };
}

type StateObjectStore<Mode extends IDBTransactionMode> = IDBPObjectStore<
  StateSchema,
  [typeof STORE_NAMES.state],
  typeof STORE_NAMES.state,
  Mode
>;

export interface StateStoreOptions {
  /** The browser's `indexedDB`, or fake-indexeddb's in Node. */
  factory: IDBFactory;
  /** Names the job's database, e.g. its run id. */
  name: string;
}

export class StateStore implements StateTransactions {
  /** fake-indexeddb slows down badly with many write transactions in flight: one at a time. */
  private readonly writes = new SerialQueue();

  private constructor(
    private readonly db: IDBPDatabase<StateSchema>,
    private readonly factory: IDBFactory,
    readonly databaseName: string,
  ) {}

  /**
   * idb's openDB always uses the global `indexedDB`; the engine is handed its factory instead,
   * so we wrap the open request ourselves. idb still needs IndexedDB's classes as globals
   * (in Node: `import 'fake-indexeddb/auto'`).
   */
  static async open({ factory, name }: StateStoreOptions): Promise<StateStore> {
    const databaseName = `${DATABASE_PREFIX}:${name}`;
    try {
      const request = factory.open(databaseName, DATABASE_VERSION);
      request.addEventListener('upgradeneeded', (event) => {
        const db = request.result;
        if (event.oldVersion < 2) {
          // Chunks replaced the unreleased one-record-per-entry layout: start over empty.
          if (db.objectStoreNames.contains(STORE_NAMES.state)) {
            db.deleteObjectStore(STORE_NAMES.state);
          }
          db.createObjectStore(STORE_NAMES.state);
        }
      });
      const db = (await wrap(request)) as IDBPDatabase<StateSchema>;
      return new StateStore(db, factory, databaseName);
    } catch (error) {
      throw storeFailure(`open the IndexedDB state database "${databaseName}"`, error);
    }
  }

  read<T>(work: (reader: StateReader) => Promise<T>): Promise<T> {
    return this.transaction('readonly', (store) =>
      work({
        chunks: async (span) => {
          const range = keyRange(span);
          // Same range, same transaction: the two lists line up.
          const [keys, values] = await Promise.all([store.getAllKeys(range), store.getAll(range)]);
          return keys.map((key, i) => ({ key, value: values[i] }));
        },
        count: (span) => store.count(keyRange(span)),
      }),
    );
  }

  write(work: (writer: StateWriter) => void): Promise<void> {
    return this.writes.run(() =>
      this.transaction('readwrite', async (store) => {
        // A failed request aborts the transaction, and tx.done rejects with its error.
        const issued = (request: Promise<unknown>) => void request.catch(() => undefined);
        work({
          put: (key, value) => issued(store.put(value, key)),
          delete: (key) => issued(store.delete(key)),
          clear: (span) => issued(store.delete(keyRange(span))),
        });
      }),
    );
  }

  /** Closes the connection once the queued writes are done. */
  close(): Promise<void> {
    return this.writes.run(async () => this.db.close());
  }

  /** Closes the connection and deletes the database with all its state. */
  async destroy(): Promise<void> {
    await this.close();
    await wrap(this.factory.deleteDatabase(this.databaseName));
  }

  /** Runs `work` in one transaction and resolves once it has committed, not just its requests. */
  private async transaction<T, Mode extends IDBTransactionMode>(
    mode: Mode,
    work: (store: StateObjectStore<Mode>) => Promise<T>,
  ): Promise<T> {
    const tx = this.db.transaction(STORE_NAMES.state, mode);
    try {
      const [result] = await Promise.all([work(tx.store), tx.done]);
      return result;
    } catch (error) {
      // Requests issued before `work` failed must not commit on their own.
      try {
        tx.abort();
      } catch {
        // Already committed or aborted.
      }
      await tx.done.catch(() => undefined);
      throw error;
    }
  }
}

/** Arrays sort after numbers, so [uid, last, []] is above every chunk of key group `last`. */
function keyRange({ operatorUid, first, last }: KeyGroupSpan): IDBKeyRange {
  return IDBKeyRange.bound([operatorUid, first], [operatorUid, last, []]);
}
