import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonValue, PipelineDocument } from '../engine/pipeline/document';
import { linearPipeline } from '../engine/testing/linear-pipeline';
import { createEngineApi } from './engine-api';
import type { ProofOptions } from './recovery-types';

/** Key 'a' at event times = arrival times; 10 ms tumbling counts. */
const rows = [1, 2, 5, 12, 15, 31].map((ts) => ({ key: 'a', ts, at: ts }));
const doc = linearPipeline({
  name: 'proof',
  sources: { main: { records: rows as unknown as JsonValue[] } },
  keyBy: 'key',
  window: { assigner: 'tumbling', sizeMs: 10, aggregate: 'count', lateOutput: false },
});

const window = (start: number, value: number) => ({
  sink: 'results',
  value: { key: 'a', start, end: start + 10, value },
  timestamp: start + 9,
});

describe.each(['heap', 'indexeddb'] as const)('the exactly-once proof (%s)', (stateBackend) => {
  const api = createEngineApi(() => 0, { indexedDB });
  // A checkpoint at 10 ms holds ts 1, 2 and 5; ts 12 fires [0, 10); the failure after ts 15
  // rewinds to the checkpoint, so the replay fires [0, 10) again.
  const options: ProofOptions = {
    time: 'event',
    parallelism: 1,
    seed: 0,
    stateBackend,
    checkpointIntervalMs: 10,
    failures: [{ afterRecords: 5 }],
  };

  it('exactly-once loses and duplicates nothing; at-least-once duplicates; off loses', async () => {
    const proof = await api.proveExactlyOnce(doc, options);
    if (!proof.ok) throw new Error(proof.message);
    expect(proof.reference.results).toBe(3);
    const { 'exactly-once': exact, 'at-least-once': atLeast, off } = proof.runs;

    expect(exact).toMatchObject({ status: 'finished', failures: 1, restarts: 1, exact: true });
    expect(exact.committed).toBe(3);
    expect(exact.discarded).toBe(1);
    expect(exact.checkpoints).toBeGreaterThan(0);

    expect(atLeast.exact).toBe(false);
    expect(atLeast.lost).toEqual([]);
    expect(atLeast.unexpected).toEqual([]);
    expect(atLeast.duplicated).toEqual([{ ...window(0, 3), times: 1 }]);
    expect(atLeast.committed).toBe(4);

    // Without checkpoints the restart loses [10, 20)'s state: it never fires.
    expect(off.exact).toBe(false);
    expect(off.lost).toEqual([{ ...window(10, 2), times: 1 }]);
    expect(off.duplicated).toEqual([]);
  });

  it('a failure of one subtask, and several failures, are recovered exactly once', async () => {
    const proof = await api.proveExactlyOnce(doc, {
      ...options,
      failures: [
        { afterRecords: 2, target: { operatorUid: 'window', subtask: 0 } },
        { afterRecords: 5 },
        { afterRecords: 9 },
      ],
    });
    if (!proof.ok) throw new Error(proof.message);
    expect(proof.runs['exactly-once']).toMatchObject({ failures: 3, exact: true });
    expect(proof.runs['at-least-once'].duplicated.length).toBeGreaterThan(0);
  });
});

describe('the exactly-once proof refuses what it cannot compare', () => {
  const api = createEngineApi(() => 0, { indexedDB });
  const options: ProofOptions = {
    time: 'event',
    parallelism: 1,
    seed: 0,
    checkpointIntervalMs: 10,
    failures: [],
  };

  it('an endless generator', async () => {
    const clicks = JSON.parse(
      readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
    ) as PipelineDocument;
    const unbounded: PipelineDocument = {
      ...clicks,
      nodes: clicks.nodes.map((n) =>
        n.kind === 'source.generator' ? { ...n, params: { ...n.params, count: null } } : n,
      ),
    };
    expect(await api.proveExactlyOnce(unbounded, options)).toEqual({
      ok: false,
      message: 'The proof compares complete runs: give every source a bounded input.',
    });
  });

  it('no checkpoint interval', async () => {
    const outcome = await api.proveExactlyOnce(doc, { ...options, checkpointIntervalMs: 0 });
    expect(outcome).toEqual({
      ok: false,
      message: 'The checkpoint interval must be a positive time.',
    });
  });
});
