/**
 * The heap state backend (Flink's HashMapStateBackend): live objects in maps, one map per key
 * group so whole key groups can be snapshotted and moved when a job is rescaled.
 */
import type { Key, KeyGroupRange } from '../keygroups';
import type { WindowId } from '../windowing/window';
import { CurrentKeyScope } from './current-key';
import type { KeyedStateBackend, KeyGroupState, StateEntry, StateTable } from './keyed-state';
import { EncodedKeyGroup } from './entry-codec';

interface Slot<N, V> {
  namespace: N;
  value: V;
}

/**
 * A key's state in one table. A key seldom has more than a few windows open: their cells sit
 * in one flat array, [namespace id, namespace, value] after one another in insertion order,
 * so a lookup scans a few adjacent cells instead of hashing into a map and following a
 * pointer per entry (cache misses are most of a lookup's cost). A key with many windows
 * (long sliding windows, say) gets a map by window instead.
 */
type KeyCells<N, V> = unknown[] | Map<WindowId, Slot<N, V>>;
const STRIDE = 3;
const SCANNED_CELLS = 8 * STRIDE;

/** Where a namespace's cells start in a key's flat array, or -1. */
function cellOf(cells: readonly unknown[], namespaceId: WindowId): number {
  for (let i = 0; i < cells.length; i += STRIDE) if (cells[i] === namespaceId) return i;
  return -1;
}

class HeapStateTable<N, V> implements StateTable<N, V> {
  /** [key group - range.start] -> key -> its cells */
  private readonly groups: Map<Key, KeyCells<N, V>>[];
  private count = 0;
  /** The cells last read: an operator reads a window's value and then writes it back. */
  private lastKey: Key | undefined = undefined;
  private lastKeyGroup = -1;
  private lastNamespaceId: WindowId | undefined = undefined;
  private lastCells: unknown[] | undefined = undefined;
  private lastAt = -1;

  constructor(
    readonly name: string,
    private readonly range: KeyGroupRange,
  ) {
    this.groups = Array.from({ length: range.end - range.start + 1 }, () => new Map());
  }

  private group(keyGroup: number): Map<Key, KeyCells<N, V>> {
    const g = this.groups[keyGroup - this.range.start];
    if (g === undefined) {
      throw new RangeError(
        `Key group ${keyGroup} is outside this subtask's range ${this.range.start}..${this.range.end}`,
      );
    }
    return g;
  }

  get(key: Key, keyGroup: number, namespaceId: WindowId): V | undefined {
    const cells = this.group(keyGroup).get(key);
    this.lastCells = undefined;
    if (cells === undefined) return undefined;
    if (!Array.isArray(cells)) return cells.get(namespaceId)?.value;
    // cellOf, written out: a read per record, and V8 does not always inline the call here.
    let at = 0;
    while (at < cells.length && cells[at] !== namespaceId) at += STRIDE;
    if (at >= cells.length) return undefined;
    this.lastKey = key;
    this.lastKeyGroup = keyGroup;
    this.lastNamespaceId = namespaceId;
    this.lastCells = cells;
    this.lastAt = at;
    return cells[at + 2] as V;
  }

  put(key: Key, keyGroup: number, namespace: N, namespaceId: WindowId, value: V): void {
    const last = this.lastCells;
    if (
      last !== undefined &&
      key === this.lastKey &&
      keyGroup === this.lastKeyGroup &&
      namespaceId === this.lastNamespaceId
    ) {
      last[this.lastAt + 2] = value;
      return;
    }
    const g = this.group(keyGroup);
    const cells = g.get(key);
    if (cells === undefined) {
      g.set(key, [namespaceId, namespace, value]);
      this.count++;
    } else if (cells instanceof Map) {
      const slot = cells.get(namespaceId);
      if (slot !== undefined) {
        slot.value = value;
        return;
      }
      cells.set(namespaceId, { namespace, value });
      this.count++;
    } else {
      const at = cellOf(cells, namespaceId);
      if (at >= 0) {
        cells[at + 2] = value;
        return;
      }
      this.count++;
      if (cells.length < SCANNED_CELLS) {
        cells.push(namespaceId, namespace, value);
        return;
      }
      const byId = new Map<WindowId, Slot<N, V>>();
      for (let i = 0; i < cells.length; i += STRIDE) {
        byId.set(cells[i] as WindowId, { namespace: cells[i + 1] as N, value: cells[i + 2] as V });
      }
      byId.set(namespaceId, { namespace, value });
      g.set(key, byId);
      // The cells last read are gone: a write to them now would be lost.
      this.lastCells = undefined;
    }
  }

