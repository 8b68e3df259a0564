/**
 * A chunk: up to `chunkEntries` entries of one key group, across its tables, stored as one
 * IndexedDB record. Measured in Chromium, a put costs about as much as serializing 200 entries
 * (20k puts/s in batches against 4M entries/s packed), while a changed entry rewrites its
 * whole chunk. 1,000 entries keep the per-record cost small without making one update in a
 * large key group rewrite much more than it changed. The bound counts entries, not bytes: a
 * few large values (a window's buffered elements) make a large chunk, which IndexedDB holds fine.
 */
import { decodeEntries, encodeEntries } from '../entry-codec';
import type { StateEntryRecord } from '../entry-codec';
import type { ChunkValue } from './store';

export const DEFAULT_CHUNK_ENTRIES = 1_000;

/** One entry of any table of a key group. */
export type ChunkEntry = StateEntryRecord;

export function encodeChunk(entries: Iterable<ChunkEntry>): ChunkValue {
  const counts = new Map<string, number>();
  const all: ChunkEntry[] = [];
  for (const entry of entries) {
    counts.set(entry.table, (counts.get(entry.table) ?? 0) + 1);
    all.push(entry);
  }
  return { counts: [...counts], text: encodeEntries(all) };
}

export function decodeChunk(text: string): ChunkEntry[] {
  return decodeEntries(text);
}

/** Entries per table over a key group's chunks, from their headers alone. */
export function countEntries(chunks: Iterable<ChunkValue>): Map<string, number> {
  const byTable = new Map<string, number>();
  for (const { counts } of chunks) {
    for (const [table, n] of counts) byTable.set(table, (byTable.get(table) ?? 0) + n);
  }
  return byTable;
}
