/**
 * Projects: pipeline documents autosaved in IndexedDB, listed newest first. Every failure
 * rejects with a StorageError that says what to do; a failed write changes nothing stored,
 * and the caller still holds its document.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { PipelineDocument } from '../../engine/pipeline/document';
import {
  META_KEYS,
  openDatabase,
  STORES,
  type ProjectsDatabase,
  type ProjectsSchema,
  type SchemaStep,
  type StoredProject,
} from './database';
import { migratePipeline } from './migrate-pipeline';
import { StorageError, toStorageError } from './storage-error';

export { StorageError } from './storage-error';
export type { StorageProblem } from './storage-error';

export interface ProjectSummary {
  id: string;
  name: string;
  updatedAt: number;
  nodeCount: number;
}

export interface ProjectsStore {
  /** Newest first. */
  list(): Promise<ProjectSummary[]>;
  load(id: string): Promise<PipelineDocument | undefined>;
  /** Autosave: creates or replaces the project, and bumps its updatedAt. */
  save(id: string, doc: PipelineDocument): Promise<void>;
  /** Returns the new project's id. */
  create(doc: PipelineDocument): Promise<string>;
  /** Renames the project and its document. */
  rename(id: string, name: string): Promise<void>;
  /** A copy named "<name> (copy)"; returns its id. */
  duplicate(id: string): Promise<string>;
  remove(id: string): Promise<void>;
  lastOpened(): Promise<string | undefined>;
  setLastOpened(id: string): Promise<void>;
  close(): void;
}

export interface ProjectsStoreOptions {
  /** Wall clock for updatedAt. */
  now?: () => number;
  newId?: () => string;
  /** The database's schema steps; tests pass more to rehearse an upgrade. */
  schemaSteps?: readonly SchemaStep[];
}

/** Opens the projects database of `factory` (the browser's `indexedDB` by default). */
export async function openProjectsStore(
  factory?: IDBFactory,
  options: ProjectsStoreOptions = {},
): Promise<ProjectsStore> {
  const idb = factory ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (idb === undefined) throw new StorageError('unavailable');
  const db = await openDatabase(idb, options.schemaSteps);
  return new IndexedDbProjects(db, options.now ?? Date.now, options.newId ?? newUuid);
}

const newUuid = () => crypto.randomUUID();

type Names = StoreNames<ProjectsSchema>[];
type Transaction<Mode extends IDBTransactionMode> = IDBPTransaction<ProjectsSchema, Names, Mode>;

class IndexedDbProjects implements ProjectsStore {
  constructor(
    private readonly db: ProjectsDatabase,
    private readonly now: () => number,
    private readonly newId: () => string,
  ) {}

  async list(): Promise<ProjectSummary[]> {
    const stored = await this.tx('readonly', [STORES.projects], (tx) =>
      tx.objectStore(STORES.projects).index('updatedAt').getAll(),
    );
    return stored.reverse().map(({ id, name, updatedAt, nodeCount }) => ({
      id,
      name,
      updatedAt,
      nodeCount,
    }));
  }

  async load(id: string): Promise<PipelineDocument | undefined> {
    const stored = await this.tx('readonly', [STORES.projects], (tx) =>
      tx.objectStore(STORES.projects).get(id),
    );
    return stored === undefined ? undefined : migratePipeline(stored.doc);
  }

  save(id: string, doc: PipelineDocument): Promise<void> {
    return this.tx('readwrite', [STORES.projects], async (tx) => {
      const projects = tx.objectStore(STORES.projects);
      const existing = await projects.get(id);
      await projects.put(this.record(id, doc, existing?.createdAt));
    });
  }

  async create(doc: PipelineDocument): Promise<string> {
    const id = this.newId();
    await this.tx('readwrite', [STORES.projects], (tx) =>
      tx.objectStore(STORES.projects).add(this.record(id, doc)),
    );
    return id;
  }

  rename(id: string, name: string): Promise<void> {
    return this.tx('readwrite', [STORES.projects], async (tx) => {
      const projects = tx.objectStore(STORES.projects);
      const stored = await projects.get(id);
      if (stored === undefined) throw new StorageError('notFound');
      const doc = { ...migratePipeline(stored.doc), name };
      await projects.put(this.record(id, doc, stored.createdAt));
    });
  }

  async duplicate(id: string): Promise<string> {
    const copy = this.newId();
    await this.tx('readwrite', [STORES.projects], async (tx) => {
      const projects = tx.objectStore(STORES.projects);
      const stored = await projects.get(id);
      if (stored === undefined) throw new StorageError('notFound');
      const doc = migratePipeline(stored.doc);
      await projects.add(this.record(copy, { ...doc, name: `${doc.name} (copy)` }));
    });
    return copy;
  }

  remove(id: string): Promise<void> {
    return this.tx('readwrite', [STORES.projects, STORES.meta], async (tx) => {
      await tx.objectStore(STORES.projects).delete(id);
      const meta = tx.objectStore(STORES.meta);
      if ((await meta.get(META_KEYS.lastOpened)) === id) await meta.delete(META_KEYS.lastOpened);
    });
  }

  lastOpened(): Promise<string | undefined> {
    return this.tx('readonly', [STORES.meta], (tx) =>
      tx.objectStore(STORES.meta).get(META_KEYS.lastOpened),
    );
  }

  async setLastOpened(id: string): Promise<void> {
    await this.tx('readwrite', [STORES.meta], (tx) =>
      tx.objectStore(STORES.meta).put(id, META_KEYS.lastOpened),
    );
  }

  close(): void {
    this.db.close();
  }

  private record(id: string, doc: PipelineDocument, createdAt?: number): StoredProject {
    const now = this.now();
    return {
      id,
      name: doc.name,
      createdAt: createdAt ?? now,
      updatedAt: now,
      nodeCount: doc.nodes.length,
      doc,
    };
  }

  /**
   * The one transaction helper: `work` runs inside one transaction, which commits only if
   * `work` succeeds; every failure comes out as a StorageError.
   */
  private async tx<Mode extends IDBTransactionMode, T>(
    mode: Mode,
    names: Names,
    work: (tx: Transaction<Mode>) => Promise<T>,
  ): Promise<T> {
    let tx: Transaction<Mode>;
    try {
      tx = this.db.transaction(names, mode);
    } catch (error) {
      throw toStorageError(error);
    }
    // Observed at once, so an abort never surfaces as an unhandled rejection.
    const done = tx.done.then(
      () => undefined,
      (error: unknown) => error ?? new Error('the transaction was aborted'),
    );
    try {
      const result = await work(tx);
      const failure = await done;
      if (failure !== undefined) throw failure;
      return result;
    } catch (error) {
      abortQuietly(tx);
      throw toStorageError(error);
    }
  }
}

function abortQuietly(tx: IDBTransaction | Transaction<IDBTransactionMode>): void {
  try {
    tx.abort();
  } catch {
    // Already finished or aborted.
  }
}
