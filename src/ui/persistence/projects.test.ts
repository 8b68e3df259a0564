import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { DATABASE_NAME, openDatabase, SCHEMA_STEPS, STORES, type SchemaStep } from './database';
import { openProjectsStore, StorageError, type ProjectsStore } from './projects';

const pipeline = (name: string, nodes = 1): PipelineDocument => ({
  version: 1,
  name,
  nodes: Array.from({ length: nodes }, (_, i) => ({
    uid: `n${i}`,
    kind: 'sink',
    params: { name: `sink ${i}` },
  })),
  edges: [],
});

/** A store over a fresh database, with a clock that ticks once per write. */
async function freshStore(factory = new IDBFactory()): Promise<ProjectsStore> {
  let clock = 1_000;
  let ids = 0;
  return openProjectsStore(factory, { now: () => (clock += 10), newId: () => `p${++ids}` });
}

describe('projects store', () => {
  it('creates, loads and lists projects newest first', async () => {
    const store = await freshStore();
    const a = await store.create(pipeline('A', 2));
    const b = await store.create(pipeline('B', 3));
    expect(await store.load(a)).toEqual(pipeline('A', 2));
    expect(await store.list()).toEqual([
      { id: b, name: 'B', updatedAt: 1_020, nodeCount: 3 },
      { id: a, name: 'A', updatedAt: 1_010, nodeCount: 2 },
    ]);
    await store.save(a, pipeline('A', 5));
    expect((await store.list()).map((p) => [p.id, p.nodeCount])).toEqual([
      [a, 5],
      [b, 3],
    ]);
    expect(await store.load('nope')).toBeUndefined();
  });

  it('saves under a given id (upsert) and survives reopening', async () => {
    const factory = new IDBFactory();
    const first = await freshStore(factory);
    await first.save('chosen', pipeline('Kept'));
    await first.setLastOpened('chosen');
    first.close();
    const again = await freshStore(factory);
    expect(await again.load('chosen')).toEqual(pipeline('Kept'));
    expect(await again.lastOpened()).toBe('chosen');
  });

  it('renames a project and its document', async () => {
    const store = await freshStore();
    const id = await store.create(pipeline('Old'));
    await store.rename(id, 'New');
    expect((await store.load(id))?.name).toBe('New');
    expect((await store.list())[0].name).toBe('New');
    await expect(store.rename('missing', 'X')).rejects.toMatchObject({ reason: 'notFound' });
  });

  it('duplicates as "<name> (copy)" with a new id', async () => {
    const store = await freshStore();
    const id = await store.create(pipeline('Clicks', 4));
    const copy = await store.duplicate(id);
    expect(copy).not.toBe(id);
    expect(await store.load(copy)).toEqual({ ...pipeline('Clicks', 4), name: 'Clicks (copy)' });
    expect(await store.load(id)).toEqual(pipeline('Clicks', 4));
  });

  it('removes a project, and forgets it as the last opened', async () => {
    const store = await freshStore();
    const a = await store.create(pipeline('A'));
    const b = await store.create(pipeline('B'));
    await store.setLastOpened(a);
    await store.remove(b);
    expect(await store.lastOpened()).toBe(a);
    await store.remove(a);
    expect(await store.lastOpened()).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('gives ids from crypto.randomUUID by default', async () => {
    const store = await openProjectsStore(new IDBFactory());
    const id = await store.create(pipeline('A'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('rejects a failed save with a StorageError and keeps the stored version', async () => {
    const store = await freshStore();
    const id = await store.create(pipeline('Safe', 2));
    const unstorable = { ...pipeline('Broken'), name: 'Broken', extra: () => 1 };
    const failure = store.save(id, unstorable as unknown as PipelineDocument);
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ reason: 'failed' });
    expect(await store.load(id)).toEqual(pipeline('Safe', 2));
    expect(await store.list()).toHaveLength(1);
  });

  it('refuses a project written by a newer Tidemark, and leaves it unchanged', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const future = { version: 99, name: 'From the future', nodes: [], edges: [], extra: true };
    const db = await openDatabase(factory);
    await db.put(STORES.projects, {
      id: 'f',
      name: future.name,
      createdAt: 1,
      updatedAt: 1,
      nodeCount: 0,
      doc: future,
    });
    db.close();
    await expect(store.load('f')).rejects.toMatchObject({
      reason: 'newerDocument',
      message: expect.stringContaining('pipeline version 99'),
    });
    await expect(store.rename('f', 'Renamed')).rejects.toMatchObject({ reason: 'newerDocument' });
    await expect(store.duplicate('f')).rejects.toMatchObject({ reason: 'newerDocument' });
    expect((await store.list()).map((p) => p.name)).toEqual(['From the future']);
    const check = await openDatabase(factory);
    expect((await check.get(STORES.projects, 'f'))?.doc).toEqual(future);
    check.close();
  });

  it('refuses a stored project without a version', async () => {
    const factory = new IDBFactory();
    const store = await freshStore(factory);
    const db = await openDatabase(factory);
    const doc = { name: 'Old', nodes: [], edges: [] };
    await db.put(STORES.projects, {
      id: 'o',
      name: 'Old',
      createdAt: 1,
      updatedAt: 1,
      nodeCount: 0,
      doc,
    });
    db.close();
    await expect(store.load('o')).rejects.toMatchObject({ reason: 'unversionedDocument' });
  });
});

describe('projects database schema', () => {
  it('has one step per version, so the version is the number of steps', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    expect(db.version).toBe(SCHEMA_STEPS.length);
    expect([...db.objectStoreNames].sort()).toEqual(Object.values(STORES).sort());
    expect(db.name).toBe(DATABASE_NAME);
    db.close();
  });

  // A step a future version could add: a name index, and a field filled in for stored projects.
  const nextStep: SchemaStep = (_db, tx) => {
    const projects = tx.objectStore(STORES.projects);
    projects.createIndex('name', 'name');
    const cursor = projects.openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (c === null) return;
      c.update({ ...c.value, tags: [] });
      c.continue();
    };
  };

  it('upgrades an existing database step by step, keeping its projects', async () => {
    const factory = new IDBFactory();
    const v1 = await freshStore(factory);
    const id = await v1.create(pipeline('Before the upgrade', 2));
    await v1.setLastOpened(id);
    v1.close();

    const v2 = await openProjectsStore(factory, { schemaSteps: [...SCHEMA_STEPS, nextStep] });
    expect(await v2.load(id)).toEqual(pipeline('Before the upgrade', 2));
    expect(await v2.lastOpened()).toBe(id);
    v2.close();

    const db = await openDatabase(factory, [...SCHEMA_STEPS, nextStep]);
    expect(db.version).toBe(SCHEMA_STEPS.length + 1);
    expect([...db.transaction(STORES.projects).store.indexNames]).toContain('name');
    expect(await db.get(STORES.projects, id)).toMatchObject({ tags: [] });
    db.close();
  });

  it('steps aside when another tab upgrades, then says to reload', async () => {
    const factory = new IDBFactory();
    const older = await freshStore(factory);
    await older.create(pipeline('A'));
    const newer = await openDatabase(factory, [...SCHEMA_STEPS, nextStep]);
    await expect(older.list()).rejects.toMatchObject({ reason: 'closed' });
    newer.close();
  });

  it('says what to do when another tab keeps an older version open', async () => {
    const factory = new IDBFactory();
    // A connection that, unlike ours, ignores the request to close.
    const stubborn = await new Promise<IDBDatabase>((resolve) => {
      const request = factory.open(DATABASE_NAME, SCHEMA_STEPS.length);
      request.onupgradeneeded = () => SCHEMA_STEPS[0](request.result, request.transaction!);
      request.onsuccess = () => resolve(request.result);
    });
    const failure = openProjectsStore(factory, { schemaSteps: [...SCHEMA_STEPS, nextStep] });
    await expect(failure).rejects.toMatchObject({
      reason: 'blocked',
      message: expect.stringContaining('Close the other Tidemark tabs'),
    });
    stubborn.close();
  });

  it('refuses a database written by a newer Tidemark', async () => {
    const factory = new IDBFactory();
    const newer = await openDatabase(factory, [...SCHEMA_STEPS, nextStep]);
    newer.close();
    const failure = openProjectsStore(factory);
    await expect(failure).rejects.toBeInstanceOf(StorageError);
    await expect(failure).rejects.toMatchObject({ reason: 'newerDatabase' });
  });
});
