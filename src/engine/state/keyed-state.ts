/**
 * Keyed state, as operators see it: scoped by the backend's current key (and its key group)
 * and by a namespace, which for window state is the window. Flink's InternalKvState.
 */
import type { Key } from '../keygroups';
import type { WindowId } from '../windowing/window';

/** The namespace of per-key state that is not per window (Flink's VoidNamespace). */
export const VOID_NAMESPACE = null;
export const VOID_NAMESPACE_ID: WindowId = 0;

export interface ValueState<V> {
  value(): V | undefined;
  update(value: V): void;
  clear(): void;
}

/** State of many namespaces: the caller points it at one before reading or writing. */
export interface NamespacedState<N, V> extends ValueState<V> {
  setCurrentNamespace(namespace: N, id: WindowId): void;
}

/** One keyed state as stored: (key group, key, namespace) -> value. */
export interface StateTable<N, V> {
  readonly name: string;
  get(key: Key, keyGroup: number, namespaceId: WindowId): V | undefined;
  put(key: Key, keyGroup: number, namespace: N, namespaceId: WindowId, value: V): void;
  remove(key: Key, keyGroup: number, namespaceId: WindowId): void;
  /** Entries of one key group, for snapshots and the state inspector. */
  entries(keyGroup: number): Iterable<StateEntry<N, V>>;
  size(): number;
}

export interface StateEntry<N, V> {
  key: Key;
  namespace: N;
  namespaceId: WindowId;
  value: V;
}

/** The state of one key group across all tables: what snapshots hold and rescaling moves. */
export interface KeyGroupState {
  keyGroup: number;
  entries: { table: string; key: Key; namespace: unknown; namespaceId: WindowId; value: unknown }[];
}

/** A backend holds the tables of one operator subtask and its current key. */
export interface KeyedStateBackend {
  readonly kind: 'heap' | 'indexeddb';
  setCurrentKey(key: Key, keyGroup: number): void;
  currentKey(): Key;
  currentKeyGroup(): number;
  table<N, V>(name: string): StateTable<N, V>;
  /** Entries across all tables, for metrics. */
  entryCount(): number;
  /** Every non-empty key group of this subtask, as a consistent copy. */
  snapshot(): Promise<KeyGroupState[]>;
  /** Loads key groups (those in this subtask's range) into an empty backend. */
  restore(groups: readonly KeyGroupState[]): Promise<void>;
}

/**
 * A backend whose state is not all in memory (IndexedDB). Its reads and writes stay
 * synchronous: the runtime makes the key groups a batch can touch resident first, and tells
 * it when the batch is over.
 */
export interface PagedKeyedStateBackend extends KeyedStateBackend {
  prefetch(keyGroups: Iterable<number>): Promise<void>;
  /**
   * The batch is over: the backend may write its changes back now or keep them for later (a
   * snapshot always includes them), and makes room for the next prefetch.
   */
  flush(): Promise<void>;
  /**
   * An incremental snapshot, as RocksDB's: the key groups written since `since` (all of them
   * when null), read from one consistent view, and the mark to pass next time.
   */
  snapshotChanges(since: ChangeMark | null): Promise<ChangedKeyGroups>;
}

/** A point in a backend's sequence of writes; meaningless to another backend. */
export type ChangeMark = number & { readonly __changeMark: unique symbol };

export interface ChangedKeyGroups {
  /** Key groups written since the mark, now empty ones included; null: a full snapshot. */
  changed: readonly number[] | null;
  /** The non-empty ones among them, with their state. */
  groups: KeyGroupState[];
  mark: ChangeMark;
}

export const isPaged = (b: KeyedStateBackend): b is PagedKeyedStateBackend =>
  'prefetch' in b && 'flush' in b && 'snapshotChanges' in b;

/** A table seen through the backend's current key and a settable namespace. */
export class KeyedValueState<N, V> implements NamespacedState<N, V> {
  private namespace: N | null = null;
  private namespaceId: WindowId = VOID_NAMESPACE_ID;

  constructor(
    private readonly backend: KeyedStateBackend,
    readonly table: StateTable<N, V>,
  ) {}

  setCurrentNamespace(namespace: N, id: WindowId): void {
    this.namespace = namespace;
    this.namespaceId = id;
  }

  value(): V | undefined {
    const b = this.backend;
    return this.table.get(b.currentKey(), b.currentKeyGroup(), this.namespaceId);
  }

  update(value: V): void {
    const b = this.backend;
    this.table.put(
      b.currentKey(),
      b.currentKeyGroup(),
      this.namespace as N,
      this.namespaceId,
      value,
    );
  }

  clear(): void {
    const b = this.backend;
    this.table.remove(b.currentKey(), b.currentKeyGroup(), this.namespaceId);
  }
}
