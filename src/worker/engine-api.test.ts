import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { jsonLine } from '../cli/json-line';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examplePath = 'examples/clickstream-tumbling.json';
const exampleText = readFileSync(`${root}${examplePath}`, 'utf8');
const example = JSON.parse(exampleText) as PipelineDocument;

function withNode(uid: string, params: Record<string, unknown>): PipelineDocument {
  return {
    ...example,
    nodes: example.nodes.map((n) =>
      n.uid === uid ? ({ ...n, params: { ...n.params, ...params } } as typeof n) : n,
    ),
  };
}

/** The CLI's output lines, parsed. */
function cli(...args: string[]): Record<string, unknown>[] {
  const out = execFileSync('npx', ['tsx', 'src/cli/engine.ts', 'run', examplePath, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('engine API', () => {
  const api = createEngineApi();

  it('validates a document with the engine validator', () => {
    expect(api.validate(example).filter((p) => p.severity === 'error')).toEqual([]);
    const noKeyBy = {
      ...example,
      nodes: example.nodes.filter((n) => n.uid !== 'by-user'),
      edges: example.edges.filter((e) => e.source !== 'by-user' && e.target !== 'by-user'),
    };
    expect(api.validate(noKeyBy)).toContainEqual(
      expect.objectContaining({ code: 'E004', nodeUid: 'per-10s', severity: 'error' }),
    );
  });

  it('parses a pipeline file, and reports a damaged one with its position', () => {
    const parsed = api.parse(exampleText);
    expect(parsed.ok && parsed.doc).toEqual(example);
    const broken = api.parse('{ "version": 1, ');
    expect(broken.ok).toBe(false);
    expect(broken.problems[0]).toMatchObject({ code: 'E018', severity: 'error' });
  });

  it('returns only values that survive structured cloning', async () => {
    const parsed = api.parse(exampleText);
    expect(structuredClone(parsed)).toEqual(parsed);
    const problems = api.validate(withNode('per-10s', { sizeMs: -1 }));
    expect(problems.length).toBeGreaterThan(0);
    expect(structuredClone(problems)).toEqual(problems);
    const outcome = await api.run(example, { time: 'event', parallelism: 1, seed: 0 });
    expect(structuredClone(outcome)).toEqual(outcome);
  });

  it.each([
    { seed: 0, parallelism: 1, time: 'event' as const },
    { seed: 42, parallelism: 3, time: 'event' as const },
    { seed: 7, parallelism: 2, time: 'processing' as const },
  ])('run() gives what the CLI prints (%o)', async ({ seed, parallelism, time }) => {
    const outcome = await api.run(example, { time, parallelism, seed });
    const lines = cli('--seed', String(seed), '--parallelism', String(parallelism), '--time', time);
    const asCli = outcome.results.map((r) => JSON.parse(jsonLine({ type: 'result', ...r })));
    expect(outcome.status).toBe('finished');
    expect(outcome.results.length).toBeGreaterThan(0);
    expect(asCli).toEqual(lines.filter((l) => l.type === 'result'));
    expect(lines.at(-1)).toEqual({
      type: 'status',
      status: 'finished',
      processingTime: outcome.processingTime,
    });
    expect(outcome.recordsIn).toBe(200);
  });

  it('measures the run on the clock it is given', async () => {
    let t = 100;
    const timed = createEngineApi(() => (t += 25));
    const outcome = await timed.run(example, { time: 'event', parallelism: 1, seed: 0 });
    expect(outcome.durationMs).toBe(25);
  });

  it('resolves an invalid pipeline as failed, naming the node', async () => {
    const outcome = await api.run(withNode('per-10s', { sizeMs: 0 }), {
      time: 'event',
      parallelism: 1,
      seed: 0,
    });
    expect(outcome).toMatchObject({
      status: 'failed',
      failure: { operatorUid: 'per-10s' },
      results: [],
      recordsIn: 0,
    });
    expect(outcome.failure?.message).toContain('E008');
  });

  it.each([
    ['an endless source', withNode('clicks', { count: null }), 1, /endless/],
    ['a parallelism of 0', example, 0, /Parallelism must be a positive integer/],
    ['a document without nodes', { ...example, nodes: undefined } as never, 1, /E019.*nodes/],
  ])('resolves a run with %s as failed', async (_, doc: PipelineDocument, parallelism, message) => {
    const outcome = await api.run(doc, { time: 'event', parallelism, seed: 0 });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure?.message).toMatch(message);
  });

  it('resolves a job that throws as failed, keeping what the sinks had received', async () => {
    const code =
      '(() => { let n = 0; return () => { if (++n > 150) throw new Error("too late"); return true; }; })()';
    const outcome = await api.run(withNode('only-clicks', { mode: 'code', code }), {
      time: 'event',
      parallelism: 1,
      seed: 0,
    });
    expect(outcome.status).toBe('failed');
    expect(outcome.failure).toMatchObject({ operatorUid: 'only-clicks' });
    expect(outcome.failure?.message).toContain('too late');
    expect(outcome.recordsIn).toBe(151);
    expect(outcome.results.length).toBeGreaterThan(0);
  });

  it('fails, rather than failing to send, when a sink receives a function', async () => {
    const doc: PipelineDocument = {
      version: 1,
      name: 'functions out',
      nodes: [
        { uid: 'src', kind: 'source.list', params: { records: [{ ts: 1, at: 1, value: 1 }] } },
        { uid: 'fn', kind: 'map', params: { mode: 'code', code: '(r) => ({ f: () => r })' } },
        { uid: 'out', kind: 'sink', params: { name: 'out' } },
      ],
      edges: [
        { id: 'e1', source: 'src', target: 'fn' },
        { id: 'e2', source: 'fn', target: 'out' },
      ],
    };
    const outcome = await api.run(doc, { time: 'event', parallelism: 1, seed: 0 });
    expect(outcome).toMatchObject({ status: 'failed', failure: { operatorUid: 'out' } });
    expect(outcome.failure?.message).toMatch(/plain data/);
    expect(structuredClone(outcome)).toEqual(outcome);
  });
});
