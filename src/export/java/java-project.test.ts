import { parse } from 'java-parser';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { ExportOptions } from '../options';
import { pipelineFiles, readPipeline } from '../pipelines.test-util';
import { generateJavaProject, MAIN_JAVA_PATH } from './java-project';

const mainJava = (doc: PipelineDocument, options: Partial<ExportOptions> = {}) =>
  generateJavaProject(doc, options).files.find((f) => f.path === MAIN_JAVA_PATH)!.content;

const VARIANTS: Partial<ExportOptions>[] = [
  {},
  { timeMode: 'processing', stateBackend: 'rocksdb', checkpointMode: 'at-least-once' },
  { checkpointIntervalMs: null, parallelism: 4 },
];

/**
 * Golden Main.java files for three representative pipelines. After an intended change to the
 * generator, rewrite them with `npx vitest run src/export -u` and review the diff.
 */
const GOLDEN = [
  ['examples/clickstream-tumbling.json', 'clickstream-tumbling.Main.java'],
  ['src/export/__golden__/sessions-sliding-code.pipeline.json', 'sessions-sliding-code.Main.java'],
  ['src/export/__golden__/union-filter-map.pipeline.json', 'union-filter-map.Main.java'],
] as const;

describe('Main.java parses as Java', () => {
  for (const { path, doc } of pipelineFiles()) {
    it(path, () => {
      for (const options of VARIANTS) expect(() => parse(mainJava(doc, options))).not.toThrow();
    });
  }

  it('throws on a syntax error, so the checks above can fail', () => {
    const java = mainJava(readPipeline('examples/clickstream-tumbling.json'));
    expect(() => parse(java)).not.toThrow();
    expect(() => parse(java.replace('env.setParallelism(1);', 'env.setParallelism(1)'))).toThrow(
      /parsing errors/,
    );
    expect(() => parse(java.replace('.filter(r ->', '.filter(r =>'))).toThrow(/parsing errors/);
  });
});

describe('golden Main.java', () => {
  for (const [pipeline, golden] of GOLDEN) {
    it(golden, async () => {
      await expect(mainJava(readPipeline(pipeline))).toMatchFileSnapshot(`../__golden__/${golden}`);
    });
  }
});

