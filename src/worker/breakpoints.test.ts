import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../engine/index';
import { runJob } from '../engine/runtime/run-job';
import type { TraceEvent } from '../engine/runtime/trace';
import type { BreakpointHit, Breakpoints, SessionBatch } from './breakpoints';
import { NO_BREAKPOINTS } from './breakpoints';
import { connectEngine } from './client';
import { createEngineApi } from './engine-api';
import type { SessionHost } from './run-session';
import { RunSession } from './run-session';
import { WINDOW_FIRED } from './trace-batch';
import type { SessionConfig } from './trace-batch';

const example = JSON.parse(
  readFileSync(new URL('../../examples/clickstream-tumbling.json', import.meta.url), 'utf8'),
) as PipelineDocument;

/** Many late records, windows of 2 s: several hits of every kind. */
const doc: PipelineDocument = {
  ...example,
  nodes: example.nodes.map((n) => {
    if (n.kind === 'source.generator') {
      return { ...n, params: { ...n.params, count: 300, lateFraction: 0.15 } } as typeof n;
    }
    if (n.kind === 'window') return { ...n, params: { ...n.params, sizeMs: 2000 } } as typeof n;
    return n;
  }),
};

const config: SessionConfig = {
  time: 'event',
  stateBackend: 'heap',
  parallelism: 2,
  seed: 7,
  speed: 'max',
};

const checkpointed: SessionConfig = {
  ...config,
  checkpointing: { mode: 'exactly-once', intervalMs: 1000, retained: 2 },
};

/** A wall clock that moves only when the session reads it, waits or yields. */
function fakeHost(): SessionHost {
  const host = {
    wall: 0,
    now: () => (host.wall += 1),
    yieldToMessages: async () => {
      host.wall += 20;
      await new Promise((resolve) => setImmediate(resolve));
    },
    sleep: async (ms: number) => {
      host.wall += ms;
      await new Promise((resolve) => setImmediate(resolve));
    },
    indexedDB,
  };
  return host;
}

async function open(cfg: SessionConfig, breakpoints: Partial<Breakpoints>) {
  const batches: SessionBatch[] = [];
  const started = await RunSession.start(doc, cfg, (b) => batches.push(b), fakeHost());
  if (!started.ok) throw new Error(started.failure.message);
  started.session.setBreakpoints({ ...NO_BREAKPOINTS, ...breakpoints });
  return { session: started.session, batches };
}

