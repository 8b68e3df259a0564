/**
 * Keyed state entries as one compact text: what the IndexedDB backend stores per chunk and
 * what a retained checkpoint holds per key group. Each entry is a tuple, so field names are
 * not repeated in every entry; the savepoint file keeps the readable form (snapshot.ts).
 */
import type { Key } from '../keygroups';
import type { WindowId } from '../windowing/window';
import type { KeyGroupState } from './keyed-state';
import { deserializeState, serializeState } from './serialization';

/** One entry of any table of a key group. */
export type StateEntryRecord = KeyGroupState['entries'][number];

/** An undefined value is left out, as a savepoint leaves out its field: JSON has no undefined. */
type EncodedEntry =
  | [table: string, key: Key, namespaceId: WindowId, namespace: unknown, value: unknown]
  | [table: string, key: Key, namespaceId: WindowId, namespace: unknown];

export function encodeEntries(entries: Iterable<StateEntryRecord>): string {
  const encoded: EncodedEntry[] = [];
  for (const { table, key, namespaceId, namespace, value } of entries) {
    encoded.push(
      value === undefined
        ? [table, key, namespaceId, namespace]
        : [table, key, namespaceId, namespace, value],
    );
  }
  return serializeState(encoded);
}

export function decodeEntries(text: string): StateEntryRecord[] {
  return decodeEntriesAs(text, (table, key, namespaceId, namespace, value) => ({
    table,
    key,
    namespaceId,
    namespace,
    value,
  }));
}

/** Decodes straight into the caller's objects: no intermediate entry per entry. */
export function decodeEntriesAs<T>(
  text: string,
  make: (table: string, key: Key, namespaceId: WindowId, namespace: unknown, value: unknown) => T,
): T[] {
  return deserializeState<EncodedEntry[]>(text).map((e) => make(e[0], e[1], e[2], e[3], e[4]));
}
