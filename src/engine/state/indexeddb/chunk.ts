/**
 * A chunk: up to `chunkEntries` entries of one key group, across its tables, stored as one
 * IndexedDB record. Measured in Chromium, a put costs about as much as serializing 200 entries
 * (20k puts/s in batches against 4M entries/s packed), while a changed entry rewrites its
 * whole chunk. 1,000 entries keep the per-record cost small without making one update in a
 * large key group rewrite much more than it changed. The bound counts entries, not bytes: a
 * few large values (a window's buffered elements) make a large chunk, which IndexedDB holds fine.
 */
import type { Key } from '../../keygroups';
import type { WindowId } from '../../windowing/window';
import type { KeyGroupState } from '../keyed-state';
import { deserializeState, serializeState } from '../serialization';
import type { ChunkValue } from './store';

export const DEFAULT_CHUNK_ENTRIES = 1_000;

/** One entry of any table of a key group. */
export type ChunkEntry = KeyGroupState['entries'][number];

/** As serialized: a tuple, so field names are not repeated in every entry. */
type EncodedEntry = [
  table: string,
  key: Key,
  namespaceId: WindowId,
  namespace: unknown,
  value: unknown,
];

export function encodeChunk(entries: Iterable<ChunkEntry>): ChunkValue {
  const counts = new Map<string, number>();
  const encoded: EncodedEntry[] = [];
  for (const { table, key, namespaceId, namespace, value } of entries) {
    counts.set(table, (counts.get(table) ?? 0) + 1);
    encoded.push([table, key, namespaceId, namespace, value]);
  }
  return { counts: [...counts], text: serializeState(encoded) };
}

export function decodeChunk(text: string): ChunkEntry[] {
  return deserializeState<EncodedEntry[]>(text).map(
    ([table, key, namespaceId, namespace, value]) => ({
      table,
      key,
      namespaceId,
      namespace,
      value,
    }),
  );
}

/** Entries per table over a key group's chunks, from their headers alone. */
export function countEntries(chunks: Iterable<ChunkValue>): Map<string, number> {
  const byTable = new Map<string, number>();
  for (const { counts } of chunks) {
    for (const [table, n] of counts) byTable.set(table, (byTable.get(table) ?? 0) + n);
  }
  return byTable;
}
