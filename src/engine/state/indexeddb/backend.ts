/**
 * The IndexedDB state backend (Flink's RocksDB backend, in the browser). Operators read and
 * write synchronously, as with the heap; IndexedDB is asynchronous. So the runtime pages
 * whole key groups in before a batch (`prefetch`), and in between reads and writes hit an
 * in-memory cache of resident key groups, holding live objects. Writes stay in the cache
 * (write-behind) until it outgrows its bound or a checkpoint needs them. IndexedDB costs per
 * record and per transaction, so a key group is stored as a few chunk records (store.ts,
 * chunk.ts): a prefetch reads a missing key group's chunks, a write-back rewrites each dirty
 * chunk once however many updates it took, all in one transaction. Serialization is paid per
 * chunk on load and on write-back, as RocksDB pays it per block. */
import type { Key, KeyGroupRange } from '../../keygroups';
import { CurrentKeyScope } from '../current-key';
import { EncodedKeyGroup } from '../entry-codec';
import type { WindowId } from '../../windowing/window';
import type {
  ChangedKeyGroups,
  KeyGroupState,
  PagedKeyedStateBackend,
  StateEntry,
  StateTable,
} from '../keyed-state';
import { ChangeLog } from './change-log';
import type { WriteMark } from './change-log';
import { countEntries, DEFAULT_CHUNK_ENTRIES, encodeChunk } from './chunk';
import { EntryCounts } from './entry-counts';
import { StateBackendError, StateNotResidentError, storeFailure } from './errors';
import { ResidentGroup } from './resident-group';
import { SerialQueue } from './serial-queue';
import { utf8Length } from './stats';
import type { IndexedDbStateStats } from './stats';
import type { ChunkKey, ChunkValue, KeyGroupSpan, StateReader, StateTransactions } from './store';

export const DEFAULT_CACHE_ENTRIES = 10_000;

/**
 * Counting a reopened database's state reads key group by key group; this many requests at
 * once keep IndexedDB busy without holding thousands of groups' chunks in memory.
 */
const COUNT_REQUESTS_IN_FLIGHT = 16;

export interface IndexedDbBackendOptions {
  operatorUid: string;
  keyGroupRange: KeyGroupRange;
  /** Flushes evict least recently used key groups until at most this many entries stay. */
  cacheEntries?: number;
  /** At most this many entries per stored record (see chunk.ts). */
  chunkEntries?: number;
}

/** One chunk record a transaction writes: its new value, or null to delete it. */
interface ChunkWrite {
  keyGroup: number;
  group: ResidentGroup;
  chunk: number;
  value: ChunkValue | null;
}

/** The dirty chunks a flush took from a key group, to give back if it fails. */
type TakenChunks = [keyGroup: number, group: ResidentGroup, chunks: number[]];

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

export class IndexedDbKeyedStateBackend extends CurrentKeyScope implements PagedKeyedStateBackend {
  readonly kind = 'indexeddb';
  readonly operatorUid: string;
  private readonly cacheEntries: number;
  private readonly chunkEntries: number;
  private readonly tables = new Map<string, CachedStateTable<unknown, unknown>>();
  /** Least recently used first: a Map iterates in insertion order. */
  private readonly resident = new Map<number, ResidentGroup>();
  private readonly counts: EntryCounts;
  /** Stored entries are counted by the first async operation, before anything else. */
  private counted = false;
  private readonly changes = new ChangeLog();
  /** Prefetches, flushes, snapshots and restores run one at a time. */
  private readonly queue = new SerialQueue();
  private disposed = false;
  private readonly done = {
    reads: 0,
    writes: 0,
    chunksRead: 0,
    chunksWritten: 0,
    chunksDeleted: 0,
    bytesRead: 0,
    bytesWritten: 0,
    cacheHits: 0,
    cacheMisses: 0,
    flushes: 0,
  };

