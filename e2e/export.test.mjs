import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { EditorPage } from './pages/editor.page.mjs';
import { ExportPage } from './pages/export.page.mjs';
import { startApp } from './support/app.mjs';

const CLIPBOARD = { permissions: ['clipboard-read', 'clipboard-write'] };

describe('export to Flink', () => {
  /** @type {import('./support/app.mjs').App} */
  let app;

  before(async () => {
    app = await startApp();
  });

  after(async () => {
    await app?.close();
  });

  it('shows the starter pipeline as Flink SQL and as a Java project, and follows edits', async () => {
    const { page, errors } = await app.open({
      ...CLIPBOARD,
      viewport: { width: 1280, height: 860 },
    });
    const editor = new EditorPage(page);
    await editor.goto(app.url);
    await page.getByTestId('theme').selectOption('light');
    const panel = new ExportPage(page);

    await panel.open();
    assert.ok((await panel.highlighted()) > 10, 'the SQL is highlighted');
    assert.deepEqual(await panel.files(), ['pipeline.sql']);
    const sql = await panel.copiedCode();
    assert.match(
      sql,
      /FROM TABLE\(\n {2}TUMBLE\(TABLE `only_clicks`, DESCRIPTOR\(`event_time`\), INTERVAL '10' SECOND\)\)/,
    );
    assert.match(sql, /GROUP BY `user`, window_start, window_end, window_time/);
    assert.match(sql, /WATERMARK FOR `event_time` AS `event_time` - INTERVAL '1.001' SECOND/);
    assert.deepEqual(await panel.unsupported(), [
      "per-10s Late-data side output · SQL drops late records. The Java job sends them to the late port's sink with sideOutputLateData.",
    ]);
    await app.screenshot(page, 'export-sql-light');

    await panel.showTarget('java');
    assert.deepEqual(await panel.files(), ['pom.xml', 'src/main/java/tidemark/job/Main.java']);
    assert.equal(await panel.shownPath(), 'src/main/java/tidemark/job/Main.java');
    assert.ok((await panel.highlighted()) > 10, 'the Java is highlighted');
    const java = await panel.copiedCode();
    assert.match(java, /\.window\(TumblingEventTimeWindows\.of\(Duration\.ofMillis\(10000L\)\)\)/);
    assert.match(java, /\.sideOutputLateData\(per10sLateTag\)/);
    for (const uid of ['clicks', 'only-clicks', 'per-10s', 'counts', 'late']) {
      assert.ok(java.includes(`.uid("${uid}")`), `${uid} keeps its uid`);
    }
    assert.equal(await panel.complete(), true, 'Java expresses the whole starter');
    await app.screenshot(page, 'export-java-light');

    await panel.showFile('pom.xml');
    assert.match(await panel.copiedCode(), /<flink\.version>1\.20\.0<\/flink\.version>/);
    const zip = await panel.downloadProject();
    assert.equal(zip.name, 'clicks-per-user-10-s-tumbling-windows.zip');
    assert.equal((await readFile(zip.path)).subarray(0, 2).toString('latin1'), 'PK');
    await panel.close();

    // In Simplified Chinese, the panel and its list speak Chinese too.
    await page.getByTestId('language').selectOption('zh-CN');
    await panel.open();
    assert.equal(
      await panel.dialog.getByRole('heading', { level: 2 }).textContent(),
      '导出到 Flink',
    );
    assert.match(
      (await panel.unsupported())[0] ?? '',
      /^per-10s 迟到数据侧输出 · SQL 会丢弃迟到记录/,
    );
    await app.screenshot(page, 'export-sql-zh-CN');
    await panel.close();
    await page.getByTestId('language').selectOption('en');

    // The export follows the pipeline: with late output off, nothing is left unexpressed.
    await editor.select('per-10s');
    await editor.inspector.getByTestId('param-lateOutput').uncheck();
    await editor.settled();
    await panel.open();
    assert.equal(await panel.complete(), true);
    await panel.showTarget('java');
    assert.doesNotMatch(await panel.copiedCode(), /sideOutputLateData/);

    assert.deepEqual(errors, []);
  });
});
