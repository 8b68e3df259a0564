/** Runs one conformance scenario on the engine, as FORMAT.md of the conformance folder describes. */
import { Job } from '../../engine/runtime/job';
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

/** Plays the input record by record: clock to `at`, then the record; drains at the end. */
export function runScenario(s: Scenario, backend: Backend): ScenarioOutcome {
  const doc = scenarioPipeline(s);
  const job = new Job(doc, {
    time: s.pipeline.time,
    stateBackend: backend,
    parallelism: s.pipeline.parallelism,
    seed: 0,
  });
  const indexOf = new Map<unknown, number>(s.input.map((r, i) => [r, i]));
  // The record list is cloned into the document's params only by reference: identity holds.
  const pipelineRecords = doc.nodes.flatMap((n) =>
    n.kind === 'source.list' ? (n.params.records as unknown[]) : [],
  );
  for (const r of pipelineRecords) if (!indexOf.has(r)) throw new Error('record identity lost');

  let after: number | 'end' = -1;
  const outcome: ScenarioOutcome = { results: [], late: [] };
  job.onResult((r) => {
    if (r.sink === 'late') {
      outcome.late.push(indexOf.get(r.value)!);
      return;
    }
    const w = r.value as WindowResult;
    outcome.results.push({
      key: w.key,
      start: w.start,
      end: w.end,
      value: w.value as number,
      after,
    });
  });

  s.input.forEach((record, i) => {
    job.advanceProcessingTime(record.at);
    after = i;
    job.step(`source-${sourceOf(record)}`);
  });
  after = 'end';
  job.drain();
  if (job.failure !== null) throw new Error(`job failed: ${job.failure.message}`);
  return outcome;
}

/** What differed from the expectation, per backend; empty when the scenario passes. */
export function checkScenario(s: Scenario, backends: readonly Backend[]): string[] {
  if (s.pipeline.faults || s.pipeline.savepoint) {
    return ['checkpoints, failures and savepoints are not supported by this engine yet'];
  }
  const problems: string[] = [];
  for (const backend of backends) {
    let outcome: ScenarioOutcome;
    try {
      outcome = runScenario(s, backend);
    } catch (e) {
      problems.push(`${backend}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const diff = [
      ...diffResults(s.expected.results, outcome.results, false),
      ...diffLate(s.expected.late, outcome.late),
    ];
    problems.push(...diff.map((d) => `${backend}: ${d}`));
  }
  return problems;
}
