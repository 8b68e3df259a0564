/**
 * One key group of an operator held in memory: every entry of every table (so a miss is a
 * real miss), as live objects like the heap backend's, plus the cells changed since the last
 * flush. A dirty cell that still has a slot is written back; one without is deleted (a
 * tombstone).
 */
import type { Key } from '../../keygroups';
import type { WindowId } from '../../windowing/window';
import type { StateEntry } from '../keyed-state';

/** What one stored record holds, besides its key. */
export interface Slot {
  namespace: unknown;
  value: unknown;
}

/** table -> key -> namespace ids */
export type DirtyCells = Map<string, Map<Key, Set<WindowId>>>;

export class ResidentGroup {
  /** table -> key -> namespace id -> slot */
  private readonly tables = new Map<string, Map<Key, Map<WindowId, Slot>>>();
  private dirty: DirtyCells = new Map();

  get(table: string, key: Key, namespaceId: WindowId): unknown {
    return this.slot(table, key, namespaceId)?.value;
  }

  slot(table: string, key: Key, namespaceId: WindowId): Slot | undefined {
    return this.tables.get(table)?.get(key)?.get(namespaceId);
  }

  /** Returns whether the entry is new. */
  put(table: string, key: Key, namespace: unknown, namespaceId: WindowId, value: unknown): boolean {
    this.markDirty(table, key, namespaceId);
    const slot = this.slot(table, key, namespaceId);
    if (slot !== undefined) {
      slot.value = value;
      return false;
    }
    this.load(table, key, namespaceId, { namespace, value });
    return true;
  }

  /** Returns whether there was an entry. */
  remove(table: string, key: Key, namespaceId: WindowId): boolean {
    const byKey = this.tables.get(table);
    const byNamespace = byKey?.get(key);
    if (byKey === undefined || byNamespace === undefined) return false;
    if (!byNamespace.delete(namespaceId)) return false;
    if (byNamespace.size === 0) byKey.delete(key);
    this.markDirty(table, key, namespaceId);
    return true;
  }

  /** Installs an entry read from IndexedDB: not dirty. */
  load(table: string, key: Key, namespaceId: WindowId, slot: Slot): void {
    let byKey = this.tables.get(table);
    if (byKey === undefined) {
      byKey = new Map();
      this.tables.set(table, byKey);
    }
    let byNamespace = byKey.get(key);
    if (byNamespace === undefined) {
      byNamespace = new Map();
      byKey.set(key, byNamespace);
    }
    byNamespace.set(namespaceId, slot);
  }

  *entries(table: string): Iterable<StateEntry<unknown, unknown>> {
    for (const [key, byNamespace] of this.tables.get(table) ?? []) {
      for (const [namespaceId, slot] of byNamespace) {
        yield { key, namespace: slot.namespace, namespaceId, value: slot.value };
      }
    }
  }

  isDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Hands the dirty cells to a flush; writes made meanwhile start a new set. */
  takeDirty(): DirtyCells {
    const cells = this.dirty;
    this.dirty = new Map();
    return cells;
  }

  /** Gives back the cells of a failed flush, so nothing is lost. */
  restoreDirty(cells: DirtyCells): void {
    for (const [table, byKey] of cells) {
      for (const [key, namespaceIds] of byKey) {
        for (const namespaceId of namespaceIds) this.markDirty(table, key, namespaceId);
      }
    }
  }

  private markDirty(table: string, key: Key, namespaceId: WindowId): void {
    let byKey = this.dirty.get(table);
    if (byKey === undefined) {
      byKey = new Map();
      this.dirty.set(table, byKey);
    }
    let namespaceIds = byKey.get(key);
    if (namespaceIds === undefined) {
      namespaceIds = new Set();
      byKey.set(key, namespaceIds);
    }
    namespaceIds.add(namespaceId);
  }
}
