import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { RunPage } from './pages/run.page.mjs';
import { ROOT, startApp } from './support/app.mjs';

const CLICKS = fileURLToPath(new URL('./fixtures/clicks-per-user.tidemark.json', import.meta.url));
const SEED = 7;

/**
 * @typedef {{ event: any, records: number, index: number }} Seen
 * A trace event of the CLI's run, with the source records read before it and its position.
 */

/** `npm run engine -- run <file> --seed 7 --trace`: every trace event, in order. */
async function cliTrace() {
  const { stdout } = await promisify(execFile)(
    'npx',
    ['tsx', 'src/cli/engine.ts', 'run', CLICKS, '--seed', String(SEED), '--trace'],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
  );
  /** @type {Seen[]} */
  const seen = [];
  let records = 0;
  for (const line of stdout.split('\n')) {
    if (line.trim() === '') continue;
    const parsed = JSON.parse(line);
    if (parsed.type !== 'trace') continue;
    const event = parsed.event;
    if (event.type === 'record' && event.dir === 'out' && event.op === 'clicks') records++;
    seen.push({ event, records, index: seen.length });
  }
  return seen;
}

/** Seconds as the banner writes a moment: 9999 → "9.999 s". @param {number} ms */
const seconds = (ms) => (ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(3))} s`);

/** The count a window emitted: its value, or the value field of what it emitted. @param {any} r */
const countOf = (r) => (typeof r === 'object' && r !== null ? r.value : r);

/**
 * Opens the app on the clicks fixture, with the bottom dock open on the timeline.
 * @param {import('./support/app.mjs').App} app
 * @param {{ language?: string }} [options]
 */
async function openClicks(app, { language = 'en' } = {}) {
  const opened = await app.open({ viewport: { width: 1440, height: 900 } });
  await opened.page.addInitScript(
    ({ language }) => {
      localStorage.setItem(
        'tidemark.prefs',
        JSON.stringify({ theme: 'light', dockHeight: 400, bottomOpen: true }),
      );
      localStorage.setItem('tidemark.language', language);
    },
    { language },
  );
  const editor = new EditorPage(opened.page);
  await editor.goto(app.url);
  await editor.importFile(CLICKS);
  await opened.page.waitForFunction(() =>
    /** @type {any} */ (window).__tidemark.document().name.includes('run tests'),
  );
  await editor.settled();
  return { ...opened, editor, run: new RunPage(opened.page) };
}

describe('breakpoints', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;
  /** @type {Promise<Seen[]>} */
  let trace;

  before(async () => {
    trace = cliTrace();
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('pauses on each late record the CLI finds, then on window firings, and shows them', async () => {
    const { page, errors, editor, run } = await openClicks(app);
    await run.configure('event', SEED, '1000');
    await run.setBreakpoints({ lateRecord: true });
    assert.equal(await page.getByTestId('breakpoints-count').textContent(), '1');
    await page.getByTestId('breakpoints').click();
    await editor.noticeGone();
    await app.screenshot(page, 'breakpoints-menu');
    await page.keyboard.press('Escape');
    await run.openTab('timeline');
    await run.run();

    const seen = await trace;
    const lates = seen.filter((s) => s.event.type === 'late');
    assert.ok(lates.length >= 2, 'the fixture has late records');

    // The first late record: the banner names it, and the run stopped right after it.
    let hit = await run.waitForBreakpoint();
    const [first, second] = lates;
    const expectLate = async (/** @type {any} */ hit, /** @type {Seen} */ late) => {
      assert.equal(hit.kind, 'lateRecord');
      assert.equal(hit.recordsProcessed, late.records);
      assert.equal(hit.eventTime, late.event.ts);
      assert.equal(hit.watermark, late.event.watermark);
      assert.equal(hit.processingTime, late.event.pt);
      const progress = await run.call('progress');
      assert.equal(progress.recordsProcessed, late.records, 'no record after the late one ran');
      assert.equal(progress.processingTime, late.event.pt);
      const title = (await page.getByTestId('breakpoint-title').textContent()) ?? '';
      assert.equal(
        title,
        `Paused: record #${late.records} (event time ${seconds(late.event.ts)}) is late: ` +
          `the watermark was ${seconds(late.event.watermark)}; it went to the late side output`,
      );
    };
    await expectLate(hit, first);
    const timeline = await run.call('timeline');
    assert.equal(timeline.late, 1, 'the trace stops at the late record');
    assert.deepEqual(timeline.breakpoint, {
      kind: 'lateRecord',
      processingTime: first.event.pt,
      operator: 'per-10s',
      firing: null,
    });

    await page.getByTestId('breakpoint-show').click();
    await editor.noticeGone();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await app.screenshot(page, 'breakpoint-late');

    await run.continue();
    hit = await run.waitForBreakpoint(hit);
    await expectLate(hit, second);

    // Now windows: each Continue stops at the next firing after where the run is.
    await run.setBreakpoints({ lateRecord: false, windowFires: true });
    let at = second.index;
    for (let i = 0; i < 2; i++) {
      const firing = seen.find(
        (s) => s.index > at && s.event.type === 'window' && s.event.action === 'fired',
      );
      assert.ok(firing !== undefined);
      await run.continue();
      hit = await run.waitForBreakpoint(hit);
      assert.equal(hit.kind, 'windowFires');
      assert.deepEqual(
        [hit.key, hit.start, hit.end, hit.processingTime, hit.recordsProcessed],
        [firing.event.key, firing.event.start, firing.event.end, firing.event.pt, firing.records],
      );
      assert.equal(
        await page.getByTestId('breakpoint-title').textContent(),
        `Paused: window [${seconds(firing.event.start)}, ${seconds(firing.event.end)}) for key ` +
          `“${firing.event.key}” fired with count ${countOf(firing.event.result)}`,
      );
      at = firing.index;
    }
    await page.getByTestId('breakpoint-show').click();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await app.screenshot(page, 'breakpoint-window');

    // Seeking re-runs without stopping, and the banner goes.
    await page.getByTestId('run-reset').click();
    await page.getByTestId('breakpoint-notice').waitFor({ state: 'detached' });
    assert.equal(await run.call('pausedAt'), null);
    assert.deepEqual(errors, []);
  });

  it('at a firing among those of one instant, holds back the later ones’ results, pins the hit and steps to the next', async () => {
    const { page, errors, editor, run } = await openClicks(app);
    await run.configure('event', SEED, '1000');
    await run.setBreakpoints({ windowFires: true });
    await run.openTab('timeline');
    await run.run();

    const seen = await trace;
    const firings = seen.filter((s) => s.event.type === 'window' && s.event.action === 'fired');
    const instant = firings.filter((f) => f.event.pt === firings[0].event.pt);
    assert.ok(instant.length >= 3, 'the first watermark past a window end fires several');

    /** The run's results, its timeline and its marker agree at the hit of `firing`. */
    const expectPausedAt = async (
      /** @type {any} */ hit,
      /** @type {Seen} */ firing,
      /** @type {number} */ n,
    ) => {
      assert.deepEqual(
        [hit.key, hit.start, hit.processingTime],
        [firing.event.key, firing.event.start, firing.event.pt],
      );
      const timeline = await run.call('timeline');
      assert.equal(timeline.firings.length, n, 'the trace stops at the firing');
      const counts = (await run.call('results')).filter(
        (/** @type {any} */ r) => r.sink === 'counts',
      );
      assert.deepEqual(
        counts.map((/** @type {any} */ r) => [r.value.key, countOf(r.value)]),
        timeline.firings.map((/** @type {any} */ f) => [f.key, countOf(f.result)]),
        'the sinks got what the fired windows emitted, no more',
      );
      assert.deepEqual(timeline.breakpoint, {
        kind: 'windowFires',
        processingTime: firing.event.pt,
        operator: 'per-10s',
        firing: timeline.firings.find((/** @type {any} */ f) => f.key === firing.event.key),
      });
    };

    let hit = await run.waitForBreakpoint();
    await expectPausedAt(hit, instant[0], 1);
    await run.openTab('results');
    assert.equal((await run.resultRows('counts')).length, 1, 'the Results table holds one row');
    await run.openTab('timeline');
    await page.getByTestId('breakpoint-show').click();
    await editor.noticeGone();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const shot = await app.screenshot(page, 'breakpoint-marker');
    const panel = page.getByTestId('timeline-panel');
    await panel.screenshot({ path: shot.replace('marker', 'marker-diagram') });
    await page.getByRole('button', { name: 'Subtasks' }).click();
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await panel.screenshot({ path: shot.replace('marker', 'marker-lanes') });
    await page.getByRole('button', { name: 'Event time', exact: true }).click();

    // Step to next firing: the next of the same instant, not the next watermark's.
    hit = await run.stepFiringFrom(hit);
    await expectPausedAt(hit, instant[1], 2);
    // Continue: the one after it, and the results of those still held come with it.
    await run.continue();
    hit = await run.waitForBreakpoint(hit);
    await expectPausedAt(hit, instant[2], 3);
    await run.openTab('results');
    assert.equal((await run.resultRows('counts')).length, 3);

    await run.setBreakpoints({ windowFires: false });
    await run.continue();
    await run.waitFor(['finished']);
    assert.equal((await run.call('timeline')).breakpoint, null, 'the marker goes with the pause');
    assert.equal((await run.resultRows('counts')).length, firings.length);
    assert.deepEqual(errors, []);
  });

  it('pauses when a checkpoint completes, with its id, in Chinese', async () => {
    const { page, errors, editor, run } = await openClicks(app, { language: 'zh-CN' });
    await page.evaluate(() =>
      /** @type {any} */ (window).__tidemark.run.setConfig({
        seed: 7,
        speed: 1000,
        checkpointing: { mode: 'exactly-once', intervalMs: 5000, retained: 2 },
      }),
    );
    await run.setBreakpoints({ checkpointCompletes: true });
    await run.openTab('timeline');
    await run.run();

    let hit = await run.waitForBreakpoint();
    assert.equal(hit.kind, 'checkpointCompletes');
    assert.equal(hit.checkpoint.id, 1);
    assert.equal(hit.processingTime, 5000);
    const seen = await trace;
    const arrived = (/** @type {number} */ pt) =>
      seen.filter(
        (s) =>
          s.event.type === 'record' &&
          s.event.dir === 'out' &&
          s.event.op === 'clicks' &&
          s.event.pt < pt,
      ).length;
    assert.equal((await run.call('progress')).recordsProcessed, arrived(5000));
    const title = (await page.getByTestId('breakpoint-title').textContent()) ?? '';
    assert.match(title, /^已暂停：检查点 1 已完成，大小 [\d.]+ (B|kB)$/);

    await run.continue();
    hit = await run.waitForBreakpoint(hit);
    assert.equal(hit.checkpoint.id, 2);
    assert.equal(hit.processingTime, 10_000);
    assert.equal((await run.call('progress')).recordsProcessed, arrived(10_000));
    assert.deepEqual((await run.call('timeline')).breakpoint, {
      kind: 'checkpointCompletes',
      processingTime: 10_000,
      operator: null,
      firing: null,
    });
    await editor.noticeGone();
    await app.screenshot(page, 'breakpoint-checkpoint-zh');

    // The breakpoints are still set after a reload.
    await page.reload();
    await editor.settled();
    assert.equal(await page.getByTestId('breakpoints-count').textContent(), '1');
    assert.deepEqual(await run.call('breakpoints'), {
      windowFires: false,
      lateRecord: false,
      checkpointCompletes: true,
      operatorUid: null,
    });
    assert.deepEqual(errors, []);
  });
});
