/**
 * The timeline against the real thing: a run session (the worker's API, in-process) streams
 * the clickstream example's batches, and the adapter must take every one of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { createEngineApi } from '../../worker/engine-api';
import type { TraceBatch } from '../../worker/trace-batch';
import { TraceAdapter } from './adapter';
import { layoutDiagram, defaultDiagramOperator } from './diagram-layout';
import { lateFacts, windowFacts } from './facts';
import { TimelineModel } from './model';
import { fit } from './viewport';

const doc = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

describe('a run session feeding the timeline', () => {
  it('streams batches the adapter turns into the picture of the run', async () => {
    const api = createEngineApi();
    const batches: TraceBatch[] = [];
    const started = await api.start(
      doc,
      { time: 'event', stateBackend: 'heap', parallelism: 1, seed: 0, speed: 'max' },
      (batch) => batches.push(batch),
    );
    if (!started.ok) throw new Error('the session did not start');
    api.setView({ ptFrom: 0, ptTo: 60_000, maxEvents: 10_000 });
    while ((await api.step('firing')).state === 'paused') {
      // Firing by firing to the end of input.
    }

    const model = new TimelineModel();
    const adapter = new TraceAdapter(model);
    adapter.start(started.info);
    for (const batch of batches) adapter.apply(batch);

    const operator = defaultDiagramOperator(model);
    expect(model.operators[operator]?.uid).toBe('per-10s');
    // 200 clicks, some of them purchases that the filter drops, reach the window.
    expect(model.records.length).toBeGreaterThan(200);
    expect(model.windows.length).toBeGreaterThan(0);
    const c = model.windows.columns;
    for (let i = 0; i < model.windows.length; i++) {
      const f = windowFacts(model, i);
      expect(f.end - f.start).toBe(10_000);
      expect(f.firedWatermark).toBeGreaterThanOrEqual(f.end - 1);
      expect(f.hasResult).toBe(true);
      expect(c.records[i]).toBe(f.result);
    }
    expect(model.late.length).toBeGreaterThan(0);
    for (let i = 0; i < model.late.length; i++) {
      const f = lateFacts(model, i);
      expect(f.behindBy).toBeGreaterThan(0);
      expect(f.outcome).toBe('side-output');
    }

    const extent = model.extent()!;
    const layout = layoutDiagram({
      model,
      operator,
      viewport: fit(extent),
      size: { width: 1200, height: 500 },
      paletteSize: 5,
      measure: (text) => text.length * 6,
      tickWidth: () => 30,
    });
    expect(layout.windows.every((w) => w.fired)).toBe(true);
    expect(layout.labels.length).toBe(model.windows.length);
    expect(layout.watermark.length).toBeGreaterThan(8);
  });
});
