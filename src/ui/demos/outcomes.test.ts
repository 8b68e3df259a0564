/**
 * Every demo's stated outcome against the engine: its pipeline (and each variant) runs in Node
 * under the job master, as a run session does, and what the sinks commit must equal the claim.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { assignToKeyGroup, DEFAULT_MAX_PARALLELISM } from '../../engine/keygroups';
import { JobMaster, type MasterConfig } from '../../engine/runtime/job-master';
import { IndexedDbKeyedStateBackend } from '../../engine/state/indexeddb/backend';
import { StateStore } from '../../engine/state/indexeddb/store';
import { demos } from './catalogue';
import type { ClaimedResult, Demo, DemoVariant } from './demo';
import { withParams } from './variant';

let databases = 0;

function masterConfig(demo: Demo, variant: DemoVariant | undefined): MasterConfig {
  const config = { ...demo.config, ...variant?.config };
  const factory = new IDBFactory();
  return {
    time: config.time ?? 'event',
    stateBackend: config.stateBackend ?? 'heap',
    parallelism: config.parallelism ?? 1,
    seed: 0,
    checkpointing: config.checkpointing ?? { mode: 'off', intervalMs: null, retained: 1 },
    restart: config.restart ?? { kind: 'none' },
    keyedStateForAttempt:
      config.stateBackend === 'indexeddb'
        ? async () => {
            const store = await StateStore.open({ factory, name: `demo-${databases++}` });
            return (operatorUid, keyGroupRange) =>
              new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
          }
        : undefined,
  };
}

/** A demo's committed results; a variant runs without the demo's failure and savepoint. */
async function run(demo: Demo, variant?: DemoVariant) {
  const config = masterConfig(demo, variant);
  const results: ClaimedResult[] = [];
  const collect = (master: JobMaster) =>
    master.onResult((r) => {
      if (r.state !== 'committed') return;
      const { sink, subtask, value, processingTime } = r;
      results.push(structuredClone({ sink, subtask, value, processingTime }) as ClaimedResult);
    });
  let master = await JobMaster.create(withParams(demo.pipeline, variant?.params), config);
  collect(master);
  // The checkpoint a restart restores: the latest completed one when the attempt fails.
  let restoredCheckpoint: number | undefined;
  master.onFailure(() => (restoredCheckpoint = master.checkpoints().at(-1)?.id));
  if (variant === undefined && demo.failAfterRecords !== undefined) {
    master.failOnRecord(demo.failAfterRecords);
  }
  if (variant === undefined && demo.savepoint !== undefined) {
    await master.advanceProcessingTime(demo.savepoint.at);
    const file = await master.savepoint();
    master.cancel();
    const changed = withParams(demo.pipeline, demo.savepoint.params);
    master = await JobMaster.create(changed, config, { savepoint: file });
    collect(master);
  }
  if (demo.runUntil !== undefined) await master.advanceProcessingTime(demo.runUntil);
  else await master.runUntil('end');
  return { results, status: master.status, attempt: master.attempt, restoredCheckpoint };
}

describe.each(demos.map((d) => [d.id, d] as const))('demo %s', (_id, demo) => {
  it('gives the results its outcome states', async () => {
    const { results, status } = await run(demo);
    expect(status).toBe(demo.runUntil === undefined ? 'finished' : 'running');
    expect(results).toEqual(demo.outcome.results);
  });

  it.each((demo.outcome.variants ?? []).map((v) => [v.name, v] as const))(
    'gives the results its outcome states in variant %s',
    async (_name, variant) => {
      expect((await run(demo, variant)).results).toEqual(variant.results);
    },
  );
});

const withKeyGroups = demos.filter((d) => d.outcome.keyGroups !== undefined);
it.each(withKeyGroups.map((d) => [d.id, d] as const))(
  'demo %s puts each key in the key group it states',
  (_id, demo) => {
    for (const [key, group] of Object.entries(demo.outcome.keyGroups ?? {})) {
      expect(assignToKeyGroup(key, DEFAULT_MAX_PARALLELISM), key).toBe(group);
    }
  },
);

const withFailure = demos.filter((d) => d.failAfterRecords !== undefined);
it.each(withFailure.map((d) => [d.id, d] as const))(
  'demo %s restarts after its failure and commits what a run without failure does',
  async (_id, demo) => {
    const { attempt, results, restoredCheckpoint } = await run(demo);
    expect(attempt).toBe(1);
    expect(restoredCheckpoint).toBe(demo.outcome.restoredCheckpoint);
    const { results: withoutFailure } = await run({ ...demo, failAfterRecords: undefined });
    expect(results).toEqual(withoutFailure);
  },
);

it('has at least ten demos, each with its own id', () => {
  expect(withKeyGroups.length).toBeGreaterThan(0);
  expect(withFailure.length).toBeGreaterThan(0);
  expect(demos.length).toBeGreaterThanOrEqual(10);
  expect(new Set(demos.map((d) => d.id)).size).toBe(demos.length);
});