  constructor(
    private readonly store: StateTransactions,
    {
      operatorUid,
      keyGroupRange,
      cacheEntries = DEFAULT_CACHE_ENTRIES,
      chunkEntries = DEFAULT_CHUNK_ENTRIES,
    }: IndexedDbBackendOptions,
  ) {
    super(keyGroupRange);
    if (!Number.isInteger(chunkEntries) || chunkEntries < 1) {
      throw new RangeError(`chunkEntries must be a positive integer (it is ${chunkEntries})`);
    }
    this.operatorUid = operatorUid;
    this.counts = new EntryCounts(keyGroupRange);
    this.cacheEntries = cacheEntries;
    this.chunkEntries = chunkEntries;
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
   * The end of a batch of records. Writes are coalesced in the cache (write-behind) and reach
   * IndexedDB only when the cache outgrows its bound (every dirty chunk is written, then the
   * least recently used key groups are evicted) or when a snapshot or `writeBack` asks: while
   * state fits the cache, a checkpoint interval costs one write transaction, not one per batch.
   * If IndexedDB refuses, rejects with a StateBackendError and keeps the changes, so a later
   * write can still store them.
   */
  flush(): Promise<void> {
    return this.exclusive(async () => {
      if (this.residentEntries() > this.cacheEntries) await this.writeDirty();
    });
  }

  /** Writes every dirty chunk now, in one transaction, then evicts down to the cache bound. */
  writeBack(): Promise<void> {
    return this.exclusive(() => this.writeDirty());
  }

  /** Every non-empty key group of this subtask, as stored once the dirty chunks are written. */
  snapshot(): Promise<KeyGroupState[]> {
    return this.exclusive(async () => {
      await this.writeDirty();
      return this.copyGroups(null);
    });
  }

  /** Only the key groups written since the mark are copied into a checkpoint. */
  snapshotChanges(since: WriteMark | null): Promise<ChangedKeyGroups> {
    return this.exclusive(async () => {
      await this.writeDirty();
      const mark = this.checkpointMark();
      const changed = since === null ? null : this.changedKeyGroupsSince(since);
      return { changed, groups: await this.copyGroups(changed), mark };
    });
  }

  /**
   * A copy of the given key groups (null: all of this subtask's), right after a write-back, so
   * memory and IndexedDB agree: resident groups are copied from memory, the others read from
   * IndexedDB in one transaction. Ascending, empty groups left out.
   */
  private async copyGroups(keyGroups: readonly number[] | null): Promise<KeyGroupState[]> {
    const { start, end } = this.keyGroupRange;
    const copied: KeyGroupState[] = [];
    const stored: number[] = [];
    const consider = (keyGroup: number) => {
      const group = this.resident.get(keyGroup);
      if (group === undefined) stored.push(keyGroup);
      else if (group.size() > 0) copied.push(group.encode(keyGroup));
    };
    if (keyGroups === null) for (let kg = start; kg <= end; kg++) consider(kg);
    else for (const kg of keyGroups) consider(kg);
    if (stored.length === 0) return copied;
    const read = await this.readGroups(spans(this.operatorUid, stored));
    return [...copied, ...read].sort((a, b) => a.keyGroup - b.keyGroup);
  }

  /**
   * Key groups in the given spans, read in one transaction. Stored chunks are already encoded
   * as a snapshot holds them: they are joined, not decoded.
   */
  private async readGroups(spans: KeyGroupSpan[]): Promise<KeyGroupState[]> {
    const chunks = (
      await this.read('read state from IndexedDB for a snapshot', (reader) =>
        Promise.all(spans.map((span) => reader.chunks(span))),
      )
    ).flat();
    const groups: KeyGroupState[] = [];
    for (let i = 0; i < chunks.length;) {
      const keyGroup = chunks[i]!.key[1];
      const texts: string[] = [];
      let count = 0;
      for (; i < chunks.length && chunks[i]!.key[1] === keyGroup; i++) {
        const { text, counts } = chunks[i]!.value;
        const entries = counts.reduce((n, [, c]) => n + c, 0);
        this.countRead(text, entries);
        texts.push(text);
        count += entries;
      }
      groups.push(EncodedKeyGroup.joined(keyGroup, texts, count));
    }
    return groups;
  }

  /**
   * Replaces the stored state of the given key groups (those in this subtask's range; others
   * are ignored) in one transaction, and drops them from memory. Key groups not given keep
   * what they hold.
   */
  restore(groups: readonly KeyGroupState[]): Promise<void> {
    return this.exclusive(async () => {
      const { start, end } = this.keyGroupRange;
      const restored = new Map<number, ResidentGroup>();
      for (const { keyGroup, entries } of groups) {
        if (keyGroup < start || keyGroup > end) continue;
        let group = restored.get(keyGroup);
        if (group === undefined) {
          group = new ResidentGroup(this.chunkEntries);
          restored.set(keyGroup, group);
        }
        for (const e of entries) group.put(e.table, e.key, e.namespace, e.namespaceId, e.value);
      }
      if (restored.size === 0) return;
      const taken = [...restored].map(([kg, group]): TakenChunks => [kg, group, group.takeDirty()]);
      let writes: ChunkWrite[];
      try {
        writes = this.chunkWrites(taken);
        await this.commit(writes, [...restored.keys()]);
      } catch (error) {
        throw storeFailure('restore state into IndexedDB', error);
      }
      // Counted from what was written: duplicate entries in the input collapsed to one.
      for (const keyGroup of restored.keys()) {
        this.resident.delete(keyGroup);
        const values = writes.flatMap((w) => (w.keyGroup === keyGroup && w.value ? [w.value] : []));
        this.counts.setGroup(keyGroup, countEntries(values));
      }
    });
  }

  /** Marks now in the sequence of writes committed to IndexedDB; see changedKeyGroupsSince. */
  checkpointMark(): WriteMark {
    return this.changes.mark();
  }

  /**
   * Key groups whose stored chunks a flush or restore changed after the mark, ascending: what
   * an incremental checkpoint taken at the mark would have to copy again. Changes not flushed
   * yet are not included.
   */
  changedKeyGroupsSince(mark: WriteMark): number[] {
    return this.changes.since(mark);
  }

  stats(): IndexedDbStateStats {
    return {
      ...this.done,
      residentKeyGroups: this.resident.size,
      residentEntries: this.residentEntries(),
    };
  }

  /** Drops the cache without writing it back (`writeBack` first to keep changes). Final. */
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
        await this.countStored();
        this.counted = true;
      }
      return task();
    });
  }

  /**
   * Counts stored entries per key group and table from the chunks' headers. A fresh database
   * (nothing stored for this operator) is not read at all. Otherwise one request per key
   * group, a few at a time, so only a few groups' chunks are in memory at once.
   */
  private async countStored(): Promise<void> {
    const { start, end } = this.keyGroupRange;
    await this.read('count the state stored in IndexedDB', async (reader) => {
      if ((await reader.count(this.span(start, end))) === 0) return;
      let next = start;
      const countNext = async (): Promise<void> => {
        for (let keyGroup = next++; keyGroup <= end; keyGroup = next++) {
          const chunks = await reader.chunks(this.span(keyGroup, keyGroup));
          this.counts.setGroup(keyGroup, countEntries(chunks.map((c) => c.value)));
        }
      };
      const lanes = Math.min(COUNT_REQUESTS_IN_FLIGHT, end - start + 1);
      await Promise.all(Array.from({ length: lanes }, countNext));
    });
  }

  private async load(keyGroups: number[]): Promise<void> {
    const loaded = await this.read('load state from IndexedDB', (reader) =>
      Promise.all(spans(this.operatorUid, keyGroups).map((span) => reader.chunks(span))),
    );
    const groups = new Map(
      keyGroups.map((keyGroup) => [keyGroup, new ResidentGroup(this.chunkEntries)]),
    );
    for (const chunks of loaded) {
      for (const { key, value } of chunks) {
        const [, keyGroup, chunk] = key;
        const group = groups.get(keyGroup);
        if (group !== undefined) this.countRead(value.text, group.load(chunk, value.text));
      }
    }
    for (const [keyGroup, group] of groups) this.resident.set(keyGroup, group);
  }

  private async writeDirty(): Promise<void> {
    const taken: TakenChunks[] = [];
    for (const [keyGroup, group] of this.resident) {
      if (group.isDirty()) taken.push([keyGroup, group, group.takeDirty()]);
    }
    try {
      const writes = this.chunkWrites(taken);
      if (writes.length > 0) {
        await this.commit(writes);
        this.done.flushes++;
      }
    } catch (error) {
      for (const [, group, chunks] of taken) group.restoreDirty(chunks);
      throw storeFailure('write state to IndexedDB', error);
    }
    this.evict();
  }

  /** Serializes each taken chunk; an emptied one is deleted if it was stored. */
  private chunkWrites(taken: TakenChunks[]): ChunkWrite[] {
    const writes: ChunkWrite[] = [];
    for (const [keyGroup, group, chunks] of taken) {
      for (const chunk of chunks) {
        const entries = group.entriesOf(chunk);
        if (entries.size > 0) {
          writes.push({ keyGroup, group, chunk, value: encodeChunk(entries) });
        } else if (group.isStored(chunk)) {
          writes.push({ keyGroup, group, chunk, value: null });
        }
      }
    }
    return writes;
  }

  /** Runs the writes (after clearing whole key groups) in one transaction, and accounts them. */
  private async commit(writes: ChunkWrite[], cleared: number[] = []): Promise<void> {
    await this.store.write((writer) => {
      for (const keyGroup of cleared) writer.clear(this.span(keyGroup, keyGroup));
      for (const { keyGroup, chunk, value } of writes) {
        const key: ChunkKey = [this.operatorUid, keyGroup, chunk];
        if (value === null) writer.delete(key);
        else writer.put(key, value);
      }
    });
    for (const { group, chunk, value } of writes) {
      group.setStored(chunk, value !== null);
      if (value === null) {
        this.done.chunksDeleted++;
        continue;
      }
      this.done.chunksWritten++;
      for (const [, n] of value.counts) this.done.writes += n;
      this.done.bytesWritten += utf8Length(value.text);
    }
    this.changes.committed([...cleared, ...writes.map((w) => w.keyGroup)]);
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

  private countRead(text: string, entries: number): void {
    this.done.chunksRead++;
    this.done.reads += entries;
    this.done.bytesRead += utf8Length(text);
  }

  private span(first: number, last: number): KeyGroupSpan {
    return { operatorUid: this.operatorUid, first, last };
  }
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
