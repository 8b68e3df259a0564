import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { connectEngine, engine, type Engine } from './client';
import { createEngineApi } from './engine-api';
import type { TraceBatch } from './trace-batch';

const exampleText = readFileSync(
  new URL('../../examples/clickstream-tumbling.json', import.meta.url),
  'utf8',
);
const example = JSON.parse(exampleText) as PipelineDocument;
const options = { time: 'event', parallelism: 2, seed: 3 } as const;

const opened: MessagePort[] = [];
const last = <T>(list: T[]): T => list[list.length - 1]!;

/**
 * The worker side: the API exposed on one end of a Node MessageChannel, as engine.worker.ts
 * exposes it on the Worker's scope. Node's ports are EventTargets, so comlink takes them as
 * they are and every call is really posted, cloned and answered.
 */
function serve(): MessagePort {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createEngineApi(), port1);
  opened.push(port1, port2);
  return port2;
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
  vi.unstubAllGlobals();
});

describe('the engine over comlink', () => {
  it('answers validate, parse and run with what the API gives in-process', async () => {
    const remote = connectEngine(serve());
    const local = createEngineApi();

    expect(await remote.validate(example)).toEqual(local.validate(example));
    expect(await remote.parse(exampleText)).toEqual(local.parse(exampleText));
    expect(await remote.parse('[1, 2]')).toEqual(local.parse('[1, 2]'));

    const [there, here] = await Promise.all([
      remote.run(example, options),
      local.run(example, options),
    ]);
    expect(there.status).toBe('finished');
    expect(there.results).toEqual(here.results);
    expect(there.recordsIn).toBe(here.recordsIn);
  });

  it('delivers a failed run as an outcome, not a rejection', async () => {
    const remote = connectEngine(serve());
    const broken: PipelineDocument = { ...example, edges: [] };
    const outcome = await remote.run(broken, options);
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.message).toMatch(/has no input/);
  });

  it('runs a session across the boundary: batches arrive as typed arrays, then describe', async () => {
    const remote = connectEngine(serve());
    const batches: TraceBatch[] = [];
    const started = await remote.start(
      example,
      { ...options, stateBackend: 'heap', speed: 'max' },
      Comlink.proxy((batch: TraceBatch) => {
        batches.push(batch);
      }),
    );
    expect(started.ok).toBe(true);
    await remote.setView({ ptFrom: 0, ptTo: 20_000, maxEvents: 100_000 });
    await remote.play();
    for (let i = 0; i < 2000 && !batches.some((b) => b.progress.state === 'finished'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const finished = batches.find((b) => b.progress.state === 'finished');
    expect(finished).toBeDefined();
    const withRecords = batches.find((b) => b.records.id.length > 0)!;
    expect(withRecords.records.pt).toBeInstanceOf(Float64Array);
    expect(withRecords.progress.watermarks).toBeInstanceOf(Float64Array);
    const results = batches.flatMap((b) => b.results);
    expect(results).toEqual((await createEngineApi().run(example, options)).results);

    const described = await remote.describe(withRecords.records.id[0]!);
    expect(described?.eventTime).toBe(withRecords.records.ts[0]);
    expect(described?.processingTime).toBe(withRecords.records.pt[0]);

    // Commands answer with progress of their own, whose buffers were not transferred away.
    const sought = await remote.seek(5000);
    expect(sought).toMatchObject({ state: 'paused', processingTime: 5000 });
    // Batches come over the receiver's own port, so they may land after the answer.
    for (let i = 0; i < 200 && last(batches).progress.processingTime !== 5000; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(sought.watermarks).toEqual(last(batches).progress.watermarks);
    const stepped = await remote.step('firing');
    expect(stepped.operators.some((o) => o.firings > 0)).toBe(true);
    expect((await remote.reset()).recordsProcessed).toBe(0);
  });

  it('starts one shared Worker, lazily, from the worker module', async () => {
    const started: { url: string; options: WorkerOptions | undefined }[] = [];
    class FakeWorker {
      constructor(url: URL, workerOptions?: WorkerOptions) {
        started.push({ url: url.href, options: workerOptions });
        return serve() as unknown as FakeWorker;
      }
    }
    vi.stubGlobal('Worker', FakeWorker);

    const first: Engine = engine();
    expect(engine()).toBe(first);
    expect(await first.validate(example)).toEqual(createEngineApi().validate(example));
    expect(started).toHaveLength(1);
    expect(started[0].url).toMatch(/\/engine\.worker\.ts$/);
    expect(started[0].options).toMatchObject({ type: 'module' });
  });
});
