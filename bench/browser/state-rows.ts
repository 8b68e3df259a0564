/** The restore and checkpoint-cost rows, from the state-size measurements. */
import type { BackendName } from './backends';
import { count, kb, median, ms, verdict } from './format';
import type { ScenarioResult } from './scenario';
import { rowsOf } from './scenario';
import type { Checkpoint, SizeMeasurement } from './state-sizes';

export const RESTORE_ENTRIES = 100_000;
export const CHECKPOINT_ENTRIES = [1_000, 10_000, RESTORE_ENTRIES];
const RESTORE_LIMIT_MS = 1000;

const runs = (millis: readonly number[]) =>
  `${ms(median(millis))} (${millis.map((m) => Math.round(m)).join(', ')})`;

const label = (name: BackendName) => (name === 'heap' ? 'heap' : 'IndexedDB');

export function restoreRows(m: SizeMeasurement): ScenarioResult {
  const row = rowsOf('restore');
  const idb = m.backends.indexeddb;
  return {
    rows: [
      row('state entries (savepoint)', `${count(m.entries)} (${kb(m.savepointBytes)})`),
      row(
        'restore into IndexedDB',
        runs(idb.restoreMillis),
        `<= ${RESTORE_LIMIT_MS} ms`,
        verdict(median(idb.restoreMillis) <= RESTORE_LIMIT_MS),
      ),
      row('entries after restore (IndexedDB)', count(idb.restoredEntries)),
      row('restore into heap', runs(m.backends.heap.restoreMillis)),
    ],
    notes: [
      'restore: wall time of JobMaster.create(doc, config, { savepoint }): parsing and checking ' +
        'the savepoint, opening a fresh database, writing the state; median (all runs).',
    ],
  };
}

/** Wall time, the engine's own duration (without building the stats), size and what was copied. */
function describe(c: Checkpoint): string {
  const { durationMs, bytes, writtenBytes, sharedKeyGroups } = c.stats;
  const shared = sharedKeyGroups > 0 ? `, ${sharedKeyGroups} key groups shared` : '';
  return (
    `${ms(c.millis)} (engine ${ms(durationMs ?? NaN)}), ` +
    `${kb(bytes)}, copied ${kb(writtenBytes)}${shared}`
  );
}

export function checkpointRows(sizes: readonly SizeMeasurement[]): ScenarioResult {
  const row = rowsOf('checkpoint-cost');
  const rows = sizes.flatMap((m) =>
    (['heap', 'indexeddb'] as const).flatMap((name) => {
      const b = m.backends[name];
      const later = [...b.later].sort((x, y) => x.millis - y.millis)[b.later.length >> 1]!;
      return [
        row(`${count(m.entries)} entries, ${label(name)}, first`, describe(b.first)),
        row(`${count(m.entries)} entries, ${label(name)}, next`, describe(later)),
      ];
    }),
  );
  return {
    rows,
    notes: [
      'checkpoint-cost: on a job restored from the savepoint; "first" is its first checkpoint ' +
        '(full), "next" the median of 3 checkpoints, each after 1% more keys ' +
        '(incremental on IndexedDB). Time is wall time around master.triggerCheckpoint(); ' +
        '"engine" is stats.durationMs, which leaves out computing the stats themselves. ' +
        'Size is stats.bytes (the whole state, in the compact form the job master retains ' +
        'checkpoints in, about 55% of the savepoint file), "copied" stats.writtenBytes.',
    ],
  };
}