  remove(key: Key, keyGroup: number, namespaceId: WindowId): void {
    // A firing window is read and then removed: its cells are the ones last read.
    const last = this.lastCells;
    const fromLast =
      last !== undefined &&
      key === this.lastKey &&
      keyGroup === this.lastKeyGroup &&
      namespaceId === this.lastNamespaceId;
    this.lastCells = undefined;
    const g = this.group(keyGroup);
    const cells = fromLast ? last : g.get(key);
    if (cells === undefined) return;
    if (!Array.isArray(cells)) {
      if (!cells.delete(namespaceId)) return;
      if (cells.size === 0) g.delete(key);
    } else {
      const at = fromLast ? this.lastAt : cellOf(cells, namespaceId);
      if (at < 0) return;
      if (cells.length === STRIDE) {
        g.delete(key);
      } else {
        // Later windows move up, in insertion order; splice would allocate what it removes.
        const end = cells.length - STRIDE;
        for (let i = at; i < end; i++) cells[i] = cells[i + STRIDE];
        cells.length = end;
      }
    }
    this.count--;
  }

  *entries(keyGroup: number): Iterable<StateEntry<N, V>> {
    for (const [key, cells] of this.group(keyGroup)) {
      if (cells instanceof Map) {
        for (const [namespaceId, { namespace, value }] of cells) {
          yield { key, namespaceId, namespace, value };
        }
        continue;
      }
      for (let i = 0; i < cells.length; i += STRIDE) {
        yield {
          key,
          namespaceId: cells[i] as WindowId,
          namespace: cells[i + 1] as N,
          value: cells[i + 2] as V,
        };
      }
    }
  }

  size(): number {
    return this.count;
  }
}

export class HeapKeyedStateBackend extends CurrentKeyScope implements KeyedStateBackend {
  readonly kind = 'heap';
  private readonly tables = new Map<string, HeapStateTable<unknown, unknown>>();

  table<N, V>(name: string): StateTable<N, V> {
    let t = this.tables.get(name);
    if (t === undefined) {
      t = new HeapStateTable(name, this.keyGroupRange);
      this.tables.set(name, t);
    }
    return t as StateTable<N, V>;
  }

  entryCount(): number {
    let n = 0;
    for (const t of this.tables.values()) n += t.size();
    return n;
  }

  /**
   * Values are live, mutable objects: the copy is their serialization, as Flink's is, one text
   * per key group (what a retained checkpoint keeps, without serializing it again).
   */
  snapshot(): Promise<KeyGroupState[]> {
    const groups: KeyGroupState[] = [];
    for (let kg = this.keyGroupRange.start; kg <= this.keyGroupRange.end; kg++) {
      const entries: KeyGroupState['entries'] = [];
      for (const [table, t] of this.tables) {
        for (const e of t.entries(kg)) entries.push({ table, ...e });
      }
      if (entries.length > 0) groups.push(EncodedKeyGroup.of(kg, entries));
    }
    return Promise.resolve(groups);
  }

  restore(groups: readonly KeyGroupState[]): Promise<void> {
    const { start, end } = this.keyGroupRange;
    for (const g of groups) {
      if (g.keyGroup < start || g.keyGroup > end) continue;
      for (const e of g.entries) {
        this.table(e.table).put(e.key, g.keyGroup, e.namespace, e.namespaceId, e.value);
      }
    }
    return Promise.resolve();
  }
}
