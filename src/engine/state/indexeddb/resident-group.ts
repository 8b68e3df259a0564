/**
 * One key group of an operator held in memory: every entry of every table (so a miss is a
 * real miss), as live objects like the heap backend's, in the chunks it is stored as. A write
 * marks its entry's chunk dirty; a flush rewrites each dirty chunk whole, or deletes it once
 * empty, however many writes it took.
 *
 * An entry stays in the chunk it was loaded from or first put in, so an update rewrites one
 * chunk of a large key group, not all of them. A new entry goes to the lowest chunk with room:
 * chunks emptied by removals fill up again before another opens, so a key group never has more
 * chunks than its peak entry count needs.
 */
import type { Key } from '../../keygroups';
import type { WindowId } from '../../windowing/window';
import type { StateEntry } from '../keyed-state';
import { decodeEntriesAs, EncodedKeyGroup } from '../entry-codec';
import type { ChunkEntry } from './chunk';

/** A live entry, and the chunk it is stored in. */
interface Cell extends ChunkEntry {
  readonly chunk: number;
}

/**
 * A key's entries in one table. Most keys have one namespace (their one window, or none), so
 * a lone entry is held as it is and a map made only for a second one: a loaded key group costs
 * one object per entry, not a map per key as well.
 */
type Slot = Cell | Map<WindowId, Cell>;

function cellOf(slot: Slot | undefined, namespaceId: WindowId): Cell | undefined {
  if (slot === undefined || slot instanceof Map) return slot?.get(namespaceId);
  return slot.namespaceId === namespaceId ? slot : undefined;
}

interface Chunk {
  /** In insertion order: the order it is serialized in. */
  readonly cells: Set<Cell>;
  /** Whether IndexedDB holds a record for it: an emptied chunk is deleted only then. */
  stored: boolean;
}

export class ResidentGroup {
  /** table -> key -> (namespace id ->) cell */
  private readonly tables = new Map<string, Map<Key, Slot>>();
  /** By chunk index; a gap (a chunk deleted while a later one stayed) counts as empty. */
  private readonly chunks: Chunk[] = [];
  private dirty = new Set<number>();

  constructor(private readonly chunkEntries: number) {}

  get(table: string, key: Key, namespaceId: WindowId): unknown {
    return cellOf(this.tables.get(table)?.get(key), namespaceId)?.value;
  }

  /** Returns whether the entry is new. */
  put(table: string, key: Key, namespace: unknown, namespaceId: WindowId, value: unknown): boolean {
    const cell = cellOf(this.tables.get(table)?.get(key), namespaceId);
    if (cell !== undefined) {
      cell.value = value;
      this.dirty.add(cell.chunk);
      return false;
    }
    const chunk = this.chunkWithRoom();
    this.add({ table, key, namespaceId, namespace, value, chunk });
    this.dirty.add(chunk);
    return true;
  }

  /** Returns whether there was an entry. */
  remove(table: string, key: Key, namespaceId: WindowId): boolean {
    const byKey = this.tables.get(table);
    const slot = byKey?.get(key);
    const cell = cellOf(slot, namespaceId);
    if (byKey === undefined || cell === undefined) return false;
    if (slot instanceof Map) {
      slot.delete(namespaceId);
      if (slot.size === 0) byKey.delete(key);
    } else {
      byKey.delete(key);
    }
    this.chunkAt(cell.chunk).cells.delete(cell);
    this.dirty.add(cell.chunk);
    return true;
  }

  /** Installs a chunk read from IndexedDB (its text): not dirty. Returns its entry count. */
  load(chunk: number, text: string): number {
    const cells = decodeEntriesAs(text, (table, key, namespaceId, namespace, value): Cell => ({
      table,
      key,
      namespaceId,
      namespace,
      value,
      chunk,
    }));
    for (const cell of cells) this.add(cell);
    this.chunkAt(chunk).stored = true;
    return cells.length;
  }

  *entries(table: string): Iterable<StateEntry<unknown, unknown>> {
    for (const slot of this.tables.get(table)?.values() ?? []) {
      for (const { key, namespace, namespaceId, value } of slot instanceof Map
        ? slot.values()
        : [slot]) {
        yield { key, namespace, namespaceId, value };
      }
    }
  }

  /** Entries across all tables and chunks. */
  size(): number {
    let n = 0;
    for (const chunk of this.chunks) n += chunk?.cells.size ?? 0;
    return n;
  }

  /**
   * Every entry, in the order the chunks store them, encoded: values are live, mutable
   * objects, so a snapshot copies them by serializing, as the heap backend's does.
   */
  encode(keyGroup: number): EncodedKeyGroup {
    const cells: ChunkEntry[] = [];
    for (const chunk of this.chunks) if (chunk !== undefined) cells.push(...chunk.cells);
    return EncodedKeyGroup.of(keyGroup, cells);
  }

  /** The entries stored together in one record. */
  entriesOf(chunk: number): ReadonlySet<ChunkEntry> {
    return this.chunkAt(chunk).cells;
  }

  isStored(chunk: number): boolean {
    return this.chunkAt(chunk).stored;
  }

  /** After a committed flush: whether it put the chunk's record or deleted it. */
  setStored(chunk: number, stored: boolean): void {
    this.chunkAt(chunk).stored = stored;
  }

  isDirty(): boolean {
    return this.dirty.size > 0;
  }

  /** Hands the dirty chunks to a flush; writes made meanwhile start a new set. */
  takeDirty(): number[] {
    const chunks = [...this.dirty].sort((a, b) => a - b);
    this.dirty = new Set();
    return chunks;
  }

  /** Gives back the chunks of a failed flush, so nothing is lost. */
  restoreDirty(chunks: readonly number[]): void {
    for (const chunk of chunks) this.dirty.add(chunk);
  }

  private add(cell: Cell): void {
    let byKey = this.tables.get(cell.table);
    if (byKey === undefined) {
      byKey = new Map();
      this.tables.set(cell.table, byKey);
    }
    const slot = byKey.get(cell.key);
    if (slot instanceof Map) slot.set(cell.namespaceId, cell);
    else if (slot === undefined || slot.namespaceId === cell.namespaceId) byKey.set(cell.key, cell);
    else {
      byKey.set(
        cell.key,
        new Map([
          [slot.namespaceId, slot],
          [cell.namespaceId, cell],
        ]),
      );
    }
    this.chunkAt(cell.chunk).cells.add(cell);
  }

  private chunkWithRoom(): number {
    const i = this.chunks.findIndex((c) => c === undefined || c.cells.size < this.chunkEntries);
    return i === -1 ? this.chunks.length : i;
  }

  private chunkAt(index: number): Chunk {
    let chunk = this.chunks[index];
    if (chunk === undefined) {
      chunk = { cells: new Set(), stored: false };
      this.chunks[index] = chunk;
    }
    return chunk;
  }
}
