// idb recognises IndexedDB objects by their global classes; the factory itself is injected.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateStore } from './store';
import type { ChunkKey, ChunkRecord, ChunkValue } from './store';

const span = { operatorUid: 'op', first: 0, last: 9 };
const key = (keyGroup: number, chunk = 0): ChunkKey => ['op', keyGroup, chunk];
const value = (text: string): ChunkValue => ({ counts: [['t', 1]], text });

async function chunks(store: StateStore): Promise<ChunkRecord[]> {
  return store.read((reader) => reader.chunks(span));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('StateStore', () => {
  it('keeps one key range per key group of an operator, in key order', async () => {
    const store = await StateStore.open({ factory: new IDBFactory(), name: 'job' });
    await store.write((w) => {
      w.put(key(2, 1), value('B1'));
      w.put(key(2), value('B0'));
      w.put(['other', 2, 0], value('X'));
      w.put(key(1), value('A'));
      w.put(key(10), value('Z'));
    });
    expect(await chunks(store)).toEqual([
      { key: key(1), value: value('A') },
      { key: key(2), value: value('B0') },
      { key: key(2, 1), value: value('B1') },
    ]);
    await store.write((w) => {
      w.clear({ operatorUid: 'op', first: 2, last: 2 });
      w.delete(key(1));
    });
    expect(await chunks(store)).toEqual([]);
  });

  it('runs one write transaction at a time', async () => {
    const store = await StateStore.open({ factory: new IDBFactory(), name: 'job' });
    let open = 0;
    let maxOpen = 0;
    const transaction = IDBDatabase.prototype.transaction;
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (
      this: IDBDatabase,
      ...args: Parameters<IDBDatabase['transaction']>
    ) {
      const tx = transaction.apply(this, args);
      if (tx.mode === 'readwrite') {
        maxOpen = Math.max(maxOpen, ++open);
        const settled = () => open--;
        tx.addEventListener('complete', settled);
        tx.addEventListener('abort', settled);
      }
      return tx;
    });
    await Promise.all(
      ['1', '2', '3', '4'].map((text) => store.write((w) => w.put(key(0), value(text)))),
    );
    expect(maxOpen).toBe(1);
    expect(await chunks(store)).toEqual([{ key: key(0), value: value('4') }]);
  });

  it('commits nothing of a write whose work throws', async () => {
    const store = await StateStore.open({ factory: new IDBFactory(), name: 'job' });
    const failure = new Error('serialization failed');
    await expect(
      store.write((w) => {
        w.put(key(0), value('A'));
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await chunks(store)).toEqual([]);
  });

  it('survives reopening, and destroy deletes the database', async () => {
    const factory = new IDBFactory();
    const first = await StateStore.open({ factory, name: 'job' });
    await first.write((w) => w.put(key(0), value('A')));
    await first.close();
    const second = await StateStore.open({ factory, name: 'job' });
    expect(await chunks(second)).toHaveLength(1);
    await second.destroy();
    const third = await StateStore.open({ factory, name: 'job' });
    expect(await chunks(third)).toEqual([]);
  });

  it('recreates a database of the unreleased one-record-per-entry layout empty', async () => {
    const factory = new IDBFactory();
    const request = factory.open('tidemark-state-v1:job', 1);
    request.onupgradeneeded = () => {
      const old = request.result.createObjectStore('state');
      old.put('{"namespace":null,"value":1}', ['op', 0, 'count', '"a"', '0']);
    };
    const v1 = await new Promise<IDBDatabase>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    v1.close();

    const store = await StateStore.open({ factory, name: 'job' });
    expect(await chunks(store)).toEqual([]);
    await store.write((w) => w.put(key(0), value('A')));
    expect(await chunks(store)).toEqual([{ key: key(0), value: value('A') }]);
  });
});
