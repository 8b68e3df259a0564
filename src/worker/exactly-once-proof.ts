/**
 * The exactly-once proof: the same pipeline and input run three ways with the same failures
 * (exactly-once, at-least-once, checkpoints off) and compared with a failure-free reference
 * run: which committed results were lost, which came twice, and which no failure-free run
 * would give at all. Runs to the end of bounded input, in process, without tracing.
 */
import type { PipelineDocument } from '../engine/pipeline/document';
import { parsePipeline } from '../engine/pipeline/parse';
import { JobMaster } from '../engine/runtime/job-master';
import type {
  CheckpointingConfig,
  DeliveredResult,
  MasterConfig,
} from '../engine/runtime/job-master';
import { planJob } from '../engine/runtime/plan';
import { AttemptStores } from './attempt-stores';
import { cloneSafe } from './clone-safe';
import type {
  ProofFailure,
  ProofOptions,
  ProofOutcome,
  ProofResult,
  ProofRun,
} from './recovery-types';
import { sessionInfo } from './session-info';

const MODES: CheckpointingConfig['mode'][] = ['exactly-once', 'at-least-once', 'off'];
/** Numbers the runs' state databases, unique across proofs. */
let proofRuns = 0;
/** Every completed checkpoint is kept, so the run can count them. */
const RETAIN_ALL = 100_000;

interface Outcome {
  status: ProofRun['status'];
  failures: number;
  restarts: number;
  checkpoints: number;
  results: DeliveredResult[];
}

export async function proveExactlyOnce(
  doc: PipelineDocument,
  options: ProofOptions,
  indexedDB?: IDBFactory,
): Promise<ProofOutcome> {
  const read = parsePipeline(JSON.stringify(doc));
  if (!read.ok) {
    return { ok: false, message: read.problems.map((p) => `${p.code}: ${p.message}`).join('\n') };
  }
  if (sessionInfo(read.doc, planJob(read.doc, options.parallelism)).recordsTotal === null) {
    return {
      ok: false,
      message: 'The proof compares complete runs: give every source a bounded input.',
    };
  }
  if (!(options.checkpointIntervalMs > 0)) {
    return { ok: false, message: 'The checkpoint interval must be a positive time.' };
  }
  if (options.stateBackend === 'indexeddb' && indexedDB === undefined) {
    return { ok: false, message: 'The IndexedDB state backend needs IndexedDB.' };
  }
  const bad = options.failures.find((f) => !Number.isInteger(f.afterRecords) || f.afterRecords < 0);
  if (bad !== undefined) {
    return {
      ok: false,
      message: `A failure after ${bad.afterRecords} records: give a whole number.`,
    };
  }
  const run = (mode: CheckpointingConfig['mode'], failures: ProofFailure[]) =>
    runMode(read.doc, options, mode, failures, indexedDB, `proof-${proofRuns++}`);
  try {
    const reference = await run('exactly-once', []);
    if (reference.status !== 'finished') {
      return {
        ok: false,
        message: 'The failure-free run did not finish: the pipeline fails on its own.',
      };
    }
    const expected = committed(reference.results);
    const outcomes = {} as Record<CheckpointingConfig['mode'], ProofRun>;
    for (const mode of MODES) {
      outcomes[mode] = compare(mode, await run(mode, options.failures), expected);
    }
    return { ok: true, reference: { results: expected.length }, runs: outcomes };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

async function runMode(
  doc: PipelineDocument,
  options: ProofOptions,
  mode: CheckpointingConfig['mode'],
  failures: ProofFailure[],
  indexedDB: IDBFactory | undefined,
  name: string,
): Promise<Outcome> {
  const stores = options.stateBackend === 'indexeddb' ? new AttemptStores(indexedDB!, name) : null;
  const restart = options.restart ?? {
    kind: 'fixed-delay',
    attempts: options.failures.length,
  };
  const config: MasterConfig = {
    time: options.time,
    stateBackend: options.stateBackend ?? 'heap',
    parallelism: options.parallelism,
    seed: options.seed,
    trace: null,
    checkpointing: { mode, intervalMs: options.checkpointIntervalMs, retained: RETAIN_ALL },
    restart,
    ...(stores !== null ? { keyedStateForAttempt: stores.forAttempt } : {}),
  };
  try {
    const master = await JobMaster.create(doc, config);
    const results: DeliveredResult[] = [];
    let failed = 0;
    master.onResult((r) => results.push(r));
    master.onFailure(() => failed++);
    const delayMs = restart.kind === 'fixed-delay' ? (restart.delayMs ?? 0) : 0;
    const plan = [...failures].sort((a, b) => a.afterRecords - b.afterRecords);
    let processed = 0;
    for (;;) {
      if (master.status === 'restarting') {
        await master.advanceProcessingTime(master.job.processingTime + delayMs);
        continue;
      }
      if (master.status !== 'running') break;
      const next = plan[0];
      if (next === undefined) {
        await master.runUntil('end');
        if (master.status === 'running') break;
        continue;
      }
      if (processed >= next.afterRecords) {
        plan.shift();
        await master.injectFailure(next.target ?? undefined);
        continue;
      }
      const n = await master.runUntil('idle', next.afterRecords - processed);
      processed += n;
      // The input ran out first: the failure comes before the final watermark's firings.
      if (n === 0 && master.status === 'running') processed = next.afterRecords;
    }
    return {
      status: master.status,
      failures: failed,
      restarts: master.attempt,
      checkpoints: master.checkpoints().filter((c) => c.kind === 'checkpoint').length,
      results,
    };
  } finally {
    await stores?.destroyAll();
  }
}

const line = (r: { sink: string; value: unknown; timestamp: number }) =>
  JSON.stringify([r.sink, r.value, r.timestamp]);

function committed(results: DeliveredResult[]): DeliveredResult[] {
  return results.filter((r) => r.state === 'committed');
}

function compare(
  mode: CheckpointingConfig['mode'],
  outcome: Outcome,
  expected: DeliveredResult[],
): ProofRun {
  const want = tally(expected);
  const got = tally(committed(outcome.results));
  const lost: ProofResult[] = [];
  const duplicated: ProofResult[] = [];
  const unexpected: ProofResult[] = [];
  for (const [id, w] of want) {
    const times = w.times - (got.get(id)?.times ?? 0);
    if (times > 0) lost.push({ ...w, times });
  }
  for (const [id, g] of got) {
    const wanted = want.get(id)?.times ?? 0;
    if (wanted === 0) unexpected.push(g);
    else if (g.times > wanted) duplicated.push({ ...g, times: g.times - wanted });
  }
  return {
    mode,
    status: outcome.status,
    failures: outcome.failures,
    restarts: outcome.restarts,
    checkpoints: outcome.checkpoints,
    committed: got.size === 0 ? 0 : [...got.values()].reduce((n, r) => n + r.times, 0),
    discarded: outcome.results.filter((r) => r.state === 'discarded').length,
    lost,
    duplicated,
    unexpected,
    exact: lost.length === 0 && duplicated.length === 0 && unexpected.length === 0,
  };
}

function tally(results: DeliveredResult[]): Map<string, ProofResult> {
  const counts = new Map<string, ProofResult>();
  for (const r of results) {
    const id = line(r);
    const known = counts.get(id);
    if (known !== undefined) known.times++;
    else
      counts.set(id, { sink: r.sink, value: cloneSafe(r.value), timestamp: r.timestamp, times: 1 });
  }
  return counts;
}
