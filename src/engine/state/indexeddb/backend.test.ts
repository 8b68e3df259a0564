// idb recognises IndexedDB objects by their global classes; the factory itself is injected.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Key } from '../../keygroups';
import { GlobalWindow, TimeWindow } from '../../windowing/window';
import type { WindowId } from '../../windowing/window';
import { HeapKeyedStateBackend } from '../heap';
import type { KeyGroupState, KeyedStateBackend } from '../keyed-state';
import { VOID_NAMESPACE, VOID_NAMESPACE_ID } from '../keyed-state';
import { serializeState } from '../serialization';
import { IndexedDbKeyedStateBackend } from './backend';
import type { IndexedDbBackendOptions } from './backend';
import { decodeChunk, DEFAULT_CHUNK_ENTRIES, encodeChunk } from './chunk';
import { StateBackendError, StateNotResidentError } from './errors';
import { utf8Length } from './stats';
import { StateStore } from './store';
import type { StateTransactions } from './store';

function openStore(factory = new IDBFactory()): Promise<StateStore> {
  return StateStore.open({ factory, name: 'job' });
}

function backend(
  store: StateTransactions,
  options: Partial<IndexedDbBackendOptions> = {},
): IndexedDbKeyedStateBackend {
  return new IndexedDbKeyedStateBackend(store, {
    operatorUid: 'window-1',
    keyGroupRange: { start: 0, end: 7 },
    ...options,
  });
}

/** Snapshots compare regardless of entry order, which differs between backends. */
function sorted(groups: KeyGroupState[]): KeyGroupState[] {
  const order = (e: KeyGroupState['entries'][number]) =>
    serializeState([e.table, e.key, e.namespaceId]);
  return groups.map((g) => ({
    keyGroup: g.keyGroup,
    entries: [...g.entries].sort((a, b) => (order(a) < order(b) ? -1 : 1)),
  }));
}

