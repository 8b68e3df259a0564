import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../pipeline/document';
import type { SinkResult } from './job';
import { runJob } from './run-job';

const example = JSON.parse(
  readFileSync(new URL('../../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

const heap = { time: 'event', stateBackend: 'heap', parallelism: 1, seed: 1 } as const;

function withNode(
  doc: PipelineDocument,
  uid: string,
  params: PipelineDocument['nodes'][number]['params'],
): PipelineDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.uid === uid ? { ...n, params: { ...n.params, ...params } } : n)),
  };
}

describe('runJob', () => {
  it('runs to the end of input and counts the records the sources emitted', () => {
    const results: SinkResult[] = [];
    const run = runJob(example, heap, { onResult: (r) => results.push(r) });
    expect(run).toMatchObject({ started: true, status: 'finished', failure: null, recordsIn: 200 });
    expect(results.filter((r) => r.sink === 'counts').length).toBeGreaterThan(0);
  });

  it('stops at a processing time when asked', () => {
    const run = runJob(example, heap, { until: 2_000 });
    expect(run).toMatchObject({ started: true, status: 'running', processingTime: 2_000 });
    expect(run.started && run.recordsIn).toBeLessThan(200);
  });

  it('does not start an invalid pipeline, and says why', () => {
    const broken = { ...example, nodes: example.nodes.filter((n) => n.uid !== 'by-user') };
    const run = runJob(broken, heap);
    expect(run.started).toBe(false);
    expect(run.failure?.message).toMatch(/E004|E007/);
  });

  it('names the operator whose code does not compile', () => {
    const run = runJob(withNode(example, 'only-clicks', { mode: 'code', code: '(r) => r.' }), heap);
    expect(run).toMatchObject({ started: false, failure: { operatorUid: 'only-clicks' } });
  });

  it('fails the job when user code throws while running', () => {
    const code = '(r) => { throw new Error("boom") }';
    const run = runJob(withNode(example, 'only-clicks', { mode: 'code', code }), heap);
    expect(run).toMatchObject({ started: true, status: 'failed' });
    expect(run.failure).toMatchObject({ operatorUid: 'only-clicks' });
    expect(run.failure?.message).toContain('boom');
  });

  it('refuses to run an endless source to the end, but runs it up to a time', () => {
    const endless = withNode(example, 'clicks', { count: null });
    expect(runJob(endless, heap)).toMatchObject({
      started: false,
      failure: { operatorUid: 'clicks', message: expect.stringContaining('endless') },
    });
    expect(runJob(endless, heap, { until: 1_000 })).toMatchObject({ started: true });
  });
});
