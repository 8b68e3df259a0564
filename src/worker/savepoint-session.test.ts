import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { createEngineApi } from './engine-api';
import type { EngineHost } from './engine-api';
import type { ResultState } from './recovery-types';
import type { SessionConfig, TraceBatch } from './trace-batch';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

/** The example with its source at a fixed parallelism: sources cannot be rescaled. */
const doc: PipelineDocument = {
  ...example,
  nodes: example.nodes.map((n) => (n.kind === 'source.generator' ? { ...n, parallelism: 2 } : n)),
};

/** The same pipeline with a longer allowed lateness: the window's state still fits. */
const laterLateness: PipelineDocument = {
  ...doc,
  nodes: doc.nodes.map((n) =>
    n.uid === 'per-10s' ? { ...n, params: { ...n.params, allowedLatenessMs: 2000 } } : n,
  ),
};

const base: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 2,
  seed: 7,
  speed: 'max',
  checkpointing: { mode: 'exactly-once', intervalMs: 3000, retained: 1 },
};

function testHost(): EngineHost & { now(): number } {
  let wall = 0;
  return {
    now: () => (wall += 1),
    yieldToMessages: async () => {
      wall += 20;
      await new Promise((resolve) => setImmediate(resolve));
    },
    sleep: async (ms: number) => {
      wall += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    indexedDB,
    date: () => Date.UTC(2026, 10, 29, 21, 40, 5),
  };
}

/** The savepoint checksum (docs/savepoint-format.md): FNV-1a over the UTF-8 bytes. */
function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function engine() {
  const host = testHost();
  return createEngineApi(host.now, host);
}

type Api = ReturnType<typeof engine>;

async function start(api: Api, config: Partial<SessionConfig> = {}, d = doc) {
  const batches: TraceBatch[] = [];
  const started = await api.start(d, { ...base, ...config }, (b) => {
    batches.push(b);
  });
  if (!started.ok) throw new Error(started.failure.message);
  return batches;
}

async function playToEnd(api: Api, batches: TraceBatch[]): Promise<void> {
  api.play();
  for (let i = 0; i < 100_000; i++) {
    const state = batches.at(-1)?.progress.state;
    if (state === 'finished' || state === 'failed') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The session did not end');
}

function committed(batches: TraceBatch[]): string[] {
  const all: { line: string; state: ResultState }[] = [];
  for (const b of batches) {
    b.results.forEach((r, i) => {
      const state = b.recovery?.results[i]?.state ?? 'committed';
      all.push({ line: JSON.stringify([r.sink, r.value, r.timestamp]), state });
    });
    for (const s of b.recovery?.settled ?? []) all[s.index]!.state = s.state;
  }
  return all.filter((r) => r.state === 'committed').map((r) => r.line);
}

async function referenceRun(): Promise<string[]> {
  const api = engine();
  const batches = await start(api);
  await playToEnd(api, batches);
  return committed(batches).sort();
}

async function savepointAt(pt: number, config: Partial<SessionConfig> = {}) {
  const api = engine();
  const batches = await start(api, config);
  await api.seek(pt);
  const savepoint = await api.takeSavepoint();
  return { api, batches, savepoint };
}

describe('savepoints through the worker API', () => {
  it('takes a gzipped savepoint file with what the list shows about it', async () => {
    const { api, savepoint } = await savepointAt(12_000);
    expect(savepoint.fileName).toBe(
      'clicks-per-user-10-s-tumbling-windows-savepoint-5-2026-11-29T21-40-05Z.json.gz',
    );
    expect([savepoint.bytes[0], savepoint.bytes[1]]).toEqual([0x1f, 0x8b]);
    const { meta } = savepoint;
    expect(meta).toMatchObject({
      pipelineName: doc.name,
      checkpointId: 5,
      takenAt: Date.UTC(2026, 10, 29, 21, 40, 5),
      processingTime: 12_000,
      backend: 'heap',
      maxParallelism: 128,
      compressed: true,
      bytes: savepoint.bytes.length,
      formatVersion: 1,
    });
    expect(meta.jsonBytes).toBeGreaterThan(meta.bytes);
    expect(meta.operators.map((o) => [o.uid, o.parallelism])).toEqual([
      ['clicks', 2],
      ['only-clicks', 2],
      ['per-10s', 2],
      ['counts', 2],
      ['late', 2],
    ]);
    expect(meta.operators.find((o) => o.uid === 'per-10s')!.entries).toBeGreaterThan(0);
    // The savepoint is in the history as one.
    expect(api.checkpoints().at(-1)).toMatchObject({
      id: 5,
      kind: 'savepoint',
      status: 'completed',
    });
  });

  it('a session without checkpointing takes one too; a playing session is refused', async () => {
    const api = engine();
    const batches = await start(api, { checkpointing: undefined, speed: 0.1 });
    await api.seek(12_000);
    const savepoint = await api.takeSavepoint();
    expect(savepoint.meta.checkpointId).toBe(1);
    api.play();
    await expect(api.takeSavepoint()).rejects.toThrow('Pause the run first');
    await api.pause();
    expect(batches.at(-1)!.progress.state).toBe('paused');
    await playToEnd(api, batches);
    await expect(api.takeSavepoint()).rejects.toThrow(
      'The job has finished: a savepoint is taken of a running job.',
    );
  });

  it('a job restarting after a failure is not savepointed until it runs again', async () => {
    const api = engine();
    await start(api, { restart: { kind: 'fixed-delay', attempts: 1, delayMs: 1000 } });
    await api.seek(12_000);
    await api.injectFailure();
    await expect(api.takeSavepoint()).rejects.toThrow('The job is restarting');
    await api.step('record');
    expect((await api.takeSavepoint()).meta.processingTime).toBeGreaterThanOrEqual(13_000);
  });

  it('the dry run reports matches, a changed lateness that still fits, rescaling and refusals', async () => {
    const { savepoint } = await savepointAt(12_000);
    const api = engine();
    const same = await api.dryRunRestore(savepoint.bytes, laterLateness, { parallelism: 2 });
    if (!same.ok) throw new Error(same.error.message);
    expect(same.report.ok).toBe(true);
    expect(same.report.operators.map((o) => [o.uid, o.outcome])).toEqual([
      ['clicks', 'restored'],
      ['only-clicks', 'restored'],
      ['per-10s', 'restored'],
      ['counts', 'restored'],
      ['late', 'restored'],
    ]);

    const rescaled = await api.dryRunRestore(savepoint.bytes, doc, { parallelism: 3 });
    if (!rescaled.ok) throw new Error(rescaled.error.message);
    const window = rescaled.report.operators.find((o) => o.uid === 'per-10s')!;
    expect(window.rescale).toMatchObject({ from: 2, to: 3 });
    expect(window.rescale!.keyGroups.some((m) => m.from !== m.to)).toBe(true);

    const renamed: PipelineDocument = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.uid === 'per-10s' ? { ...n, uid: 'per-10s-v2' } : n)),
      edges: doc.edges.map((e) => ({
        ...e,
        source: e.source === 'per-10s' ? 'per-10s-v2' : e.source,
        target: e.target === 'per-10s' ? 'per-10s-v2' : e.target,
      })),
    };
    const refused = await api.dryRunRestore(savepoint.bytes, renamed, { parallelism: 2 });
    if (!refused.ok) throw new Error(refused.error.message);
    expect(refused.report.ok).toBe(false);
    expect(refused.report.operators.find((o) => o.uid === 'per-10s')).toMatchObject({
      outcome: 'dropped',
      blocking: true,
    });
    const allowed = await api.dryRunRestore(savepoint.bytes, renamed, {
      parallelism: 2,
      allowNonRestoredState: true,
    });
    expect(allowed.ok && allowed.report.ok).toBe(true);

    const sliding: PipelineDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.uid === 'per-10s'
          ? { ...n, params: { ...n.params, assigner: 'sliding', slideMs: 5000 } }
          : n,
      ),
    };
    const changed = await api.dryRunRestore(savepoint.bytes, sliding, { parallelism: 2 });
    if (!changed.ok) throw new Error(changed.error.message);
    expect(changed.report.operators.find((o) => o.uid === 'per-10s')!.outcome).toBe('incompatible');
  });

  it('bad files are reported by reason', async () => {
    const { savepoint } = await savepointAt(12_000, { checkpointing: undefined });
    const api = engine();
    const text = new TextEncoder();
    const json = new TextDecoder().decode(
      new Uint8Array(
        await new Response(
          new Blob([savepoint.bytes as BlobPart])
            .stream()
            .pipeThrough(new DecompressionStream('gzip')),
        ).arrayBuffer(),
      ),
    );
    const flipped = json.replace('"per-10s"', '"per-1Os"');
    // A file from a newer Tidemark: a valid checksum over a version this one does not read.
    const file = JSON.parse(json) as { format: string; version: number; body: unknown };
    const checksum = fnv1a32(JSON.stringify([file.format, 2, file.body]));
    const newer = JSON.stringify({ ...file, version: 2, checksum });
    const cases: [Uint8Array, string][] = [
      [savepoint.bytes.slice(0, savepoint.bytes.length / 2), 'corrupt'],
      [text.encode(json.slice(0, json.length - 40)), 'truncated'],
      [text.encode(flipped), 'corrupt'],
      [new Uint8Array(0), 'empty'],
      [text.encode('hello, savepoint'), 'not-json'],
      [new Uint8Array([0xff, 0xfe, 0x00, 0xc3, 0x28]), 'not-json'],
      [text.encode('{"name": "another program"}'), 'foreign'],
      [text.encode(JSON.stringify(doc)), 'foreign'],
      [text.encode(newer), 'newer-version'],
    ];
    for (const [bytes, reason] of cases) {
      const result = await api.dryRunRestore(bytes, doc, { parallelism: 2 });
      expect(result.ok ? 'ok' : result.error.reason).toBe(reason);
    }
    // Uncompressed files are read too.
    expect((await api.dryRunRestore(text.encode(json), doc, { parallelism: 2 })).ok).toBe(true);
  });

  it.each([
    ['heap', 'indexeddb', 3],
    ['indexeddb', 'heap', 1],
  ] as const)(
    'restores a %s savepoint into the %s backend at parallelism %i and the run continues',
    async (from, into, parallelism) => {
      const expected = await referenceRun();
      const { batches: before, savepoint } = await savepointAt(12_000, { stateBackend: from });
      // The savepoint committed what was pending: that output is final.
      const committedBefore = committed(before);
      const api = engine();
      const batches: TraceBatch[] = [];
      const restored = await api.restore(
        doc,
        { ...base, stateBackend: into, parallelism },
        savepoint.bytes,
        { allowNonRestoredState: false },
        (b) => {
          batches.push(b);
        },
      );
      expect(restored.ok).toBe(true);
      expect(batches[0]!.progress.processingTime).toBe(12_000);
      // The sources resume where the savepoint left them: that much input is read already.
      expect(batches[0]!.progress.recordsProcessed).toBe(before.at(-1)!.progress.recordsProcessed);
      await playToEnd(api, batches);
      expect(batches.at(-1)!.progress.state).toBe('finished');
      expect([...committedBefore, ...committed(batches)].sort()).toEqual(expected);
    },
  );

  it('a restored session that fails before its next checkpoint goes back to the savepoint', async () => {
    const expected = await referenceRun();
    const { batches: before, savepoint } = await savepointAt(12_000);
    const api = engine();
    const batches: TraceBatch[] = [];
    const config = { ...base, restart: { kind: 'fixed-delay', attempts: 1 } } as const;
    await api.restore(doc, config, savepoint.bytes, { allowNonRestoredState: false }, (b) => {
      batches.push(b);
    });
    // The restored state is checkpointed at once, at the savepoint's time.
    expect(api.checkpoints()).toMatchObject([
      { id: savepoint.meta.checkpointId + 1, triggeredAt: 12_000, status: 'completed' },
    ]);
    await api.injectFailure();
    const restored = batches.flatMap((b) => b.recovery?.events ?? []).at(-1);
    expect(restored).toMatchObject({
      kind: 'restored',
      checkpointId: savepoint.meta.checkpointId + 1,
      pt: 12_000,
      stateRestored: true,
    });
    await playToEnd(api, batches);
    expect([...committed(before), ...committed(batches)].sort()).toEqual(expected);
  });

  it('a corrupt file leaves the current session as it was', async () => {
    const api = engine();
    const batches = await start(api);
    await api.seek(12_000);
    const inspected = await api.inspectState();
    const history = api.checkpoints();
    const sent = batches.length;
    const corrupt = new TextEncoder().encode(
      '{"format":"tidemark-savepoint","checksum":"00000000"',
    );
    const refused = await api.restore(doc, base, corrupt, { allowNonRestoredState: false }, () => {
      throw new Error('no batch for a refused restore');
    });
    expect(refused).toMatchObject({ ok: false, savepoint: { reason: 'truncated' } });
    expect(batches).toHaveLength(sent);
    expect(await api.inspectState()).toEqual(inspected);
    expect(api.checkpoints()).toEqual(history);
    // It still runs to the end as if nothing had happened.
    await playToEnd(api, batches);
    expect(committed(batches).sort()).toEqual(await referenceRun());
  });

  it('a restore that fails to start leaves the current session too', async () => {
    const { savepoint } = await savepointAt(12_000);
    const host = { ...testHost(), indexedDB: undefined };
    const api = createEngineApi(host.now, host);
    const batches = await start(api);
    await api.seek(5000);
    const refused = await api.restore(
      doc,
      { ...base, stateBackend: 'indexeddb' },
      savepoint.bytes,
      { allowNonRestoredState: false },
      () => undefined,
    );
    expect(refused).toMatchObject({
      ok: false,
      failure: {
        message: 'The IndexedDB state backend needs IndexedDB, which is not available here.',
      },
    });
    await playToEnd(api, batches);
    expect(committed(batches).sort()).toEqual(await referenceRun());
  });

  it('diffs two savepoints, and a savepoint with the live state, per operator', async () => {
    const api = engine();
    await start(api);
    await api.seek(12_000);
    const first = await api.takeSavepoint();
    await api.seek(14_500);
    const second = await api.takeSavepoint();
    const diff = await api.diffSavepoints(first.bytes, second.bytes);
    if (!diff.ok) throw new Error(diff.error.message);
    const window = diff.diff.operators.find((o) => o.uid === 'per-10s')!;
    const { added, removed, changed } = window.counts;
    expect(added + removed + changed).toBeGreaterThan(0);
    expect(window.changed.length + window.added.length + window.removed.length).toBe(
      added + removed + changed,
    );
    for (const k of window.changed) expect(k.before).not.toEqual(k.after);
    for (const k of window.added) expect(k.before).toEqual([]);

    // Paused where the second was taken, the live state is the second savepoint's.
    expect(await api.diffWithLive(first.bytes)).toEqual(diff);
    const none = await api.diffWithLive(second.bytes);
    if (!none.ok) throw new Error(none.error.message);
    for (const o of none.diff.operators) {
      expect(o.counts).toMatchObject({ added: 0, removed: 0, changed: 0 });
    }
    const bad = await api.diffSavepoints(first.bytes, new Uint8Array(0));
    expect(bad).toMatchObject({ ok: false, error: { reason: 'empty' } });
  });
});