describe('generateJavaProject', () => {
  const clicks = readPipeline('examples/clickstream-tumbling.json');
  const sessions = readPipeline('src/export/__golden__/sessions-sliding-code.pipeline.json');
  const orders = readPipeline('src/export/__golden__/union-filter-map.pipeline.json');

  it('gives every operator its playground uid; keyBy and union are not operators in Flink', () => {
    for (const doc of [clicks, sessions, orders]) {
      const java = mainJava(doc);
      for (const node of doc.nodes) {
        const uid = `.uid("${node.uid}")`;
        if (node.kind === 'keyBy' || node.kind === 'union') expect(java).not.toContain(uid);
        else expect(java).toContain(uid);
      }
    }
  });

  it('writes the watermark strategy, the window, lateness and the late side output', () => {
    const java = mainJava(clicks);
    expect(java).toContain(
      'WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(1000L))',
    );
    expect(java).toContain('.window(TumblingEventTimeWindows.of(Duration.ofMillis(10000L)))');
    expect(java).toContain('.sideOutputLateData(per10sLateTag)');
    expect(java).toContain('DataStream<Event> per10sLate = per10s.getSideOutput(per10sLateTag);');
    expect(java).toContain('per10sLate\n            .print("late clicks")');
    const sessionsJava = mainJava(sessions);
    expect(sessionsJava).toContain('.withIdleness(Duration.ofMillis(5000L))');
    expect(sessionsJava).toContain('.allowedLateness(Duration.ofMillis(2000L))');
    expect(sessionsJava).toContain('EventTimeSessionWindows.withGap(Duration.ofMillis(3000L))');
    expect(sessionsJava).toContain(
      'SlidingEventTimeWindows.of(Duration.ofMillis(30000L), Duration.ofMillis(10000L))',
    );
  });

  it('translates simple functions into Java', () => {
    const java = mainJava(sessions) + mainJava(orders);
    expect(java).toContain('.map(r -> r.with("fahrenheit", (((r.num("value") * 9) / 5) + 32)))');
    expect(java).toContain('.keyBy(r -> r.str("sensor"), Types.STRING)');
    expect(java).toContain(
      '.reduce((a, b) -> b.with("clicks", (a.num("clicks") + b.num("clicks"))), new WindowResult<>())',
    );
    expect(java).toContain('.filter(r -> (r.num("amount") >= 10))');
    expect(java).toContain(
      '.map(r -> r.with("label", ((r.str("region") + ":") + r.str("amount"))).with("big", (r.num("amount") > 20)))',
    );
    expect(java).toContain('DataStream<Event> allOrders = euOrders.union(usAmount.rebalance());');
  });

  it('leaves a marked TODO with the original code where a function is not a simple expression', () => {
    const result = generateJavaProject(sessions);
    const java = result.files[1]!.content;
    expect(java).toContain(
      '// TODO: translate the JavaScript function of "one-per-page" into Java. It was:\n' +
        '        //   (r) => r.pages.map((page) => ({ ...r, page }))',
    );
    expect(java).toContain('Main.<Event>todo("one-per-page")');
    expect(result.unsupported).toEqual([
      expect.objectContaining({ nodeUid: 'one-per-page', what: 'FlatMap function' }),
    ]);
  });

  it('configures checkpointing, the state backend and parallelism from the options', () => {
    const java = mainJava(clicks, {
      parallelism: 8,
      stateBackend: 'rocksdb',
      checkpointIntervalMs: 30000,
      checkpointMode: 'at-least-once',
    });
    expect(java).toContain('env.setParallelism(8);');
    expect(java).toContain('env.enableCheckpointing(30000L, CheckpointingMode.AT_LEAST_ONCE);');
    expect(java).toContain('env.setStateBackend(new EmbeddedRocksDBStateBackend());');
    expect(java).toContain(
      'import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;',
    );
    expect(mainJava(clicks)).toContain('env.setStateBackend(new HashMapStateBackend());');
    expect(mainJava(clicks, { checkpointIntervalMs: null })).not.toContain('enableCheckpointing');
  });

  it('uses processing-time windows and no watermarks on processing time', () => {
    const java = mainJava(clicks, { timeMode: 'processing' });
    expect(java).toContain('WatermarkStrategy.<Event>noWatermarks()');
    expect(java).toContain('TumblingProcessingTimeWindows.of(Duration.ofMillis(10000L))');
    expect(java).not.toContain('sideOutputLateData');
  });

  it('writes count windows with countWindow', () => {
    const doc = structuredClone(clicks);
    doc.nodes.find((n) => n.uid === 'per-10s')!.params = { assigner: 'count', count: 5 };
    const java = mainJava(doc);
    expect(java).toContain('.countWindow(5L)');
    expect(() => parse(java)).not.toThrow();
  });

  it('states the Flink version and shades the job in pom.xml', () => {
    const pom = generateJavaProject(clicks, { stateBackend: 'rocksdb' }).files[0]!;
    expect(pom.path).toBe('pom.xml');
    expect(pom.content).toContain('<flink.version>1.20.0</flink.version>');
    expect(pom.content).toContain('<artifactId>maven-shade-plugin</artifactId>');
    expect(pom.content).toContain('<mainClass>tidemark.job.Main</mainClass>');
    expect(pom.content).toContain('<artifactId>flink-statebackend-rocksdb</artifactId>');
    expect(pom.content).toContain('<artifactId>clicks-per-user-10-s-tumbling-windows</artifactId>');
  });
});

describe('a scripted input in Java', () => {
  const doc: PipelineDocument = {
    version: 1,
    name: 'script',
    nodes: [
      {
        uid: 'script',
        kind: 'source.script',
        params: {
          steps: [
            { add: [{ key: 'a', ts: 1_000 }] },
            { advanceProcessingTime: 500 },
            { advanceWatermark: 9_999 },
            { add: [{ key: 'a', ts: 2_000 }] },
            { advanceWatermarkToInfinity: true },
          ],
        },
        parallelism: 3,
      },
      { uid: 'out', kind: 'sink', params: {} },
    ],
    edges: [{ id: 'e', source: 'script', target: 'out' }],
  };

  it('replays the steps in order from a one-subtask source that emits its own watermarks', () => {
    const java = mainJava(doc);
    expect(() => parse(java)).not.toThrow();
    const steps = java.slice(
      java.indexOf('new ScriptedSource(true,'),
      java.indexOf('"Scripted input",'),
    );
    expect(
      steps
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.startsWith('Step.')),
    ).toEqual([
      'Step.add(1000L, "key", "a", "ts", 1000),',
      'Step.advanceProcessingTime(500L),',
      'Step.advanceWatermark(9999L),',
      'Step.add(2000L, "key", "a", "ts", 2000),',
      'Step.advanceWatermarkToInfinity()),',
    ]);
    expect(java).toContain('.setParallelism(1);');
    expect(java).not.toContain('.setParallelism(3)');
    expect(java).toContain('public static class ScriptedSource implements SourceFunction<Event>');
    expect(java).toContain('ctx.emitWatermark(new Watermark(step.timestamp));');
    // No strategy on top: the script's watermarks are the only ones.
    expect(java).not.toContain('assignTimestampsAndWatermarks');
  });

  it('keeps an unbounded script open', () => {
    const open = structuredClone(doc);
    open.nodes[0]!.params.bounded = false;
    expect(mainJava(open)).toContain('new ScriptedSource(false,');
  });
});
