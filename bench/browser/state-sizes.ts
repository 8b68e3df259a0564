/**
 * Restore and checkpoint cost against state size. The state is built on the heap (ingesting
 * it record by record into IndexedDB would time the ingestion, not the restore), saved, and
 * restored into each backend; then each backend checkpoints it: first in full, then after a
 * few more records, which IndexedDB checkpoints incrementally (changed key groups only).
 */
import { JobMaster } from '../../src/engine/runtime/job-master';
import type { CheckpointStats } from '../../src/engine/runtime/job-master';
import type { BackendName } from './backends';
import { backend, ON_DEMAND } from './backends';
import { kb, median, ms } from './format';
import { distinctKeysJob, ENTRIES_PER_KEY } from './jobs';
import { expectStatus, stateEntries } from './scenario';
import { progress } from './worker-io';

const RESTORES = 3;
/** Checkpoints after the first, each after 1% more keys. */
const LATER_CHECKPOINTS = 3;
const NEW_KEYS_BETWEEN = 0.01;

export interface Checkpoint {
  /** Wall time around triggerCheckpoint(), stats included. */
  millis: number;
  stats: CheckpointStats;
}

export interface BackendMeasurement {
  /** Wall time of JobMaster.create with the savepoint, opening the database included. */
  restoreMillis: number[];
  /** Entries right after the restore. */
  restoredEntries: number;
  first: Checkpoint;
  later: Checkpoint[];
}

export interface SizeMeasurement {
  entries: number;
  savepointBytes: number;
  backends: Record<BackendName, BackendMeasurement>;
}

const job = distinctKeysJob(null);

async function checkpoint(master: JobMaster): Promise<Checkpoint> {
  const t0 = performance.now();
  const stats = await master.triggerCheckpoint();
  return { millis: performance.now() - t0, stats };
}

/** Restores RESTORES times (a fresh database each), then checkpoints the last restored job. */
async function measureBackend(
  name: BackendName,
  savepoint: string,
  recordsBetween: number,
): Promise<BackendMeasurement> {
  const restoreMillis: number[] = [];
  for (let i = 1; ; i++) {
    const b = backend(name, { checkpointing: ON_DEMAND });
    try {
      const t0 = performance.now();
      const master = await JobMaster.create(job, b.config, { savepoint });
      restoreMillis.push(performance.now() - t0);
      expectStatus(master, 'running', `restore into ${name}`);
      if (i < RESTORES) continue;
      const restoredEntries = stateEntries(master);
      const first = await checkpoint(master);
      const later: Checkpoint[] = [];
      for (let c = 0; c < LATER_CHECKPOINTS; c++) {
        await master.runUntil('idle', recordsBetween);
        expectStatus(master, 'running', `records after the restore into ${name}`);
        later.push(await checkpoint(master));
      }
      return { restoreMillis, restoredEntries, first, later };
    } finally {
      await b.dispose();
    }
  }
}

export async function measureSize(entries: number): Promise<SizeMeasurement> {
  const keys = Math.ceil(entries / ENTRIES_PER_KEY);
  const source = backend('heap', { checkpointing: ON_DEMAND });
  const master = await JobMaster.create(job, source.config);
  // The endless source leaves the job running after exactly `keys` records.
  await master.runUntil('idle', keys);
  expectStatus(master, 'running', 'building state');
  const savepoint = await master.savepoint();
  progress(`state ${entries}: built on the heap, savepoint ${kb(savepoint.length)}`);

  const between = Math.max(1, Math.round(keys * NEW_KEYS_BETWEEN));
  const heap = await measureBackend('heap', savepoint, between);
  const idb = await measureBackend('indexeddb', savepoint, between);
  progress(
    `state ${entries}: restore heap ${ms(median(heap.restoreMillis))}, ` +
      `IndexedDB ${ms(median(idb.restoreMillis))}; first checkpoint heap ` +
      `${ms(heap.first.millis)}, IndexedDB ${ms(idb.first.millis)}`,
  );
  return {
    entries: stateEntries(master),
    savepointBytes: savepoint.length,
    backends: { heap, indexeddb: idb },
  };
}
