import { FlinkSQL } from 'dt-sql-parser';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { ExportOptions } from '../options';
import { pipelineFiles, readPipeline } from '../pipelines.test-util';
import { generateFlinkSql } from './flink-sql';

const parser = new FlinkSQL();
const sqlOf = (doc: PipelineDocument, options: Partial<ExportOptions> = {}) =>
  generateFlinkSql(doc, options).files[0]!.content;

const VARIANTS: Partial<ExportOptions>[] = [
  {},
  { timeMode: 'processing', stateBackend: 'rocksdb', checkpointMode: 'at-least-once' },
  { checkpointIntervalMs: null, parallelism: 4 },
];

const files = pipelineFiles();

describe('Flink SQL parses with a Flink grammar', () => {
  it('finds the examples, the e2e fixtures and the golden pipelines', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('examples/clickstream-tumbling.json');
    expect(paths).toContain('e2e/fixtures/clicks-per-user.tidemark.json');
    expect(paths).toContain('src/export/__golden__/union-filter-map.pipeline.json');
    expect(paths).not.toContain('e2e/fixtures/not-a-pipeline.json');
  });

  for (const { path, doc } of files) {
    it(path, () => {
      for (const options of VARIANTS) {
        expect(parser.validate(sqlOf(doc, options)), JSON.stringify(options)).toEqual([]);
      }
    });
  }

  it('reports a syntax error, so the checks above can fail', () => {
    const sql = sqlOf(readPipeline('examples/clickstream-tumbling.json'));
    const broken = sql.replace('GROUP BY', 'GROUP');
    expect(broken).not.toEqual(sql);
    expect(parser.validate(broken).length).toBeGreaterThan(0);
    expect(parser.validate(sql.replace(/\)\)\nGROUP/, ')\nGROUP')).length).toBeGreaterThan(0);
  });
});

