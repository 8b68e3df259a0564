import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import type { EngineApi } from './engine-api';
import type { SessionConfig, TraceBatch } from './trace-batch';
import { EngineStoppedError, EngineWatchdog } from './watchdog';
import type { EngineWorker, HangReport } from './watchdog';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

/** The example with a map whose function never returns once it has seen `after` records. */
function loopingAfter(after: number, count = 2000): PipelineDocument {
  const code = `(() => { let n = 0; return (r) => { if (++n > ${after}) { for (;;) {} } return r; }; })()`;
  return {
    ...example,
    nodes: [
      ...example.nodes.map((n) =>
        n.kind === 'source.generator' ? { ...n, params: { ...n.params, count } } : n,
      ),
      { uid: 'stuck', kind: 'map', params: { mode: 'code', code } },
    ],
    edges: [
      ...example.edges.filter((e) => e.id !== 'e2'),
      { id: 'e2a', source: 'only-clicks', target: 'stuck' },
      { id: 'e2b', source: 'stuck', target: 'by-user' },
    ],
  };
}

const options = { time: 'event', parallelism: 1, seed: 3 } as const;
const config: SessionConfig = { ...options, stateBackend: 'heap', speed: 'max' };

const watchdogs: EngineWatchdog[] = [];
afterEach(() => {
  for (const w of watchdogs.splice(0)) w.dispose();
});

/**
 * A Worker stand-in: the real API over a MessageChannel, except that once `freeze` is set it
 * leaves every call unanswered, as a Worker stuck in a loop would.
 */