describe('IndexedDbKeyedStateBackend', () => {
  it('reads what the heap backend reads, for any sequence of puts and removes', async () => {
    const namespaces: { namespace: unknown; id: WindowId }[] = [
      { namespace: VOID_NAMESPACE, id: VOID_NAMESPACE_ID },
      { namespace: new TimeWindow(0, 10), id: '0' },
      { namespace: GlobalWindow.instance, id: 'global' },
    ];
    const cell = fc.record({
      table: fc.constantFrom('contents', 'trigger:count'),
      key: fc.constantFrom<Key>('a', 7, true, null),
      keyGroup: fc.integer({ min: 2, max: 4 }),
      ns: fc.constantFrom(...namespaces),
    });
    const value = fc.oneof(
      fc.integer(),
      fc.record({ count: fc.nat(), window: fc.constant(new TimeWindow(-5, 5)) }),
      fc.constantFrom(-Infinity, 'é€😀', null),
    );
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), cell, value }),
      fc.record({ kind: fc.constant('remove' as const), cell }),
      fc.record({ kind: fc.constant('get' as const), cell }),
    );

    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 20, maxLength: 100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        async (ops, batchSize, cacheEntries, chunkEntries) => {
          const keyGroupRange = { start: 2, end: 4 };
          const heap = new HeapKeyedStateBackend(keyGroupRange);
          const store = await openStore();
          const idb = backend(store, { keyGroupRange, cacheEntries, chunkEntries });
          const tables = ['contents', 'trigger:count'];
          const sameCounts = (a: KeyedStateBackend, b: KeyedStateBackend) => {
            expect(b.entryCount()).toBe(a.entryCount());
            for (const t of tables) expect(b.table(t).size()).toBe(a.table(t).size());
          };
          for (let i = 0; i < ops.length; i += batchSize) {
            const batch = ops.slice(i, i + batchSize);
            await idb.prefetch(batch.map((o) => o.cell.keyGroup));
            for (const { kind, cell: c, ...rest } of batch) {
              for (const b of [heap, idb]) {
                const t = b.table(c.table);
                if (kind === 'put' && 'value' in rest) {
                  t.put(c.key, c.keyGroup, c.ns.namespace, c.ns.id, rest.value);
                } else if (kind === 'remove') t.remove(c.key, c.keyGroup, c.ns.id);
              }
              expect(idb.table(c.table).get(c.key, c.keyGroup, c.ns.id)).toEqual(
                heap.table(c.table).get(c.key, c.keyGroup, c.ns.id),
              );
              sameCounts(heap, idb);
            }
            await idb.flush();
            expect(idb.stats().residentEntries).toBeLessThanOrEqual(cacheEntries);
          }
          expect(sorted(await idb.snapshot())).toEqual(sorted(await heap.snapshot()));
          sameCounts(heap, idb);
          // Counted from the chunks' headers alone.
          const reopened = backend(store, { keyGroupRange, chunkEntries });
          await reopened.prefetch([]);
          sameCounts(heap, reopened);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps values through eviction, and a new backend on the database reads them back', async () => {
    const factory = new IDBFactory();
    const store = await openStore(factory);
    const range = { start: 0, end: 19 };
    const first = backend(store, { keyGroupRange: range, cacheEntries: 4 });
    const sums = first.table<TimeWindow, { sum: number }>('sum');
    const window = new TimeWindow(0, 60_000);
    for (let g = 0; g <= 19; g += 5) {
      const groups = [g, g + 1, g + 2, g + 3, g + 4];
      await first.prefetch(groups);
      for (const kg of groups) {
        sums.put(`k${kg}`, kg, window, '0', { sum: kg });
        sums.put(kg * 10, kg, window, '0', { sum: -kg - 1 });
      }
      await first.flush();
      expect(first.stats().residentEntries).toBeLessThanOrEqual(4);
    }
    expect(first.entryCount()).toBe(40);

    await first.prefetch(Array.from({ length: 20 }, (_, i) => i));
    for (let kg = 0; kg <= 19; kg++) {
      expect(sums.get(`k${kg}`, kg, '0')).toEqual({ sum: kg });
      expect(sums.get(kg * 10, kg, '0')).toEqual({ sum: -kg - 1 });
    }

    const second = backend(store, { keyGroupRange: range });
    await second.prefetch([7]);
    expect(second.entryCount()).toBe(40);
    expect(second.table('sum').size()).toBe(40);
    expect(second.table('sum').get('k7', 7, '0')).toEqual({ sum: 7 });
    expect([...second.table('sum').entries(7)]).toEqual([
      { key: 'k7', namespace: window, namespaceId: '0', value: { sum: 7 } },
      { key: 70, namespace: window, namespaceId: '0', value: { sum: -8 } },
    ]);

    await store.close();
    const reopened = backend(await openStore(factory), { keyGroupRange: range });
    await reopened.prefetch([19]);
    expect(reopened.table('sum').get(190, 19, '0')).toEqual({ sum: -20 });
  });

  it('coalesces writes in the cache until it outgrows its bound or a snapshot needs them', async () => {
    const store = await openStore();
    const b = backend(store, { cacheEntries: 3 });
    const t = b.table<null, number[]>('contents');
    await b.prefetch([0, 1]);
    for (let i = 0; i < 10; i++) {
      t.put('a', 0, null, 0, [i]);
      t.put('b', 1, null, 0, [i]);
      await b.flush(); // two entries fit the bound: nothing is written
    }
    expect(b.stats()).toMatchObject({ flushes: 0, chunksWritten: 0 });
    expect(await store.read((r) => r.count({ operatorUid: 'window-1', first: 0, last: 7 }))).toBe(
      0,
    );

    // A checkpoint writes the dirty chunks once, and copies resident groups from memory.
    const mark = b.checkpointMark();
    const { changed, groups } = await b.snapshotChanges(mark);
    expect(changed).toEqual([0, 1]);
    expect(groups.map((g) => g.entries[0]!.value)).toEqual([[9], [9]]);
    expect(b.stats()).toMatchObject({ flushes: 1, chunksWritten: 2, chunksRead: 0 });
    // A copy: the live value changing in place (as list state appends) leaves it as it was.
    const live = t.get('a', 0, 0)!;
    live.push(10);
    t.put('a', 0, null, 0, live);
    expect(groups[0]!.entries[0]!.value).toEqual([9]);

    // Past the bound a flush writes back and evicts down to it.
    await b.prefetch([2, 3]);
    t.put('c', 2, null, 0, [1]);
    t.put('d', 3, null, 0, [1]);
    await b.flush();
    expect(b.stats()).toMatchObject({ flushes: 2, residentEntries: 3 });
    const reader = backend(store);
    await reader.prefetch([0, 1, 2, 3]);
    expect(reader.entryCount()).toBe(4);
    expect(reader.table('contents').get('a', 0, 0)).toEqual([9, 10]);
  });

  it('counts what a reopened database holds, and reads nothing from a fresh one', async () => {
    const factory = new IDBFactory();
    const store = await openStore(factory);
    let reads = 0;
    const counting: StateTransactions = {
      read: (work) =>
        store.read((reader) =>
          work({
            count: (span) => reader.count(span),
            chunks: (span) => {
              reads++;
              return reader.chunks(span);
            },
          }),
        ),
      write: (work) => store.write(work),
    };
    const range = { start: 0, end: 99 };
    const fresh = backend(counting, { keyGroupRange: range });
    await fresh.prefetch([]);
    expect(reads).toBe(0);
    await fresh.prefetch([4, 50]);
    fresh.table('count').put('a', 4, null, 0, 1);
    fresh.table('count').put('b', 50, null, 0, 2);
    fresh.table('other').put('b', 50, null, 0, 3);
    await fresh.writeBack();

    reads = 0;
    const reopened = backend(counting, { keyGroupRange: range });
    expect(reopened.entryCount()).toBe(0); // counted by the first operation
    await reopened.prefetch([]);
    expect(reads).toBe(range.end - range.start + 1); // one request per key group
    expect(reopened.entryCount()).toBe(3);
    expect(reopened.table('other').size()).toBe(1);
  });

  it('refuses to touch a key group that was not prefetched', async () => {
    const b = backend(await openStore(), { cacheEntries: 1 });
    const t = b.table<null, number>('count');
    expect(() => t.get('a', 3, 0)).toThrow(StateNotResidentError);
    expect(() => t.put('a', 3, null, 0, 1)).toThrow(/not loaded from IndexedDB.*prefetch/);
    expect(() => [...t.entries(3)]).toThrow(StateNotResidentError);
    expect(() => t.get('a', 8, 0)).toThrow(RangeError);
    await expect(b.prefetch([8])).rejects.toThrow(RangeError);

    await b.prefetch([3, 4]);
    t.put('a', 3, null, 0, 1);
    t.put('b', 4, null, 0, 2);
    expect(t.get('a', 3, 0)).toBe(1);
    await b.flush(); // two entries, bound one: evicts the least recently used group
    expect(() => t.get('a', 3, 0)).toThrow(StateNotResidentError);
    expect(t.get('b', 4, 0)).toBe(2);
  });

  it('round-trips a snapshot through restore into a fresh database', async () => {
    const source = backend(await openStore());
    await source.prefetch([1, 2, 5]);
    const contents = source.table<TimeWindow, number[]>('contents');
    contents.put('a', 1, new TimeWindow(0, 10), '0', [1, 2]);
    contents.put(true, 2, new TimeWindow(10, 20), '10', [3]);
    source.table<null, number>('trigger:count').put(42, 5, null, 0, Infinity);
    await source.flush();
    contents.put('late', 2, new TimeWindow(0, 10), '0', [9]); // unflushed: snapshot flushes
    const snapshot = await source.snapshot();
    expect(snapshot.map((g) => g.keyGroup)).toEqual([1, 2, 5]);
    expect(snapshot[0]!.entries[0]!.namespace).toBeInstanceOf(TimeWindow);

    const target = backend(await openStore());
    await target.prefetch([2, 3]);
    target.table('contents').put('stale', 2, null, 0, 'flushed');
    target.table('contents').put('kept', 3, null, 0, 'flushed');
    await target.flush();
    target.table('contents').put('stale', 2, null, 0, 'dirty');
    const outside = { keyGroup: 9, entries: [{ ...snapshot[0]!.entries[0]!, key: 'x' }] };
    await target.restore([...snapshot, outside]);

    expect(target.stats().residentKeyGroups).toBe(1); // group 3: not restored, stays
    expect(target.entryCount()).toBe(5);
    await target.prefetch([2]);
    expect(target.table('contents').get('stale', 2, 0)).toBeUndefined();
    const restored = await target.snapshot();
    expect(restored.filter((g) => g.keyGroup !== 3)).toEqual(snapshot);
    expect(restored.find((g) => g.keyGroup === 3)?.entries).toHaveLength(1);

    const rescaled = backend(await openStore(), { keyGroupRange: { start: 2, end: 4 } });
    await rescaled.restore(snapshot);
    expect(rescaled.entryCount()).toBe(2);
    expect(await rescaled.snapshot()).toEqual([snapshot[1]]);
  });

  it('counts entries and chunks read and written, and cache hits', async () => {
    const b = backend(await openStore(), { keyGroupRange: { start: 0, end: 3 }, cacheEntries: 2 });
    const t = b.table<null, number>('count');
    const text = (...entries: [Key, number][]) =>
      encodeChunk(
        entries.map(([key, value]) => ({
          table: 'count',
          key,
          namespaceId: 0,
          namespace: null,
          value,
        })),
      ).text;

    await b.prefetch([0, 1]); // two misses, nothing stored yet
    t.put('a', 0, null, 0, 1);
    t.put('b', 1, null, 0, 0);
    t.put('b', 1, null, 0, 2); // coalesced: one chunk per key group
    t.put('c', 1, null, 0, 3);
    await b.flush(); // writes 2 chunks of 3 entries, then evicts group 0 to fit 2 entries
    expect(b.stats()).toMatchObject({ residentKeyGroups: 1, residentEntries: 2 });

    await b.prefetch([0, 1]); // group 1 hit, group 0 miss: reads its chunk
    t.remove('a', 0, 0);
    t.put('b', 1, null, 0, 20);
    await b.flush(); // 2 entries fit the cache: the writes wait in it
    expect(b.stats()).toMatchObject({ flushes: 1, chunksDeleted: 0 });
    await b.writeBack(); // deletes group 0's emptied chunk, rewrites group 1's
    await b.writeBack(); // nothing to write: no transaction

    expect(b.stats()).toEqual({
      reads: 1,
      writes: 5,
      chunksRead: 1,
      chunksWritten: 3,
      chunksDeleted: 1,
      bytesRead: text(['a', 1]).length,
      bytesWritten:
        text(['a', 1]).length + text(['b', 2], ['c', 3]).length + text(['b', 20], ['c', 3]).length,
      cacheHits: 1,
      cacheMisses: 3,
      residentKeyGroups: 2,
      residentEntries: 2,
      flushes: 2,
    });
    expect(b.entryCount()).toBe(2);
    expect(utf8Length('aé€😀')).toBe(1 + 2 + 3 + 4);
  });

  it('keeps the writes IndexedDB refused, and writes them on the next write-back', async () => {
    const store = await openStore();
    let full = false;
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const filling: StateTransactions = {
      read: (work) => store.read(work),
      write: (work) =>
        store.write((writer) =>
          work({
            ...writer,
            put: (key, value) => {
              if (full) throw quota;
              writer.put(key, value);
            },
          }),
        ),
    };
    const b = backend(filling);
    const t = b.table<null, string>('contents');
    await b.prefetch([0, 1]);
    t.put('old', 0, null, 0, 'v1');
    await b.writeBack();
    const mark = b.checkpointMark();

    full = true;
    t.remove('old', 0, 0);
    t.put('new', 1, null, 0, 'v2');
    const written = b.writeBack();
    await expect(written).rejects.toThrow(StateBackendError);
    await expect(written).rejects.toThrow(
      'IndexedDB is full: the browser refused to store more state (QuotaExceededError). ' +
        'Free space by deleting old savepoints/projects, lower the state size (shorter windows, ' +
        'fewer keys) or use the heap backend.',
    );
    expect(b.stats()).toMatchObject({ writes: 1, chunksWritten: 1, chunksDeleted: 0, flushes: 1 });
    expect(b.changedKeyGroupsSince(mark)).toEqual([]);
    // The transaction was aborted as a whole: group 0's delete, issued before the put, did not commit.
    const reader = backend(store);
    await reader.prefetch([0, 1]);
    expect(reader.table('contents').get('old', 0, 0)).toBe('v1');
    expect(reader.table('contents').get('new', 1, 0)).toBeUndefined();

    full = false;
    await b.writeBack();
    expect(b.stats()).toMatchObject({ writes: 2, chunksWritten: 2, chunksDeleted: 1, flushes: 2 });
    expect(b.changedKeyGroupsSince(mark)).toEqual([0, 1]);
    const after = backend(store);
    await after.prefetch([0, 1]);
    expect(after.table('contents').get('old', 0, 0)).toBeUndefined();
    expect(after.table('contents').get('new', 1, 0)).toBe('v2');
  });

  it('keeps a key group written to while a flush runs', async () => {
    const store = await openStore();
    let whileWriting = () => {};
    const hooked: StateTransactions = {
      read: (work) => store.read(work),
      write: (work) => {
        const written = store.write(work);
        whileWriting();
        return written;
      },
    };
    const b = backend(hooked, { cacheEntries: 0 });
    const t = b.table<null, number>('count');
    await b.prefetch([0]);
    t.put('a', 0, null, 0, 1);
    // Not in the running flush's transaction: its eviction must keep the group.
    whileWriting = () => t.put('b', 0, null, 0, 2);
    await b.flush();
    whileWriting = () => {};
    expect(t.get('b', 0, 0)).toBe(2);
    await b.flush();
    expect(b.stats()).toMatchObject({
      writes: 1 + 2, // the whole chunk again
      chunksWritten: 2,
      flushes: 2,
      residentKeyGroups: 0,
    });
    const reader = backend(store);
    await reader.prefetch([0]);
    expect([...reader.table('count').entries(0)].map((e) => e.value)).toEqual([1, 2]);
  });

  it('explains a write into a closed database, and one of a value JSON cannot hold', async () => {
    const store = await openStore();
    const b = backend(store);
    await b.prefetch([0]);
    b.table('t').put('a', 0, null, 0, 10n);
    await expect(b.writeBack()).rejects.toThrow(/^Could not write state to IndexedDB: .*BigInt/);
    b.table('t').put('a', 0, null, 0, 10);
    await store.close();
    await expect(b.writeBack()).rejects.toThrow(
      /the state database is closed \(InvalidStateError\)/,
    );
  });

  it('stores one record per key group, holding all its tables', async () => {
    const store = await openStore();
    const b = backend(store);
    await b.prefetch([0, 1, 2]);
    const window = new TimeWindow(0, 10);
    for (let i = 0; i < 100; i++) {
      b.table('contents').put(`k${i % 4}`, i % 3, window, '0', [i]);
      b.table('trigger:count').put(`k${i % 4}`, i % 3, window, '0', i);
    }
    b.table('sum').put(null, 2, null, 0, 1);
    await b.writeBack();

    const chunks = await store.read((r) =>
      r.chunks({ operatorUid: 'window-1', first: 0, last: 7 }),
    );
    expect(chunks.map((c) => c.key)).toEqual([
      ['window-1', 0, 0],
      ['window-1', 1, 0],
      ['window-1', 2, 0],
    ]);
    expect(chunks[2]!.value.counts).toEqual([
      ['contents', 4],
      ['trigger:count', 4],
      ['sum', 1],
    ]);
    expect(decodeChunk(chunks[2]!.value.text)).toContainEqual({
      table: 'contents',
      key: 'k1',
      namespace: window,
      namespaceId: '0',
      value: [89],
    });
    expect(b.stats()).toMatchObject({ chunksWritten: 3, writes: 25, flushes: 1 });
  });

  it('splits a key group above the chunk limit, rewrites only the chunks changed', async () => {
    const store = await openStore();
    expect(() => backend(store, { chunkEntries: 0 })).toThrow(RangeError);
    const b = backend(store);
    const t = b.table<null, number>('count');
    const n = 2.5 * DEFAULT_CHUNK_ENTRIES;
    await b.prefetch([3]);
    for (let i = 0; i < n; i++) t.put(i, 3, null, 0, i);
    await b.writeBack();
    const stored = async () =>
      (await store.read((r) => r.chunks({ operatorUid: 'window-1', first: 3, last: 3 }))).map(
        (c) => [c.key[2], c.value.counts[0]![1]],
      );
    expect(await stored()).toEqual([
      [0, DEFAULT_CHUNK_ENTRIES],
      [1, DEFAULT_CHUNK_ENTRIES],
      [2, n - 2 * DEFAULT_CHUNK_ENTRIES],
    ]);

    t.put(5, 3, null, 0, -5);
    await b.writeBack();
    expect(b.stats()).toMatchObject({ chunksWritten: 4, writes: n + DEFAULT_CHUNK_ENTRIES });

    // Emptied chunks go; new entries fill the lowest chunk with room before opening another.
    for (let i = 2 * DEFAULT_CHUNK_ENTRIES; i < n; i++) t.remove(i, 3, 0);
    t.remove(0, 3, 0);
    t.put('new', 3, null, 0, 0);
    t.put('newer', 3, null, 0, 0);
    await b.writeBack();
    expect(await stored()).toEqual([
      [0, DEFAULT_CHUNK_ENTRIES],
      [1, DEFAULT_CHUNK_ENTRIES],
      [2, 1],
    ]);

    const reader = backend(store);
    await reader.prefetch([3]);
    expect(reader.entryCount()).toBe(2 * DEFAULT_CHUNK_ENTRIES + 1);
    expect(reader.table('count').get(5, 3, 0)).toBe(-5);
    expect(reader.table('count').get('newer', 3, 0)).toBe(0);
    expect(reader.stats()).toMatchObject({ chunksRead: 3, reads: 2 * DEFAULT_CHUNK_ENTRIES + 1 });

    const snapshot = await reader.snapshot();
    const copy = backend(await openStore());
    await copy.restore(snapshot);
    expect(copy.stats()).toMatchObject({ chunksWritten: 3 });
    expect(await copy.snapshot()).toEqual(snapshot);
  });

  it('tells which key groups had writes committed since a mark', async () => {
    const b = backend(await openStore());
    const t = b.table<null, number>('count');
    const start = b.checkpointMark();
    await b.prefetch([0, 1, 2]);
    t.put('a', 0, null, 0, 1);
    t.put('b', 2, null, 0, 2);
    expect(b.changedKeyGroupsSince(start)).toEqual([]); // not written yet
    await b.writeBack();
    expect(b.changedKeyGroupsSince(start)).toEqual([0, 2]);

    const afterFirst = b.checkpointMark();
    t.put('c', 1, null, 0, 3);
    t.remove('b', 2, 0); // deletes the chunk: a change too
    await b.writeBack();
    await b.writeBack();
    expect(b.changedKeyGroupsSince(afterFirst)).toEqual([1, 2]);
    expect(b.changedKeyGroupsSince(start)).toEqual([0, 1, 2]);

    const afterSecond = b.checkpointMark();
    expect(b.changedKeyGroupsSince(afterSecond)).toEqual([]);
    t.put('a', 0, null, 0, 10);
    const flushing = b.writeBack();
    const whileFlushing = b.checkpointMark(); // the running flush counts as after it
    await flushing;
    expect(b.changedKeyGroupsSince(whileFlushing)).toEqual([0]);

    const beforeRestore = b.checkpointMark();
    await b.restore([{ keyGroup: 5, entries: [] }]);
    expect(b.changedKeyGroupsSince(beforeRestore)).toEqual([5]);
  });

  it('is unusable after dispose', async () => {
    const b = backend(await openStore());
    await b.prefetch([0]);
    b.dispose();
    expect(() => b.table('t').get('a', 0, 0)).toThrow(StateNotResidentError);
    await expect(b.prefetch([0])).rejects.toThrow(/disposed/);
  });
});