describe('generateFlinkSql', () => {
  const clicks = readPipeline('examples/clickstream-tumbling.json');
  const sessions = readPipeline('src/export/__golden__/sessions-sliding-code.pipeline.json');
  const orders = readPipeline('src/export/__golden__/union-filter-map.pipeline.json');

  it('windows with the TUMBLE TVF, grouped by key and window, with a matching watermark', () => {
    const sql = sqlOf(clicks);
    expect(sql).toContain(
      "TUMBLE(TABLE `only_clicks`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND)",
    );
    expect(sql).toContain('GROUP BY `user`, window_start, window_end, window_time');
    // Bounded out-of-orderness of 1 s trails by 1 s + 1 ms, as Flink's DataStream watermarks do.
    expect(sql).toContain("WATERMARK FOR `event_time` AS `event_time` - INTERVAL '1.001' SECOND");
    expect(sql).toContain("WHERE (`action` <> 'purchase')");
    expect(sql).toContain("'connector' = 'datagen'");
    expect(sql).toContain("'rows-per-second' = '20'");
    expect(sql).toContain("'number-of-rows' = '200'");
  });

  it('sets the job configuration from the options', () => {
    const sql = sqlOf(clicks, {
      parallelism: 3,
      stateBackend: 'rocksdb',
      checkpointIntervalMs: 5000,
      checkpointMode: 'at-least-once',
    });
    expect(sql).toContain("SET 'parallelism.default' = '3';");
    expect(sql).toContain("SET 'state.backend.type' = 'rocksdb';");
    expect(sql).toContain("SET 'execution.checkpointing.interval' = '5000 ms';");
    expect(sql).toContain("SET 'execution.checkpointing.mode' = 'AT_LEAST_ONCE';");
    expect(sqlOf(clicks, { checkpointIntervalMs: null })).not.toContain('checkpointing.interval');
    expect(sqlOf(orders)).toContain("SET 'table.exec.source.idle-timeout' = '2000 ms';");
  });

  it('lists the late side output it cannot express, and leaves out the late sink', () => {
    const result = generateFlinkSql(clicks);
    expect(result.unsupported).toEqual([
      expect.objectContaining({ nodeUid: 'per-10s', what: 'Late-data side output' }),
    ]);
    expect(result.files[0]!.content).toContain('-- Sink "late" is left out');
    expect(result.files[0]!.content.match(/INSERT INTO/g)).toHaveLength(1);
  });

  it('uses HOP, and comments what SQL has no equivalent for at its spot', () => {
    const result = generateFlinkSql(sessions);
    const sql = result.files[0]!.content;
    expect(sql).toContain(
      "HOP(TABLE `fahrenheit`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND, INTERVAL '30' SECOND)",
    );
    expect(sql).toContain('(((`value` * 9) / 5) + 32) AS `fahrenheit`');
    expect(sql).toContain('AVG(CAST(`fahrenheit` AS DOUBLE))');
    expect(sql).toContain('Allowed lateness (2000 ms) has no SQL equivalent');
    expect(sql).toContain('--   (r) => r.pages.map((page) => ({ ...r, page }))');
    expect(result.unsupported.map((u) => `${u.nodeUid}: ${u.what}`)).toEqual([
      'avg-30s: Allowed lateness',
      'visits: Fields pages',
      'one-per-page: FlatMap function',
      'sessions: Late-data side output',
      'sessions: Reduce function',
    ]);
  });

  it('writes session windows per key, with the SESSION TVF form beside them', () => {
    const doc = structuredClone(sessions);
    const window = doc.nodes.find((n) => n.uid === 'sessions')!;
    window.params = { ...window.params, aggregate: 'count' };
    const sql = sqlOf(doc);
    expect(sql).toContain("GROUP BY `user`, SESSION(`event_time`, INTERVAL '3' SECOND)");
    expect(sql).toContain("SESSION_START(`event_time`, INTERVAL '3' SECOND) AS `start`");
    expect(sql).toContain(
      '-- As a windowing TVF (Flink 1.19+): FROM TABLE(SESSION(TABLE `one_per_page` PARTITION BY `user`,',
    );
    expect(parser.validate(sql)).toEqual([]);
  });

  it('reads a list source from a JSON lines file, in arrival order', () => {
    const result = generateFlinkSql(orders);
    const data = result.files.find((f) => f.path === 'data/eu_orders.jsonl');
    expect(data?.content.trim().split('\n')).toHaveLength(4);
    expect(JSON.parse(data!.content.split('\n')[0]!)).toEqual({
      region: 'eu',
      amount: 12.5,
      ts: 0,
      at: 0,
    });
    const sql = result.files[0]!.content;
    expect(sql).toContain("'connector' = 'filesystem'");
    expect(sql).toContain('`event_time` AS TO_TIMESTAMP_LTZ(`ts`, 3)');
    // Monotonous timestamps: the watermark trails by 1 ms.
    expect(sql).toContain("AS `event_time` - INTERVAL '0.001' SECOND");
  });

  it('unions, filters and maps with SQL expressions', () => {
    const sql = sqlOf(orders);
    expect(sql).toContain('UNION ALL');
    expect(sql).toContain('WHERE (`amount` >= 10)');
    expect(sql).toContain(
      "((CAST(`region` AS STRING) || ':') || CAST(`amount` AS STRING)) AS `label`",
    );
    expect(sql).toContain('(`amount` > 20) AS `big`');
    expect(sql).toContain("'us' AS `region`");
    expect(sql).toContain(
      "TUMBLE(TABLE `tagged`, DESCRIPTOR(`event_time`), INTERVAL '5' SECOND, INTERVAL '1' SECOND)",
    );
    expect(generateFlinkSql(orders).unsupported).toEqual([]);
  });

  it('windows on processing time when the run does', () => {
    const sql = sqlOf(clicks, { timeMode: 'processing' });
    expect(sql).toContain('`proc_time` AS PROCTIME()');
    expect(sql).toContain('DESCRIPTOR(`proc_time`)');
    expect(sql).not.toContain('WATERMARK');
  });

  it('comments a count window and leaves out what reads it', () => {
    const doc = structuredClone(clicks);
    const window = doc.nodes.find((n) => n.uid === 'per-10s')!;
    window.params = { assigner: 'count', count: 5 };
    const result = generateFlinkSql(doc);
    expect(result.unsupported).toContainEqual(
      expect.objectContaining({ nodeUid: 'per-10s', what: 'Count window' }),
    );
    expect(result.files[0]!.content).not.toContain('INSERT INTO');
    expect(parser.validate(result.files[0]!.content)).toEqual([]);
  });

  it('exports what it can of a half-drawn pipeline', () => {
    const doc: PipelineDocument = {
      ...clicks,
      edges: clicks.edges.filter((e) => e.id !== 'e2'),
    };
    const result = generateFlinkSql(doc);
    expect(result.unsupported.map((u) => u.nodeUid)).toEqual(
      expect.arrayContaining(['by-user', 'per-10s', 'counts', 'late']),
    );
    expect(parser.validate(result.files[0]!.content)).toEqual([]);
  });
});

describe('a scripted input in SQL', () => {
  const doc = (steps: unknown[]): PipelineDocument => ({
    version: 1,
    name: 'script',
    nodes: [
      { uid: 'script', kind: 'source.script', params: { steps } as never },
      { uid: 'out', kind: 'sink', params: {} },
    ],
    edges: [{ id: 'e', source: 'script', target: 'out' }],
  });

  it('reads its records in script order from a file, and lists its steps as unsupported', () => {
    const result = generateFlinkSql(
      doc([
        { add: [{ key: 'b', ts: 5_000 }] },
        { advanceWatermark: 4_000 },
        { add: [{ key: 'a', ts: 1_000 }] },
      ]),
    );
    expect(parser.validate(result.files[0]!.content)).toEqual([]);
    expect(result.files.find((f) => f.path.endsWith('.jsonl'))?.content).toBe(
      '{"key":"b","ts":5000}\n{"key":"a","ts":1000}\n',
    );
    expect(result.unsupported.map((u) => [u.nodeUid, u.reason])).toEqual([
      ['script', 'scriptSteps'],
    ]);
  });

  it('says nothing is missing when the script only adds records', () => {
    const result = generateFlinkSql(doc([{ add: [{ key: 'a', ts: 1_000 }] }]));
    expect(result.unsupported).toEqual([]);
  });
});
