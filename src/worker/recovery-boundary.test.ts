import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { connectEngine } from './client';
import { createEngineApi } from './engine-api';
import type { SessionConfig, TraceBatch } from './trace-batch';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

const config: SessionConfig = {
  time: 'event',
  stateBackend: 'indexeddb',
  parallelism: 2,
  seed: 7,
  speed: 'max',
  checkpointing: { mode: 'exactly-once', intervalMs: 3000, retained: 2 },
  restart: { kind: 'fixed-delay', attempts: 1 },
};

const opened: MessagePort[] = [];

/** The API served on one end of a real MessageChannel: every answer is structured-cloned. */
function serve(): MessagePort {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createEngineApi(), port1);
  opened.push(port1, port2);
  return port2;
}

afterEach(() => {
  for (const port of opened.splice(0)) port.close();
});

describe('checkpoints, savepoints and the inspector over comlink', () => {
  it('answer across the boundary with plain data and transferred bytes', async () => {
    const remote = connectEngine(serve());
    const batches: TraceBatch[] = [];
    const receive = Comlink.proxy((b: TraceBatch) => {
      batches.push(b);
    });
    expect((await remote.start(example, config, receive)).ok).toBe(true);
    await remote.seek(11_500);
    const failed = await remote.injectFailure({ operatorUid: 'per-10s', subtask: 0 });
    expect(failed.state).toBe('paused');
    const history = await remote.checkpoints();
    expect(history.map((c) => c.status)).toEqual(['completed', 'completed', 'completed']);

    const savepoint = await remote.takeSavepoint();
    expect(savepoint.bytes).toBeInstanceOf(Uint8Array);
    expect(savepoint.meta.backend).toBe('indexeddb');

    const inspected = await remote.inspectState({ operatorUid: 'per-10s' });
    expect(inspected.subtasks[0]!.indexedDb).not.toBeNull();
    expect(inspected.entries.items[0]!.namespace.kind).toBe('window');

    const dryRun = await remote.dryRunRestore(savepoint.bytes, example, { parallelism: 2 });
    expect(dryRun.ok && dryRun.report.ok).toBe(true);
    const diff = await remote.diffWithLive(savepoint.bytes);
    expect(diff.ok).toBe(true);

    const restored = await remote.restore(
      example,
      { ...config, stateBackend: 'heap' },
      savepoint.bytes,
      { allowNonRestoredState: false },
      receive,
    );
    expect(restored.ok).toBe(true);
    const proof = await remote.proveExactlyOnce(example, {
      time: 'event',
      parallelism: 2,
      seed: 7,
      checkpointIntervalMs: 2000,
      failures: [{ afterRecords: 120 }],
    });
    expect(proof.ok && proof.runs['exactly-once'].exact).toBe(true);
    // Batches with recovery data crossed too.
    for (let i = 0; i < 200 && !batches.some((b) => b.recovery?.events.length); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(batches.flatMap((b) => b.recovery?.events ?? []).map((e) => e.kind)).toEqual([
      'failed',
      'restarting',
      'restored',
    ]);
  });
});
