/**
 * The IndexedDB state backend's chunked writes on fake-indexeddb: 100,000 count updates over
 * 1,000 keys (128 key groups), a prefetch before and a flush after every 1,000, as the runtime
 * pages a batch, and one write-back at the end, as a checkpoint does. Run with the whole state
 * in cache (writes wait in it for the write-back), then with a cache too small for it, so
 * flushes write and prefetches read chunks back.
 *
 *   npx tsx bench/idb-chunks.ts
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { assignToKeyGroup, DEFAULT_MAX_PARALLELISM } from '../src/engine/keygroups';
import { IndexedDbKeyedStateBackend } from '../src/engine/state/indexeddb/backend';
import { StateStore } from '../src/engine/state/indexeddb/store';
import { KEYS, makeInput } from './input';

const UPDATES = 100_000;
const BATCH = 1_000;

interface Run {
  seconds: number;
  flushSeconds: number;
  backend: IndexedDbKeyedStateBackend;
}

async function run(cacheEntries: number): Promise<Run> {
  const store = await StateStore.open({ factory: new IDBFactory(), name: 'bench' });
  const backend = new IndexedDbKeyedStateBackend(store, {
    operatorUid: 'count',
    keyGroupRange: { start: 0, end: DEFAULT_MAX_PARALLELISM - 1 },
    cacheEntries,
  });
  const counts = backend.table<null, number>('count');
  const updates = makeInput(UPDATES).map(({ key }) => ({
    key,
    keyGroup: assignToKeyGroup(key, DEFAULT_MAX_PARALLELISM),
  }));
  let flushSeconds = 0;
  const started = performance.now();
  for (let i = 0; i < updates.length; i += BATCH) {
    const batch = updates.slice(i, i + BATCH);
    await backend.prefetch(batch.map((u) => u.keyGroup));
    for (const { key, keyGroup } of batch) {
      counts.put(key, keyGroup, null, 0, (counts.get(key, keyGroup, 0) ?? 0) + 1);
    }
    const flushStarted = performance.now();
    await backend.flush();
    flushSeconds += (performance.now() - flushStarted) / 1000;
  }
  const writeBackStarted = performance.now();
  await backend.writeBack();
  flushSeconds += (performance.now() - writeBackStarted) / 1000;
  const seconds = (performance.now() - started) / 1000;
  await store.destroy();
  return { seconds, flushSeconds, backend };
}

const perSecond = (n: number, seconds: number) => Math.round(n / seconds).toLocaleString('en');

console.log(
  `${UPDATES.toLocaleString('en')} state updates over ${KEYS.toLocaleString('en')} keys, ` +
    `${DEFAULT_MAX_PARALLELISM} key groups, prefetch + flush every ${BATCH.toLocaleString('en')}, ` +
    'one write-back at the end.',
);
console.log(
  "Node + fake-indexeddb: these figures prove nothing about a browser's IndexedDB " +
    '(measure in Chromium for that); compare them only with each other.\n',
);
for (const cacheEntries of [10_000, 100]) {
  const { seconds, flushSeconds, backend } = await run(cacheEntries);
  const s = backend.stats();
  console.log(`cache ${cacheEntries.toLocaleString('en')} entries:`);
  console.log(`  state updates/s    ${perSecond(UPDATES, seconds)} (${seconds.toFixed(2)} s)`);
  console.log(
    `  transactions       ${s.flushes} that wrote, ${flushSeconds.toFixed(2)} s in flushes and write-back`,
  );
  console.log(
    `  chunks written     ${s.chunksWritten.toLocaleString('en')} ` +
      `(${(s.chunksWritten / s.flushes).toFixed(1)} per transaction, ` +
      `${perSecond(s.chunksWritten, flushSeconds)} puts/s while flushing)`,
  );
  console.log(
    `  entries written    ${s.writes.toLocaleString('en')} ` +
      `(${perSecond(s.writes, flushSeconds)}/s while flushing), ` +
      `${(s.bytesWritten / 1e6).toFixed(1)} MB`,
  );
  console.log(
    `  chunks read        ${s.chunksRead.toLocaleString('en')} ` +
      `(${s.reads.toLocaleString('en')} entries; cache hits ${s.cacheHits}, misses ${s.cacheMisses})\n`,
  );
}
