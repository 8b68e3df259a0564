/**
 * The IndexedDB state backend (Flink's RocksDB backend, in the browser). Operators read and
 * write synchronously, as with the heap; IndexedDB is asynchronous. So the runtime pages
 * whole key groups in before a batch (`prefetch`) and writes the batch's changes back after
 * it (`flush`), and in between reads and writes hit an in-memory cache of resident key groups,
 * holding live objects. Serialization is paid on load and on flush, as RocksDB pays it.
 */
import type { Key, KeyGroupRange } from '../../keygroups';
import type { WindowId } from '../../windowing/window';
import type { KeyGroupState, PagedKeyedStateBackend, StateEntry, StateTable } from '../keyed-state';
import { deserializeState, serializeState } from '../serialization';
import { EntryCounts } from './entry-counts';
import { StateBackendError, StateNotResidentError, storeFailure } from './errors';
import { ResidentGroup } from './resident-group';
import type { DirtyCells, Slot } from './resident-group';
import { SerialQueue } from './serial-queue';
import { utf8Length } from './stats';
import type { IndexedDbStateStats } from './stats';
import type { KeyGroupSpan, StateKey, StateReader, StateRecord, StateTransactions } from './store';

export const DEFAULT_CACHE_ENTRIES = 10_000;

export interface IndexedDbBackendOptions {
  operatorUid: string;
  keyGroupRange: KeyGroupRange;
  /** Flushes evict least recently used key groups until at most this many entries stay. */
  cacheEntries?: number;
}

/** The cells a flush took from a key group, to give back if it fails. */
type TakenCells = [keyGroup: number, group: ResidentGroup, cells: DirtyCells];

class CachedStateTable<N, V> implements StateTable<N, V> {
  constructor(
    readonly name: string,
    private readonly resident: (keyGroup: number) => ResidentGroup,
    private readonly counts: EntryCounts,
  ) {}

  get(key: Key, keyGroup: number, namespaceId: WindowId): V | undefined {
    return this.resident(keyGroup).get(this.name, key, namespaceId) as V | undefined;
  }

  put(key: Key, keyGroup: number, namespace: N, namespaceId: WindowId, value: V): void {
    if (this.resident(keyGroup).put(this.name, key, namespace, namespaceId, value)) {
      this.counts.add(keyGroup, this.name, 1);
    }
  }

  remove(key: Key, keyGroup: number, namespaceId: WindowId): void {
    if (this.resident(keyGroup).remove(this.name, key, namespaceId)) {
      this.counts.add(keyGroup, this.name, -1);
    }
  }

  entries(keyGroup: number): Iterable<StateEntry<N, V>> {
    return this.resident(keyGroup).entries(this.name) as Iterable<StateEntry<N, V>>;
  }

  size(): number {
    return this.counts.table(this.name);
  }
}

export class IndexedDbKeyedStateBackend implements PagedKeyedStateBackend {
  readonly kind = 'indexeddb';
  readonly operatorUid: string;
  readonly keyGroupRange: KeyGroupRange;
  private readonly cacheEntries: number;
  private key: Key = null;
  private keyGroup: number;
  private readonly tables = new Map<string, CachedStateTable<unknown, unknown>>();
  /** Least recently used first: a Map iterates in insertion order. */
  private readonly resident = new Map<number, ResidentGroup>();
  private readonly counts = new EntryCounts();
  /** Stored entries are counted by the first async operation, before anything else. */
  private counted = false;
  /** Prefetches, flushes, snapshots and restores run one at a time. */
  private readonly queue = new SerialQueue();
  private disposed = false;
  private readonly done = {
    reads: 0,
    writes: 0,
    deletes: 0,
    bytesRead: 0,
    bytesWritten: 0,
    cacheHits: 0,
    cacheMisses: 0,
    flushes: 0,
  };

  constructor(
    private readonly store: StateTransactions,
    { operatorUid, keyGroupRange, cacheEntries = DEFAULT_CACHE_ENTRIES }: IndexedDbBackendOptions,
  ) {
    this.operatorUid = operatorUid;
    this.keyGroupRange = keyGroupRange;
    this.cacheEntries = cacheEntries;
    this.keyGroup = keyGroupRange.start;
  }

  setCurrentKey(key: Key, keyGroup: number): void {
    this.key = key;
    this.keyGroup = keyGroup;
  }

  currentKey(): Key {
    return this.key;
  }

  currentKeyGroup(): number {
    return this.keyGroup;
  }

  table<N, V>(name: string): StateTable<N, V> {
    let t = this.tables.get(name);
    if (t === undefined) {
      t = new CachedStateTable(name, this.residentGroup, this.counts);
      this.tables.set(name, t);
    }
    return t as StateTable<N, V>;
  }

