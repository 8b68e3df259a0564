import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { createEngineApi } from '../../worker/engine-api';
import type { SessionConfig } from '../../worker/trace-batch';
import { CompareRunner } from './compare-runner';
import { windowOfRow } from './outcomes';
import { defaultSetup } from './variants';

const demo = (id: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../../demos/${id}.json`, import.meta.url), 'utf8')) as {
      pipeline: PipelineDocument;
    }
  ).pipeline;

const config: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 1,
  seed: 0,
  speed: 10,
};

function runner() {
  const api = createEngineApi();
  return new CompareRunner(() => api);
}

describe('CompareRunner', () => {
  it('replays the processing-time demo both ways and joins the windows', async () => {
    const doc = demo('processing-vs-event-time');
    const compare = runner();
    const sides: string[] = [];
    const result = await compare.compare(doc, config, defaultSetup(doc, 'time'), (s) =>
      sides.push(s),
    );
    expect(sides).toEqual(['a', 'b']);
    if (!result.ok) throw new Error(String(result.message));
    const { rows, summary } = result.comparison;
    // As the demo's outcome states it: event time 3, 2, 1; processing time 2, 3.
    expect(rows.map((r) => [r.start, r.a?.value, r.b?.value, r.kind])).toEqual([
      [0, 3, 2, 'changed'],
      [10_000, 2, 3, 'changed'],
      [20_000, 1, undefined, 'onlyA'],
    ]);
    expect(summary).toMatchObject({ windows: 3, differ: 3 });
    expect(result.sides.a).toMatchObject({ state: 'finished', stoppedAtHorizon: false });
    // Both timelines show the same processing times, all of both runs.
    const shown = compare.link.shown!;
    expect(shown.from).toBeLessThanOrEqual(1000);
    expect(shown.to).toBeGreaterThanOrEqual(25_000);
    // A row leads back to the window in each side's timeline.
    const onlyA = rows[2]!;
    expect(windowOfRow(compare.models.a, onlyA.id)).not.toBeNull();
    // Under processing time the click at 25 s opened that window, which never fired.
    const open = windowOfRow(compare.models.b, onlyA.id)!;
    expect(compare.models.b.windows.columns.firings[open]).toBe(0);
    const row = rows[0]!;
    const a = windowOfRow(compare.models.a, row.id)!;
    expect(compare.models.a.windows.columns.start[a]).toBe(0);
    expect(await compare.describe('a', compare.models.a.records.columns.id[0]!)).toMatchObject({
      value: { user: 'a' },
    });
  });

  it('shows a longer watermark delay letting the late record in', async () => {
    const doc = demo('watermarks');
    const result = await runner().compare(doc, config, defaultSetup(doc, 'watermark'));
    if (!result.ok) throw new Error(String(result.message));
    const { summary } = result.comparison;
    expect(summary.lateA).toBeGreaterThan(0);
    expect(summary.lateB).toBe(0);
    expect(summary.lateOnlyA.sideOutput).toBe(summary.lateA);
    expect(summary.differ).toBeGreaterThan(0);
  });

  it('tells why a side’s job failed, and still joins what it fired', async () => {
    const doc = demo('processing-vs-event-time');
    const throwing: PipelineDocument = {
      ...doc,
      nodes: [
        ...doc.nodes,
        {
          uid: 'boom',
          kind: 'map',
          params: {
            mode: 'code',
            code: '(r) => { if (r.ts > 20000) throw new Error("no"); return r; }',
          },
        },
      ],
      edges: doc.edges
        .map((e) => (e.source === 'clicks' ? { ...e, source: 'boom' } : e))
        .concat({
          id: 'e0',
          source: 'clicks',
          target: 'boom',
        }),
    };
    const result = await runner().compare(throwing, config, defaultSetup(doc));
    if (!result.ok) throw new Error(String(result.message));
    expect(result.sides.a.state).toBe('failed');
    expect(result.sides.a.failure).toMatch(/no/);
    expect(result.comparison.rows.length).toBeGreaterThan(0);
  });

  it('says which side failed to start', async () => {
    const doc = demo('processing-vs-event-time');
    const broken = { ...doc, edges: [] };
    const result = await runner().compare(broken, config, defaultSetup(doc));
    expect(result).toMatchObject({ ok: false, side: 'a' });
  });

  it('drops a comparison that a newer one replaced', async () => {
    const doc = demo('processing-vs-event-time');
    const compare = runner();
    const first = compare.compare(doc, config, defaultSetup(doc));
    const second = compare.compare(doc, config, defaultSetup(doc, 'lateness'));
    expect(await first).toEqual({ ok: false, side: null, message: null });
    expect((await second).ok).toBe(true);
  });
});
