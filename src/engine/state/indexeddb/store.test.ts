// idb recognises IndexedDB objects by their global classes; the factory itself is injected.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StateStore } from './store';
import type { StateKey, StateRecord } from './store';

const span = { operatorUid: 'op', first: 0, last: 9 };
const key = (keyGroup: number, k: string): StateKey => ['op', keyGroup, 't', k, '0'];

async function records(store: StateStore): Promise<StateRecord[]> {
  return store.read((reader) => reader.records(span));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('StateStore', () => {
  it('keeps one key range per key group of an operator, in key order', async () => {
    const store = await StateStore.open({ factory: new IDBFactory(), name: 'job' });
    await store.write((w) => {
      w.put(key(2, '"b"'), 'B');
      w.put(['other', 2, 't', '"x"', '0'], 'X');
      w.put(key(1, '"a"'), 'A');
      w.put(key(10, '"z"'), 'Z');
    });
    expect(await records(store)).toEqual([
      { key: key(1, '"a"'), text: 'A' },
      { key: key(2, '"b"'), text: 'B' },
    ]);
    await store.write((w) => w.clear({ operatorUid: 'op', first: 2, last: 2 }));
    expect(await store.read((r) => r.keys(span))).toEqual([key(1, '"a"')]);
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
      ['1', '2', '3', '4'].map((text) => store.write((w) => w.put(key(0, '"k"'), text))),
    );
    expect(maxOpen).toBe(1);
    expect(await records(store)).toEqual([{ key: key(0, '"k"'), text: '4' }]);
  });

  it('commits nothing of a write whose work throws', async () => {
    const store = await StateStore.open({ factory: new IDBFactory(), name: 'job' });
    const failure = new Error('serialization failed');
    await expect(
      store.write((w) => {
        w.put(key(0, '"a"'), 'A');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await records(store)).toEqual([]);
  });

  it('survives reopening, and destroy deletes the database', async () => {
    const factory = new IDBFactory();
    const first = await StateStore.open({ factory, name: 'job' });
    await first.write((w) => w.put(key(0, '"a"'), 'A'));
    await first.close();
    const second = await StateStore.open({ factory, name: 'job' });
    expect(await records(second)).toHaveLength(1);
    await second.destroy();
    const third = await StateStore.open({ factory, name: 'job' });
    expect(await records(third)).toEqual([]);
  });
});
