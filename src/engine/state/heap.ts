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

class HeapStateTable<N, V> implements StateTable<N, V> {
  /** [key group - range.start] -> key -> namespace id -> slot */
  private readonly groups: Map<Key, Map<WindowId, Slot<N, V>>>[];
  private count = 0;
  /** The slot last read: an operator reads a window's value and then writes it back. */
  private lastKey: Key | undefined = undefined;
  private lastKeyGroup = -1;
  private lastNamespaceId: WindowId | undefined = undefined;
  private lastSlot: Slot<N, V> | undefined = undefined;

  constructor(
    readonly name: string,
    private readonly range: KeyGroupRange,
  ) {
    this.groups = Array.from({ length: range.end - range.start + 1 }, () => new Map());
  }

  private group(keyGroup: number): Map<Key, Map<WindowId, Slot<N, V>>> {
    const g = this.groups[keyGroup - this.range.start];
    if (g === undefined) {
      throw new RangeError(
        `Key group ${keyGroup} is outside this subtask's range ${this.range.start}..${this.range.end}`,
      );
    }
    return g;
  }

  get(key: Key, keyGroup: number, namespaceId: WindowId): V | undefined {
    const slot = this.group(keyGroup).get(key)?.get(namespaceId);
    this.lastKey = key;
    this.lastKeyGroup = keyGroup;
    this.lastNamespaceId = namespaceId;
    this.lastSlot = slot;
    return slot?.value;
  }

  put(key: Key, keyGroup: number, namespace: N, namespaceId: WindowId, value: V): void {
    const last = this.lastSlot;
    if (
      last !== undefined &&
      key === this.lastKey &&
      keyGroup === this.lastKeyGroup &&
      namespaceId === this.lastNamespaceId
    ) {
      last.value = value;
      return;
    }
    const g = this.group(keyGroup);
    let byNamespace = g.get(key);
    if (byNamespace === undefined) {
      byNamespace = new Map();
      g.set(key, byNamespace);
    }
    const slot = byNamespace.get(namespaceId);
    if (slot === undefined) {
      byNamespace.set(namespaceId, { namespace, value });
      this.count++;
    } else {
      slot.value = value;
    }
  }

  remove(key: Key, keyGroup: number, namespaceId: WindowId): void {
    this.lastSlot = undefined;
    const g = this.group(keyGroup);
    const byNamespace = g.get(key);
    if (byNamespace?.delete(namespaceId) === true) {
      this.count--;
      if (byNamespace.size === 0) g.delete(key);
    }
  }

  *entries(keyGroup: number): Iterable<StateEntry<N, V>> {
    for (const [key, byNamespace] of this.group(keyGroup)) {
      for (const [namespaceId, slot] of byNamespace) {
        yield { key, namespace: slot.namespace, namespaceId, value: slot.value };
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
