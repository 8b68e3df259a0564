/**
 * Keyed state entries as one compact text: what the IndexedDB backend stores per chunk and
 * what a retained checkpoint holds per key group. Each entry is a tuple, so field names are
 * not repeated in every entry; the savepoint file keeps the readable form (snapshot.ts).
 */
import type { Key } from '../keygroups';
import type { WindowId } from '../windowing/window';
import type { KeyGroupState } from './keyed-state';
import { deserializeState, flatten, serializeState } from './serialization';

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

/**
 * A key group's state held as its encoded text: what snapshots of both backends are made of,
 * and what retained checkpoints keep. Its entries are decoded afresh on every read, so holding
 * one never holds live objects, and written as a plain key group (`toJSON`) in a savepoint.
 */
export class EncodedKeyGroup implements KeyGroupState {
  readonly keyGroup: number;
  declare readonly entries: StateEntryRecord[];
  readonly #text: string;
  readonly #count: number;

  constructor(keyGroup: number, text: string, count: number) {
    this.keyGroup = keyGroup;
    this.#text = flatten(text);
    this.#count = count;
    // Own and enumerable, as a plain key group's: spreading and equality see the entries.
    Object.defineProperty(this, 'entries', {
      enumerable: true,
      get: () => decodeEntries(this.#text),
    });
  }

  static of(keyGroup: number, entries: Iterable<StateEntryRecord>): EncodedKeyGroup {
    const all = [...entries];
    return new EncodedKeyGroup(keyGroup, encodeEntries(all), all.length);
  }

  /** The chunks of one key group (each an encoded, non-empty list) as one, without decoding. */
  static joined(keyGroup: number, chunks: readonly string[], count: number): EncodedKeyGroup {
    const text =
      chunks.length === 1 ? chunks[0]! : `[${chunks.map((c) => c.slice(1, -1)).join(',')}]`;
    return new EncodedKeyGroup(keyGroup, text, count);
  }

  get text(): string {
    return this.#text;
  }

  get count(): number {
    return this.#count;
  }

  toJSON(): KeyGroupState {
    return { keyGroup: this.keyGroup, entries: this.entries };
  }
}