/** Plays until the session stops by itself; the last batch then. */
async function playToStop(session: RunSession, batches: SessionBatch[]): Promise<SessionBatch> {
  const from = batches.length;
  session.play();
  for (let i = 0; i < 20_000; i++) {
    const stopped = batches
      .slice(from)
      .find((b) => b.progress.state !== 'running' && b.progress.state !== 'idle');
    if (stopped !== undefined) return stopped;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('The session never stopped');
}

interface Seen {
  event: TraceEvent;
  /** Source records read before it (the CLI's run, counted from its trace). */
  records: number;
}

/** The CLI's run of the document, with every trace event and the records read before it. */
function reference(cfg: SessionConfig): Seen[] {
  const seen: Seen[] = [];
  let records = 0;
  runJob(
    doc,
    { ...cfg, trace: { sampleEvery: 1 } },
    {
      onTrace: (event) => {
        if (event.type === 'record' && event.dir === 'out' && event.op === 'clicks') records++;
        seen.push({ event, records });
      },
    },
  );
  return seen;
}

const lates = (seen: Seen[]) => seen.filter((s) => s.event.type === 'late');
const firings = (seen: Seen[]) =>
  seen.filter((s) => s.event.type === 'window' && s.event.action === 'fired');
const firedIn = (batches: SessionBatch[]) =>
  batches.reduce((n, b) => n + b.windows.action.filter((a) => a === WINDOW_FIRED).length, 0);
const lateIn = (batches: SessionBatch[]) => batches.reduce((n, b) => n + b.late.id.length, 0);

function expectHitAt(batch: SessionBatch, seen: Seen): BreakpointHit {
  const e = seen.event as Extract<TraceEvent, { type: 'late' | 'window' }>;
  expect(batch.progress.state).toBe('paused');
  expect(batch.progress.recordsProcessed).toBe(seen.records);
  expect(batch.progress.processingTime).toBe(e.pt);
  const hit = batch.breakpoint!;
  expect(hit).toMatchObject({
    operatorUid: e.op,
    subtask: e.subtask,
    key: e.key,
    watermark: e.watermark,
    processingTime: e.pt,
    recordsProcessed: seen.records,
  });
  return hit;
}

describe('breakpoints', () => {
  const seen = reference(config);

  it('has hits of every kind to stop at in its input', () => {
    expect(lates(seen).length).toBeGreaterThan(3);
    expect(firings(seen).length).toBeGreaterThan(3);
  });

  it.each([
    ['max' as const, 'heap' as const],
    [50, 'heap' as const],
    ['max' as const, 'indexeddb' as const],
  ])(
    'stops right after the first late record, then at the next (speed %s, %s)',
    async (speed, stateBackend) => {
      const cfg = { ...config, speed, stateBackend };
      const { session, batches } = await open(cfg, { lateRecord: true });
      const [first, second] = lates(seen);
      const stop = await playToStop(session, batches);
      const hit = expectHitAt(stop, first!);
      const late = first!.event as Extract<TraceEvent, { type: 'late' }>;
      expect(hit).toMatchObject({ kind: 'lateRecord', eventTime: late.ts, outcome: late.outcome });
      // The trace stops there: that late record, and only the firings before it.
      expect(lateIn(batches)).toBe(1);
      expect(firedIn(batches)).toBe(
        firings(seen).filter((f) => f.records <= first!.records).length,
      );
      expect(session.describe((hit as { recordId: number }).recordId)).toMatchObject({
        eventTime: late.ts,
        late: { watermark: late.watermark },
      });
      expectHitAt(await playToStop(session, batches), second!);
      expect(lateIn(batches)).toBe(2);
    },
  );

  it.each([['max' as const], [50]])(
    'stops right after each window fires, one firing at a time (speed %s)',
    async (speed) => {
      const { session, batches } = await open({ ...config, speed }, { windowFires: true });
      const expected = firings(seen).slice(0, 4);
      for (const [i, firing] of expected.entries()) {
        const stop = await playToStop(session, batches);
        const hit = expectHitAt(stop, firing);
        const e = firing.event as Extract<TraceEvent, { type: 'window' }>;
        expect(hit).toMatchObject({ kind: 'windowFires', start: e.start, end: e.end });
        expect(hit.kind === 'windowFires' && hit.result).toEqual(e.result);
        expect(firedIn(batches)).toBe(i + 1);
      }
    },
  );

  /** The firings that share a processing time with others: the first such group. */
  function sameInstant(): { first: number; count: number } {
    const all = firings(seen);
    const first = all.findIndex((f, i) => all[i + 1]?.event.pt === f.event.pt);
    const count = all.filter((f) => f.event.pt === all[first]!.event.pt).length;
    return { first, count };
  }

  const sinkResults = (batches: SessionBatch[], sink: string) =>
    batches.flatMap((b) => b.results).filter((r) => r.sink === sink);

  /** What the sinks got so far is what the trace let out: no result of a held firing. */
  function expectResultsOfTrace(session: RunSession, batches: SessionBatch[]) {
    const fired = batches.flatMap((b) =>
      Array.from(b.windows.action).flatMap((a, i) =>
        a === WINDOW_FIRED
          ? [b.firedResults.added[b.windows.result[i]! - b.firedResults.base]]
          : [],
      ),
    );
    const counts = sinkResults(batches, 'counts').map((r) => (r.value as { value: unknown }).value);
    expect(counts).toEqual(fired);
    const sideOutput = batches.reduce((n, b) => n + b.sideOutput.length, 0);
    expect(sinkResults(batches, 'late')).toHaveLength(sideOutput);
    // The badges stop there too.
    const window = session.info.operators.findIndex((o) => o.uid === 'per-10s');
    const perWindow = batches.at(-1)!.progress.operators[window]!;
    expect(perWindow.firings).toBe(fired.length);
  }

  it.each([
    ['heap', config],
    ['exactly-once checkpoints', checkpointed],
  ])(
    'at a hit among same-instant firings, holds back the results of the firings after it (%s)',
    async (_, cfg) => {
      const { session, batches } = await open(cfg, { windowFires: true });
      const { first, count } = sameInstant();
      expect(count).toBeGreaterThan(2);
      for (let i = 0; i <= first + 1; i++) await playToStop(session, batches);
      const stop = batches.at(-1)!;
      expectHitAt(stop, firings(seen)[first + 1]!);
      expect(firedIn(batches)).toBe(first + 2);
      expectResultsOfTrace(session, batches);
      if (cfg.checkpointing !== undefined) {
        const states = batches.reduce((n, b) => n + (b.recovery?.results.length ?? 0), 0);
        expect(states).toBe(batches.reduce((n, b) => n + b.results.length, 0));
      }
      // Moving on lets them out, in order, and the run ends with every result.
      session.setBreakpoints(NO_BREAKPOINTS);
      expect((await playToStop(session, batches)).progress.state).toBe('finished');
      expect(firedIn(batches)).toBe(firings(seen).length);
      expectResultsOfTrace(session, batches);
    },
  );

  it('steps to the next firing among those held at the same instant', async () => {
    const { session, batches } = await open(config, { lateRecord: true, windowFires: true });
    const { first, count } = sameInstant();
    const all = firings(seen);
    const stopsBefore = [...lates(seen), ...all].filter(
      (s) => s.event.pt < all[first]!.event.pt,
    ).length;
    for (let i = 0; i <= stopsBefore; i++) await playToStop(session, batches);
    expectHitAt(batches.at(-1)!, all[first]!);
    for (let i = 1; i < count; i++) {
      await session.step('firing');
      const hit = expectHitAt(batches.at(-1)!, all[first + i]!);
      expect(session.pausedAt()).toEqual(hit);
      expect(firedIn(batches)).toBe(first + i + 1);
      expectResultsOfTrace(session, batches);
    }
    // The last of them: the next step goes on to a later firing.
    await session.step('firing');
    expect(session.pausedAt()).toBeNull();
    expect(firedIn(batches)).toBeGreaterThan(first + count);
    expect(batches.at(-1)!.progress.processingTime).toBeGreaterThan(all[first]!.event.pt);
  });

  it('stops only for the operator it is narrowed to', async () => {
    const { session, batches } = await open(config, { lateRecord: true, operatorUid: 'counts' });
    expect((await playToStop(session, batches)).progress.state).toBe('finished');
    expect(() => session.setBreakpoints({ ...NO_BREAKPOINTS, operatorUid: 'nowhere' })).toThrow(
      /No operator "nowhere"/,
    );
  });

  it('takes breakpoints set while it plays', async () => {
    const { session, batches } = await open(config, {});
    session.play();
    session.setBreakpoints({ ...NO_BREAKPOINTS, lateRecord: true });
    const stopped = await playToStop(session, batches);
    expectHitAt(stopped, lates(seen)[0]!);
  });

  it.each([['heap' as const], ['indexeddb' as const]])(
    'stops right after each checkpoint completes, with its id and stats (%s)',
    async (stateBackend) => {
      const { session, batches } = await open(
        { ...checkpointed, stateBackend },
        { checkpointCompletes: true },
      );
      const arrivals = reference(checkpointed).filter(
        (s) => s.event.type === 'record' && s.event.dir === 'out' && s.event.op === 'clicks',
      );
      for (const id of [1, 2, 3]) {
        const stop = await playToStop(session, batches);
        const before = arrivals.filter((a) => a.event.pt < id * 1000).length;
        expect(stop.progress).toMatchObject({
          state: 'paused',
          processingTime: id * 1000,
          recordsProcessed: before,
        });
        const hit = stop.breakpoint!;
        expect(hit).toMatchObject({ kind: 'checkpointCompletes', recordsProcessed: before });
        if (hit.kind !== 'checkpointCompletes') throw new Error('not a checkpoint');
        expect(hit.checkpoint).toMatchObject({ id, status: 'completed', triggeredAt: id * 1000 });
        expect(hit.checkpoint.bytes).toBeGreaterThan(0);
        expect(session.checkpoints().filter((c) => c.status === 'completed')).toHaveLength(id);
      }
    },
  );

  it('plays on through a failure and its restart, stopping at every checkpoint', async () => {
    const cfg: SessionConfig = {
      ...checkpointed,
      restart: { kind: 'fixed-delay', attempts: 1, delayMs: 500 },
    };
    const { session, batches } = await open(cfg, { checkpointCompletes: true });
    session.failOnRecord(40);
    const stops: SessionBatch[] = [];
    for (let i = 0; i < 100; i++) {
      const stop = await playToStop(session, batches);
      if (stop.progress.state !== 'paused') break;
      stops.push(stop);
    }
    expect(batches.at(-1)!.progress.state).toBe('finished');
    const events = batches.flatMap((b) => b.recovery?.events ?? []).map((e) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['failed', 'restarting', 'restored']));
    const completed = session.checkpoints().filter((c) => c.status === 'completed');
    expect(
      stops.map((s) => s.breakpoint!.kind === 'checkpointCompletes' && s.breakpoint!.checkpoint.id),
    ).toEqual(completed.map((c) => c.id));
    expect(stops.length).toBeGreaterThan(5);
    for (const stop of stops) expect(stop.progress.processingTime % 1000).toBe(0);
  });

  it('steps as before, and seek and reset re-run without stopping', async () => {
    const { session, batches } = await open(config, { windowFires: true, lateRecord: true });
    const third = firings(seen)[2]!;
    const stepped = await session.step('record');
    expect(stepped.recordsProcessed).toBe(1);
    expect(batches.at(-1)!.breakpoint).toBeUndefined();

    const sought = await session.seek(third.event.pt + 1);
    expect(sought.state).toBe('paused');
    expect(sought.processingTime).toBe(third.event.pt + 1);
    expect(session.pausedAt()).toBeNull();
    expect(batches.some((b) => b.breakpoint !== undefined)).toBe(false);

    // Playing again stops at the next hit after where the seek left it.
    const next = [...lates(seen), ...firings(seen)]
      .filter((s) => s.event.pt > third.event.pt + 1)
      .sort((a, b) => a.event.pt - b.event.pt)[0]!;
    const stop = await playToStop(session, batches);
    expect(stop.progress.processingTime).toBe(next.event.pt);
    expect(stop.progress.recordsProcessed).toBe(next.records);

    await session.reset();
    expect(session.pausedAt()).toBeNull();
    expect(batches.at(-1)!.breakpoint).toBeUndefined();
  });

  it('crosses a real MessageChannel: set over the API, the hit on the batch of the pause', async () => {
    const { port1, port2 } = new MessageChannel();
    Comlink.expose(createEngineApi(), port1);
    const remote = connectEngine(port2);
    const batches: SessionBatch[] = [];
    const started = await remote.start(
      doc,
      config,
      Comlink.proxy((batch: SessionBatch) => void batches.push(batch)),
    );
    expect(started.ok).toBe(true);
    await remote.setBreakpoints({ ...NO_BREAKPOINTS, windowFires: true });
    await remote.play();
    for (let i = 0; i < 2000 && !batches.some((b) => b.breakpoint !== undefined); i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const stop = batches.find((b) => b.breakpoint !== undefined)!;
    const first = firings(seen)[0]!;
    expectHitAt(stop, first);
    expect(await remote.pausedAt()).toEqual(stop.breakpoint);
    await remote.step('record');
    expect(await remote.pausedAt()).toBeNull();
    port1.close();
    port2.close();
  });
});