  /**
   * Entries across all tables, resident or not. Exact once the first prefetch, flush,
   * snapshot or restore has resolved: that is when the stored entries are counted.
   */
  entryCount(): number {
    return this.counts.total();
  }

  /** Makes the key groups resident, loading the missing ones in one transaction. */
  prefetch(keyGroups: Iterable<number>): Promise<void> {
    const wanted = new Set(keyGroups);
    return this.exclusive(async () => {
      for (const keyGroup of wanted) this.checkInRange(keyGroup);
      const missing: number[] = [];
      for (const keyGroup of wanted) {
        const group = this.resident.get(keyGroup);
        if (group === undefined) {
          missing.push(keyGroup);
          continue;
        }
        this.done.cacheHits++;
        this.resident.delete(keyGroup); // re-inserted as the most recently used
        this.resident.set(keyGroup, group);
      }
      this.done.cacheMisses += missing.length;
      if (missing.length > 0) await this.load(missing);
    });
  }

  /**
   * Writes every change since the last flush in one transaction, then evicts clean key groups
   * down to the cache bound. If IndexedDB refuses, rejects with a StateBackendError and keeps
   * the changes, so a later flush can still write them.
   */
  flush(): Promise<void> {
    return this.exclusive(() => this.writeBack());
  }

  /** Every non-empty key group of this subtask as stored after a flush, deserialized. */
  snapshot(): Promise<KeyGroupState[]> {
    return this.exclusive(async () => {
      await this.writeBack();
      const { start, end } = this.keyGroupRange;
      const records = await this.read('read state from IndexedDB for a snapshot', (reader) =>
        reader.records(this.span(start, end)),
      );
      const groups: KeyGroupState[] = [];
      for (const record of records) {
        const { keyGroup, ...cell } = cellOf(record.key);
        let group = groups.at(-1);
        if (group?.keyGroup !== keyGroup) {
          group = { keyGroup, entries: [] };
          groups.push(group);
        }
        group.entries.push({ ...cell, ...this.decode(record.text) });
      }
      return groups;
    });
  }

  /**
   * Replaces the stored state of the given key groups (those in this subtask's range; others
   * are ignored) in one transaction, and drops them from memory. Key groups not given keep
   * what they hold.
   */
  restore(groups: readonly KeyGroupState[]): Promise<void> {
    return this.exclusive(async () => {
      const { start, end } = this.keyGroupRange;
      const mine = groups.filter((g) => g.keyGroup >= start && g.keyGroup <= end);
      if (mine.length === 0) return;
      const records: StateRecord[] = mine.flatMap(({ keyGroup, entries }) =>
        entries.map((e) => ({
          key: this.stateKey(keyGroup, e.table, e.key, e.namespaceId),
          text: serializeState({ namespace: e.namespace, value: e.value } satisfies Slot),
        })),
      );
      try {
        await this.store.write((writer) => {
          for (const { keyGroup } of mine) writer.clear(this.span(keyGroup, keyGroup));
          for (const r of records) writer.put(r.key, r.text);
        });
      } catch (error) {
        throw storeFailure('restore state into IndexedDB', error);
      }
      this.done.writes += records.length;
      for (const r of records) this.done.bytesWritten += utf8Length(r.text);
      for (const { keyGroup } of mine) this.resident.delete(keyGroup);
      // Recounted rather than trusted: duplicate entries in the input collapse to one record.
      await this.countStored(mine.map((g) => g.keyGroup));
    });
  }

  stats(): IndexedDbStateStats {
    return {
      ...this.done,
      residentKeyGroups: this.resident.size,
      residentEntries: this.residentEntries(),
    };
  }

  /** Drops the cache without writing it back (flush first to keep changes). Final. */
  dispose(): void {
    this.disposed = true;
    this.resident.clear();
  }

  private readonly residentGroup = (keyGroup: number): ResidentGroup => {
    const group = this.resident.get(keyGroup);
    if (group !== undefined) return group;
    this.checkInRange(keyGroup);
    throw new StateNotResidentError(this.operatorUid, keyGroup);
  };