function fakeWorker(frozen: { after: string | null }): EngineWorker {
  const { port1, port2 } = new MessageChannel();
  const api = createEngineApi();
  let stuck = false;
  const served = new Proxy(api, {
    get(target, name: keyof EngineApi) {
      return (...args: unknown[]) => {
        if (name === frozen.after) stuck = true;
        if (stuck) return new Promise(() => undefined);
        return (target[name] as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  Comlink.expose(served, port1);
  return Object.assign(port2, {
    terminate: () => {
      port1.close();
      port2.close();
    },
  }) as unknown as EngineWorker;
}

/** A Node worker thread as a Worker-like endpoint (comlink's node adapter, with terminate). */
function nodeWorker(): EngineWorker {
  const worker = new Worker(new URL('./node-engine-worker.fixture.mjs', import.meta.url));
  const listeners = new Map<EventListenerOrEventListenerObject, (data: unknown) => void>();
  return {
    postMessage: (message: unknown, transfer?: Transferable[]) =>
      worker.postMessage(message, transfer as never),
    addEventListener: (_: string, listener: EventListenerOrEventListenerObject) => {
      const wrapped = (data: unknown) => {
        const event = { data } as MessageEvent;
        if (typeof listener === 'function') listener(event);
        else listener.handleEvent(event);
      };
      listeners.set(listener, wrapped);
      worker.on('message', wrapped);
    },
    removeEventListener: (_: string, listener: EventListenerOrEventListenerObject) => {
      const wrapped = listeners.get(listener);
      if (wrapped !== undefined) worker.off('message', wrapped);
    },
    terminate: () => void worker.terminate(),
  };
}

/** `startupMs`: a fake loads at once; a worker thread compiles the engine first. */
function watch(spawn: () => EngineWorker, timeoutMs: number, startupMs = 15_000) {
  const watchdog = new EngineWatchdog({
    spawn,
    timeoutMs,
    runTimeoutMs: timeoutMs,
    pingEveryMs: 20,
    startupMs,
  });
  watchdogs.push(watchdog);
  const reports: HangReport[] = [];
  const reported = new Promise<HangReport>((resolve) =>
    watchdog.onHang((r) => {
      reports.push(r);
      resolve(r);
    }),
  );
  return { watchdog, engine: watchdog.engine, reported, reports };
}

describe('the engine watchdog', () => {
  it('leaves a responsive engine alone', async () => {
    // The fake serves calls on this thread, so a run blocks the pings too: leave room for a
    // loaded machine, where the run alone can take longer than a tight timeout.
    const { engine, watchdog, reports } = watch(() => fakeWorker({ after: null }), 1000, 1000);
    const outcome = await engine.run(example, options);
    expect(outcome.status).toBe('finished');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(reports).toEqual([]);
    expect(watchdog.state).toBe('ready');
  });

  it('stops an engine that stops answering, rejects the calls left pending, and restarts', async () => {
    let spawned = 0;
    const frozen = { after: 'run' as string | null };
    const { engine, watchdog, reported } = watch(
      () => {
        spawned++;
        // Only the first Worker hangs; the replays and the restarted one answer.
        const worker = fakeWorker(spawned === 1 ? frozen : { after: null });
        return worker;
      },
      100,
      100,
    );
    const pending = engine.run(example, options);
    const validating = engine.validate(example);
    await expect(pending).rejects.toBeInstanceOf(EngineStoppedError);
    await expect(validating).rejects.toThrow(/stopped answering/);
    const report = await reported;
    // The replay runs to the end: the fake hung without a looping function to find.
    expect(report).toEqual({ operatorUid: null, during: 'run' });
    expect(watchdog.state).toBe('stopped');
    await expect(engine.validate(example)).rejects.toBeInstanceOf(EngineStoppedError);

    watchdog.restart();
    expect(watchdog.state).toBe('ready');
    expect((await engine.run(example, options)).status).toBe('finished');
  });

  it('keeps an engine restarted while it looked for the operator', async () => {
    let spawned = 0;
    const { engine, watchdog, reported } = watch(
      () => fakeWorker(++spawned === 1 ? { after: 'run' } : { after: null }),
      100,
      100,
    );
    await expect(engine.run(example, options)).rejects.toBeInstanceOf(EngineStoppedError);
    expect(watchdog.state).toBe('locating');
    watchdog.restart();
    await reported;
    expect(watchdog.state).toBe('ready');
    expect((await engine.run(example, options)).status).toBe('finished');
  });

  it.each([
    ['at the first record', 0],
    ['after 600 records', 600],
  ])(
    'stops a real infinite loop in a worker thread and names the operator (%s)',
    async (_, after) => {
      const { engine, watchdog, reported } = watch(nodeWorker, 1500);
      const batches: TraceBatch[] = [];
      const started = await engine.start(loopingAfter(after), config, (b: TraceBatch) => {
        batches.push(b);
      });
      expect(started.ok).toBe(true);
      // `play` answers before the job runs into the loop.
      await engine.play();
      const report = await reported;
      expect(report).toEqual({ operatorUid: 'stuck', during: 'session' });
      expect(batches.length).toBeGreaterThan(0);

      // A fresh engine answers, and the page (this thread) was never blocked.
      watchdog.restart();
      expect((await engine.run(example, options)).status).toBe('finished');
    },
    60_000,
  );

  it('names the operator of a compared run that never returns', async () => {
    const { engine, reported } = watch(nodeWorker, 1500);
    await engine.validate(example);
    const compared = engine.compareRun('a', loopingAfter(600), config, 60_000, () => undefined);
    await expect(compared).rejects.toBeInstanceOf(EngineStoppedError);
    expect(await reported).toEqual({ operatorUid: 'stuck', during: 'run' });
  }, 60_000);

  it('names the operator of a one-off run that never returns', async () => {
    const { engine, reported } = watch(nodeWorker, 1500);
    // Once the worker has answered it is loaded: from then on silence means a hang.
    await engine.validate(example);
    const run = engine.run(loopingAfter(1200), options);
    await expect(run).rejects.toBeInstanceOf(EngineStoppedError);
    expect(await reported).toEqual({ operatorUid: 'stuck', during: 'run' });
  }, 60_000);
});
