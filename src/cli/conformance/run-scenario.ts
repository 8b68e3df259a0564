/** Runs one conformance scenario on the engine, as FORMAT.md of the conformance folder describes. */
import { Job } from '../../engine/runtime/job';
import type { RunConfig } from '../../engine/runtime/job';
import { IndexedDbKeyedStateBackend } from '../../engine/state/indexeddb/backend';
import { StateStore } from '../../engine/state/indexeddb/store';
import { parseSnapshot, serializeSnapshot } from '../../engine/runtime/snapshot';
import type { WindowResult } from '../../engine/operators/window-operator';
import type { ActualResult } from './compare';
import { diffLate, diffResults } from './compare';
import type { Scenario } from './scenario';
import { scenarioPipeline, sourceOf } from './scenario';

export type Backend = 'heap' | 'indexeddb';

export interface ScenarioOutcome {
  results: ActualResult[];
  late: number[];
}

/** Output of a run, split as an exactly-once sink sees it: committed, and pending a checkpoint. */
class Output {
  readonly committed: ScenarioOutcome = { results: [], late: [] };
  private pending: ScenarioOutcome = { results: [], late: [] };
  after: number | 'end' = -1;

  constructor(private readonly indexOf: Map<unknown, number>) {}

  attach(job: Job): void {
    job.onResult((r) => {
      if (r.sink === 'late') {
        this.pending.late.push(this.indexOf.get(r.value)!);
        return;
      }
      const w = r.value as WindowResult;
      const value = w.value as number;
      this.pending.results.push({
        key: w.key,
        start: w.start,
        end: w.end,
        value,
        after: this.after,
      });
    });
  }

  commit(): void {
    this.committed.results.push(...this.pending.results);
    this.committed.late.push(...this.pending.late);
    this.discard();
  }

  discard(): void {
    this.pending = { results: [], late: [] };
  }
}

/**
 * Plays the input record by record (clock to `at`, then the record), with the scenario's
 * checkpoints and failures or its savepoint, and drains at the end.
 */
export async function runScenario(
  s: Scenario,
  backend: Backend,
  indexedDB: IDBFactory,
): Promise<ScenarioOutcome> {
  const p = s.pipeline;
  const output = new Output(new Map<unknown, number>(s.input.map((r, i) => [r, i])));
  const stores: StateStore[] = [];
  const start = async (stateBackend: Backend, parallelism: number): Promise<Job> => {
    const config: RunConfig = { time: p.time, stateBackend, parallelism, seed: 0 };
    if (stateBackend === 'indexeddb') {
      // A fresh database per job: a restarted job finds its state only in the checkpoint.
      const store = await StateStore.open({
        factory: indexedDB,
        name: `${s.name}-${stores.length}`,
      });
      stores.push(store);
      config.createKeyedState = (operatorUid, keyGroupRange) =>
        new IndexedDbKeyedStateBackend(store, { operatorUid, keyGroupRange });
    }
    const job = new Job(scenarioPipeline(s, parallelism), config);
    output.attach(job);
    return job;
  };
  try {
    return await play(s, backend, start, output);
  } finally {
    for (const store of stores) await store.destroy();
  }
}

async function play(
  s: Scenario,
  backend: Backend,
  start: (backend: Backend, parallelism: number) => Promise<Job>,
  output: Output,
): Promise<ScenarioOutcome> {
  const p = s.pipeline;
  const feed = async (job: Job, i: number): Promise<void> => {
    const record = s.input[i]!;
    await job.advanceProcessingTimeAsync(record.at);
    output.after = i;
    await job.stepAsync(`source-${sourceOf(record)}`);
    if (job.failure !== null) throw new Error(`job failed: ${job.failure.message}`);
  };

  let job = await start(backend, p.parallelism);
  if (p.savepoint) {
    const { after, restoreBackend, restoreParallelism } = p.savepoint;
    for (let i = 0; i <= after; i++) await feed(job, i);
    const savepoint = serializeSnapshot(await job.snapshot());
    job.cancel();
    job = await start(
      (restoreBackend as Backend | undefined) ?? backend,
      restoreParallelism ?? p.parallelism,
    );
    await job.restore(parseSnapshot(savepoint));
    for (let i = after + 1; i < s.input.length; i++) await feed(job, i);
  } else if (p.faults) {
    const { checkpointEvery, failAfter } = p.faults;
    const pendingFailures = new Set(failAfter);
    let checkpoint: { text: string; lastRecord: number } | null = null;
    for (let i = 0; i < s.input.length;) {
      await feed(job, i);
      if ((i + 1) % checkpointEvery === 0) {
        checkpoint = { text: serializeSnapshot(await job.snapshot()), lastRecord: i };
        output.commit();
      }
      if (pendingFailures.delete(i)) {
        // Everything not covered by the last completed checkpoint is lost with the job.
        job.cancel();
        output.discard();
        job = await start(backend, p.parallelism);
        if (checkpoint !== null) await job.restore(parseSnapshot(checkpoint.text));
        i = checkpoint === null ? 0 : checkpoint.lastRecord + 1;
        continue;
      }
      i++;
    }
  } else {
    for (let i = 0; i < s.input.length; i++) await feed(job, i);
  }
  output.after = 'end';
  await job.drainAsync();
  if (job.failure !== null) throw new Error(`job failed: ${job.failure.message}`);
  output.commit();
  return output.committed;
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