  private checkInRange(keyGroup: number): void {
    const { start, end } = this.keyGroupRange;
    if (keyGroup < start || keyGroup > end || !Number.isInteger(keyGroup)) {
      throw new RangeError(
        `Key group ${keyGroup} is outside this subtask's range ${start}..${end}`,
      );
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (this.disposed) {
        throw new StateBackendError(
          `The IndexedDB state backend of operator "${this.operatorUid}" was disposed.`,
        );
      }
      if (!this.counted) {
        const { start, end } = this.keyGroupRange;
        await this.countStored(Array.from({ length: end - start + 1 }, (_, i) => start + i));
        this.counted = true;
      }
      return task();
    });
  }

  /** Counts stored entries per key group and table, one key group per request to bound memory. */
  private async countStored(keyGroups: number[]): Promise<void> {
    const counted = await this.read('count the state stored in IndexedDB', (reader) =>
      Promise.all(
        keyGroups.map(async (keyGroup) => {
          const byTable = new Map<string, number>();
          for (const [, , table] of await reader.keys(this.span(keyGroup, keyGroup))) {
            byTable.set(table, (byTable.get(table) ?? 0) + 1);
          }
          return [keyGroup, byTable] as const;
        }),
      ),
    );
    for (const [keyGroup, byTable] of counted) this.counts.setGroup(keyGroup, byTable);
  }

  private async load(keyGroups: number[]): Promise<void> {
    const loaded = await this.read('load state from IndexedDB', (reader) =>
      Promise.all(spans(this.operatorUid, keyGroups).map((span) => reader.records(span))),
    );
    const groups = new Map(keyGroups.map((keyGroup) => [keyGroup, new ResidentGroup()]));
    for (const records of loaded) {
      for (const record of records) {
        const { keyGroup, table, key, namespaceId } = cellOf(record.key);
        groups.get(keyGroup)?.load(table, key, namespaceId, this.decode(record.text));
      }
    }
    for (const [keyGroup, group] of groups) this.resident.set(keyGroup, group);
  }

  private async writeBack(): Promise<void> {
    const taken: TakenCells[] = [];
    for (const [keyGroup, group] of this.resident) {
      if (group.isDirty()) taken.push([keyGroup, group, group.takeDirty()]);
    }
    if (taken.length > 0) {
      try {
        const { puts, deletes } = this.encode(taken);
        await this.store.write((writer) => {
          for (const key of deletes) writer.delete(key);
          for (const r of puts) writer.put(r.key, r.text);
        });
        this.done.writes += puts.length;
        this.done.deletes += deletes.length;
        for (const r of puts) this.done.bytesWritten += utf8Length(r.text);
        this.done.flushes++;
      } catch (error) {
        for (const [, group, cells] of taken) group.restoreDirty(cells);
        throw storeFailure('write state to IndexedDB', error);
      }
    }
    this.evict();
  }

  /** Dirty cells as records to write, or keys to delete where the entry is gone. */
  private encode(taken: TakenCells[]): {
    puts: StateRecord[];
    deletes: StateKey[];
  } {
    const puts: StateRecord[] = [];
    const deletes: StateKey[] = [];
    for (const [keyGroup, group, cells] of taken) {
      for (const [table, byKey] of cells) {
        for (const [key, namespaceIds] of byKey) {
          for (const namespaceId of namespaceIds) {
            const stateKey = this.stateKey(keyGroup, table, key, namespaceId);
            const slot = group.slot(table, key, namespaceId);
            if (slot === undefined) deletes.push(stateKey);
            else puts.push({ key: stateKey, text: serializeState(slot) });
          }
        }
      }
    }
    return { puts, deletes };
  }

  private evict(): void {
    let entries = this.residentEntries();
    for (const [keyGroup, group] of this.resident) {
      if (entries <= this.cacheEntries) return;
      if (group.isDirty()) continue; // written to while the flush ran: keep for the next one
      this.resident.delete(keyGroup);
      entries -= this.counts.group(keyGroup);
    }
  }

  private residentEntries(): number {
    let n = 0;
    for (const keyGroup of this.resident.keys()) n += this.counts.group(keyGroup);
    return n;
  }

  private async read<T>(action: string, work: (reader: StateReader) => Promise<T>): Promise<T> {
    try {
      return await this.store.read(work);
    } catch (error) {
      throw storeFailure(action, error);
    }
  }

  private decode(text: string): Slot {
    this.done.reads++;
    this.done.bytesRead += utf8Length(text);
    return deserializeState<Slot>(text);
  }

  private stateKey(keyGroup: number, table: string, key: Key, namespaceId: WindowId): StateKey {
    return [this.operatorUid, keyGroup, table, serializeState(key), serializeState(namespaceId)];
  }

  private span(first: number, last: number): KeyGroupSpan {
    return { operatorUid: this.operatorUid, first, last };
  }
}

/** A stored key, deserialized: the inverse of `stateKey`. */
function cellOf([, keyGroup, table, keyText, namespaceIdText]: StateKey) {
  const key = deserializeState<Key>(keyText);
  return { keyGroup, table, key, namespaceId: deserializeState<WindowId>(namespaceIdText) };
}

/** Sorted key groups as runs of consecutive ones: one key range each. */
function spans(operatorUid: string, keyGroups: number[]): KeyGroupSpan[] {
  const result: KeyGroupSpan[] = [];
  for (const keyGroup of [...keyGroups].sort((a, b) => a - b)) {
    const last = result.at(-1);
    if (last !== undefined && last.last === keyGroup - 1) last.last = keyGroup;
    else result.push({ operatorUid, first: keyGroup, last: keyGroup });
  }
  return result;
}
