import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import { TraceTables, WINDOW_FIRED } from './trace-batch';
import type { SessionConfig, TraceBatch } from './trace-batch';

const demo = JSON.parse(
  readFileSync(new URL('../../demos/processing-vs-event-time.json', import.meta.url), 'utf8'),
) as { pipeline: PipelineDocument };

const config: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
  speed: 1,
};

/** The windows that fired in a run's batches, as [start, end, value]. */
function firings(batches: TraceBatch[]): [number, number, unknown][] {
  const tables = new TraceTables();
  const out: [number, number, unknown][] = [];
  for (const b of batches) {
    tables.apply(b);
    const w = b.windows;
    for (let i = 0; i < w.op.length; i++) {
      if (w.action[i] !== WINDOW_FIRED) continue;
      out.push([w.start[i]!, w.end[i]!, tables.firedResults[w.result[i]!]]);
    }
  }
  return out;
}

describe('compared runs', () => {
  it('replays the demo under event time and processing time to the end of its input', async () => {
    const api = createEngineApi();
    const a: TraceBatch[] = [];
    const b: TraceBatch[] = [];
    const ranA = await api.compareRun('a', demo.pipeline, config, 60_000, (x) => a.push(x));
    const ranB = await api.compareRun(
      'b',
      demo.pipeline,
      { ...config, time: 'processing' },
      60_000,
      (x) => b.push(x),
    );
    expect(ranA).toMatchObject({ ok: true, state: 'finished' });
    const lastA = a[a.length - 1]!;
    expect(ranA).toMatchObject({ lastBatch: { epoch: lastA.epoch, seq: lastA.seq } });
    expect(ranB).toMatchObject({ ok: true, state: 'finished' });
    expect(firings(a)).toEqual([
      [0, 10_000, 3],
      [10_000, 20_000, 2],
      [20_000, 30_000, 1],
    ]);
    expect(firings(b)).toEqual([
      [0, 10_000, 2],
      [10_000, 20_000, 3],
    ]);
    await api.endCompare();
  });

  it('leaves the run bar’s session alone and stops unbounded input at the horizon', async () => {
    const api = createEngineApi();
    const example = JSON.parse(
      readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
    ) as PipelineDocument;
    const unbounded: PipelineDocument = {
      ...example,
      nodes: example.nodes.map((n) =>
        n.kind === 'source.generator' ? { ...n, params: { ...n.params, count: null } } : n,
      ),
    };
    await api.start(demo.pipeline, config, () => undefined);
    const ran = await api.compareRun('a', unbounded, config, 5_000, () => undefined);
    expect(ran).toMatchObject({ ok: true, state: 'paused', processingTime: 5_000 });
    expect((await api.step('record')).recordsProcessed).toBe(1);
    expect(api.describeCompared('b', 0)).toBeNull();
    await api.endCompare();
  });

  it('answers a document that does not parse with its problems', async () => {
    const api = createEngineApi();
    const broken = { ...demo.pipeline, edges: [] };
    const ran = await api.compareRun('a', broken, config, 1_000, () => undefined);
    expect(ran.ok).toBe(false);
  });
});
