/**
 * In one Worker, as the app's engine Worker runs it: the engine's run session at full speed
 * with its trace sampled for a 10,000-event view, the same job as a one-off run, and the same
 * job as a hand-written loop, over the same generated input.
 */
import { runLoop } from '../../baseline-loop';
import { keyedTumblingCount } from '../../engine-job';
import { makeInput } from '../../input';
import { createEngineApi } from '../../../src/worker/engine-api';
import { batchSize, type TraceBatch } from '../../../src/worker/trace-batch';
import type { LoopFigures, LoopMessage } from './protocol';

const VIEW_EVENTS = 10_000;

async function session(
  records: number,
): Promise<Omit<LoopFigures, 'loopPerSecond' | 'runPerSecond'>> {
  const input = makeInput(records);
  const doc = keyedTumblingCount(input);
  const api = createEngineApi();
  let traceEvents = 0;
  let batches = 0;
  let finish = () => undefined as void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const started = await api.start(
    doc,
    { time: 'event', stateBackend: 'heap', parallelism: 1, seed: 0, speed: 'max' },
    (batch: TraceBatch) => {
      batches++;
      traceEvents += batchSize(batch);
      if (batch.progress.state !== 'running' && batch.progress.state !== 'idle') finish();
    },
  );
  if (!started.ok) throw new Error(started.failure.message);
  const lastArrival = input.at(-1)!.at;
  api.setView({ ptFrom: 0, ptTo: lastArrival, maxEvents: VIEW_EVENTS });
  const t0 = performance.now();
  api.play();
  await finished;
  const seconds = (performance.now() - t0) / 1000;
  return { records, sessionPerSecond: records / seconds, traceEvents, batches };
}

async function oneOff(records: number): Promise<number> {
  const input = makeInput(records);
  const outcome = await createEngineApi().run(keyedTumblingCount(input), {
    time: 'event',
    parallelism: 1,
    seed: 0,
  });
  if (outcome.status !== 'finished') throw new Error(outcome.failure?.message ?? 'failed');
  return records / (outcome.durationMs / 1000);
}

function loop(records: number): number {
  const input = makeInput(records);
  // One warm-up pass, as the engine's runs above warmed it up too.
  runLoop(input);
  const t0 = performance.now();
  const out = runLoop(input);
  const seconds = (performance.now() - t0) / 1000;
  if (out.length === 0) throw new Error('the loop produced nothing');
  return records / seconds;
}

self.onmessage = async ({ data: records }: MessageEvent<number>) => {
  let message: LoopMessage;
  try {
    const figures = await session(records);
    const runPerSecond = await oneOff(records);
    message = { type: 'done', figures: { ...figures, runPerSecond, loopPerSecond: loop(records) } };
  } catch (error) {
    message = {
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
  self.postMessage(message);
};
