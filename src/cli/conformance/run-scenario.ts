/** Runs one conformance scenario on the engine, as FORMAT.md of the conformance folder describes. */
import { JobMaster } from '../../engine/runtime/job-master';
import type { MasterConfig } from '../../engine/runtime/job-master';
import type { WindowResult } from '../../engine/operators/window-operator';
import { IndexedDbKeyedStateBackend } from '../../engine/state/indexeddb/backend';
import { StateStore } from '../../engine/state/indexeddb/store';
import type { ActualResult } from './compare';
import { diffLate, diffResults } from './compare';
import type { Scenario } from './scenario';
import { scenarioPipeline, sourceOf } from './scenario';

export type Backend = 'heap' | 'indexeddb';

export interface ScenarioOutcome {
  results: ActualResult[];
  late: number[];
}

/**
 * Plays the input record by record (clock to `at`, then the record), with the scenario's
 * checkpoints and failures or its savepoint, and drains at the end. Only committed output
 * counts: with failures the sink is exactly-once.
 */
export async function runScenario(
  s: Scenario,
  backend: Backend,
  indexedDB: IDBFactory,
): Promise<ScenarioOutcome> {
  const p = s.pipeline;
  const indexOf = new Map<unknown, number>(s.input.map((r, i) => [r, i]));
  const outcome: ScenarioOutcome = { results: [], late: [] };
  const stores: StateStore[] = [];
  let after: number | 'end' = -1;

  const start = async (stateBackend: Backend, parallelism: number, savepoint?: string) => {
    const config: MasterConfig = {
      time: p.time,
      stateBackend,
      parallelism,
      seed: 0,
      checkpointing: {
        mode: p.faults ? 'exactly-once' : 'at-least-once',
        intervalMs: null,
        retained: 1,
      },
      restart: { kind: 'fixed-delay', attempts: p.faults?.failAfter.length ?? 0 },
    };
    if (stateBackend === 'indexeddb') {
      // A fresh database per attempt: a restarted job finds its state only in the checkpoint.
      config.keyedStateForAttempt = async () => {
        const store = await StateStore.open({
          factory: indexedDB,
          name: `${s.name}-${stores.length}`,
        });
        stores.push(store);
        return (operatorUid, keyGroupRange) =>
          new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
      };
    }
    const doc = scenarioPipeline(s, parallelism);
    const master = await JobMaster.create(doc, config, savepoint ? { savepoint } : undefined);
    master.onResult((r) => {
      if (r.state !== 'committed') return;
      if (r.sink === 'late') {
        outcome.late.push(indexOf.get(r.value)!);
        return;
      }
      const w = r.value as WindowResult;
      // With exactly-once output a result's timing is its commit, which the format ignores.
      outcome.results.push({
        key: w.key,
        start: w.start,
        end: w.end,
        value: w.value as number,
        after,
      });
    });
    return master;
  };
  const feed = async (master: JobMaster, i: number): Promise<void> => {
    const record = s.input[i]!;
    await master.advanceProcessingTime(record.at);
    after = i;
    await master.step(`source-${sourceOf(record)}`);
    if (master.failure !== null) throw new Error(`job failed: ${master.failure.message}`);
  };

  try {
    let master = await start(backend, p.parallelism);
    if (p.savepoint) {
      const { after: last, restoreBackend, restoreParallelism } = p.savepoint;
      for (let i = 0; i <= last; i++) await feed(master, i);
      const savepoint = await master.savepoint();
      master.cancel();
      const nextBackend = (restoreBackend as Backend | undefined) ?? backend;
      master = await start(nextBackend, restoreParallelism ?? p.parallelism, savepoint);
      for (let i = last + 1; i < s.input.length; i++) await feed(master, i);
    } else if (p.faults) {
      const { checkpointEvery, failAfter } = p.faults;
      const pendingFailures = new Set(failAfter);
      const lastRecordOf = new Map<number, number>();
      for (let i = 0; i < s.input.length;) {
        await feed(master, i);
        if ((i + 1) % checkpointEvery === 0)
          lastRecordOf.set((await master.triggerCheckpoint()).id, i);
        if (pendingFailures.delete(i)) {
          await master.injectFailure();
          const restored = master.checkpoints().at(-1);
          i = restored === undefined ? 0 : lastRecordOf.get(restored.id)! + 1;
          continue;
        }
        i++;
      }
    } else {
      for (let i = 0; i < s.input.length; i++) await feed(master, i);
    }
    after = 'end';
    await master.drain();
    if (master.failure !== null) throw new Error(`job failed: ${master.failure.message}`);
    return outcome;
  } finally {
    for (const store of stores) await store.destroy();
  }
}

/** What differed from the expectation, per backend; empty when the scenario passes. */
export async function checkScenario(
  s: Scenario,
  backends: readonly Backend[],
  indexedDB: IDBFactory,
): Promise<string[]> {
  const exactlyOnce = Boolean(s.pipeline.faults);
  const problems: string[] = [];
  for (const backend of backends) {
    let outcome: ScenarioOutcome;
    try {
      outcome = await runScenario(s, backend, indexedDB);
    } catch (e) {
      problems.push(`${backend}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const diff = [
      ...diffResults(s.expected.results, outcome.results, exactlyOnce),
      ...diffLate(s.expected.late, outcome.late),
    ];
    problems.push(...diff.map((d) => `${backend}: ${d}`));
  }
  return problems;
}
