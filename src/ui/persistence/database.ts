/**
 * The projects database: its name, stores and schema steps, and the one way to open it
 * (in the manner of tldraw's LocalIndexedDb). Only this folder touches IndexedDB for the UI.
 */
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
import { StorageError, toStorageError } from './storage-error';

/**
 * Do not change without a migration: a new name opens an empty database and leaves every
 * saved project behind. Schema changes add a step to SCHEMA_STEPS instead.
 */
export const DATABASE_NAME = 'tidemark-projects-v1';

export const STORES = { projects: 'projects', meta: 'meta' } as const;

/** A project as stored: summary fields beside the document, so listing never parses one. */
export interface StoredProject {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
  /** The pipeline document as written, of whatever version wrote it. */
  doc: unknown;
}

export const META_KEYS = { lastOpened: 'lastOpened' } as const;

export interface ProjectsSchema extends DBSchema {
  [STORES.projects]: { key: string; value: StoredProject; indexes: { updatedAt: number } };
  [STORES.meta]: { key: string; value: string };
}

export type ProjectsDatabase = IDBPDatabase<ProjectsSchema>;

/**
 * Step n upgrades a version-n database to version n+1 (version 0 is "does not exist yet").
 * Append steps, never edit released ones: the database's version is the number of steps.
 */
export type SchemaStep = (db: IDBDatabase, tx: IDBTransaction) => void;

export const SCHEMA_STEPS: readonly SchemaStep[] = [
  (db) => {
    const projects = db.createObjectStore(STORES.projects, { keyPath: 'id' });
    projects.createIndex('updatedAt', 'updatedAt');
    db.createObjectStore(STORES.meta);
  },
];

/**
 * Opens the database through `factory` (idb's openDB only knows the global `indexedDB`), runs
 * the schema steps it lacks, and closes it when another tab needs to upgrade it.
 */
export async function openDatabase(
  factory: IDBFactory,
  steps: readonly SchemaStep[] = SCHEMA_STEPS,
): Promise<ProjectsDatabase> {
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(DATABASE_NAME, steps.length);
  } catch (error) {
    throw toStorageError(error);
  }
  request.addEventListener('upgradeneeded', (event) => {
    const tx = request.transaction;
    if (tx === null) return;
    for (let version = event.oldVersion; version < steps.length; version++) {
      steps[version](request.result, tx);
    }
  });
  const result = wrap(request) as unknown as Promise<ProjectsDatabase>;
  // Another tab holds an older version open and does not let go: the open would wait forever.
  const blocked = new Promise<never>((_, reject) =>
    request.addEventListener('blocked', () => reject(new StorageError('blocked'))),
  );
  let db: ProjectsDatabase;
  try {
    db = await Promise.race([result, blocked]);
  } catch (error) {
    // If the other tab lets go after all, do not leave this connection open.
    result.then(
      (late) => late.close(),
      () => undefined,
    );
    throw toStorageError(error);
  }
  db.addEventListener('versionchange', () => db.close());
  return db;
}
