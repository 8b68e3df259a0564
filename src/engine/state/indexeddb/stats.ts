/** What the IndexedDB backend did, for the metrics panel and benchmarks. */
export interface IndexedDbStateStats {
  /** Entries read from IndexedDB (prefetch, snapshot; a snapshot does not deserialize them). */
  reads: number;
  /** Entries serialized into IndexedDB (flush, restore): every entry of each chunk written. */
  writes: number;
  /** Chunk records deserialized, and written (one per dirty chunk, however many writes). */
  chunksRead: number;
  chunksWritten: number;
  /** Chunk records deleted by flushes because their entries were all removed. */
  chunksDeleted: number;
  /** UTF-8 size of the serialized chunks read and written. */
  bytesRead: number;
  bytesWritten: number;
  /** Key groups a prefetch found in memory, and those it had to load. */
  cacheHits: number;
  cacheMisses: number;
  residentKeyGroups: number;
  residentEntries: number;
  /** Flushes that committed a transaction (flushes with nothing to write do not count). */
  flushes: number;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4; // a surrogate pair: one code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}
