/**
 * Main.java: the pipeline as a Flink DataStream job. Each node becomes one statement in
 * main() with `.uid(<the playground's uid>)` and `.name(<its label>)`, so a savepoint's
 * operator state lines up with the playground's operators by the same ids.
 */
import type { JsonValue, PipelineDocument } from '../../engine/pipeline/document';
import {
  parseExpression,
  parseFunction,
  literal,
  type Expr,
  type SimpleFunction,
} from '../expression';
import { commentText, NameAllocator } from '../names';
import { FLINK_VERSION, type ExportOptions, type Unsupported } from '../options';
import { inArrivalOrder } from '../sql/sources';
import { heading, param, topologyOf, type ExportNode, type NodeInput } from '../topology';
import { javaExpr, javaString, NotInJava, type JavaWant } from './java-expr';
import { SUPPORT_IMPORTS, supportSource, type SupportClass } from './support';

export const JAVA_PACKAGE = 'tidemark.job';

interface JavaStream {
  variable: string;
  keyed: boolean;
}

const I = '        ';
const JAVA_KEYWORDS = new Set(
  'abstract assert boolean break byte case catch char class const continue default do double else enum extends final finally float for goto if implements import instanceof int interface long native new package private protected public return short static strictfp super switch synchronized this throw throws transient try void volatile while true false null var record yield'.split(
    ' ',
  ),
);

class JavaJob {
  readonly lines: string[] = [];
  readonly imports = new Set<string>([
    'org.apache.flink.streaming.api.datastream.DataStream',
    'org.apache.flink.streaming.api.environment.StreamExecutionEnvironment',
  ]);
  readonly support = new Set<SupportClass>();
  readonly unsupported: Unsupported[] = [];
  readonly names = new NameAllocator(['env', 'args', 'event', 'previous', 'out', ...JAVA_KEYWORDS]);
  private readonly streams = new Map<string, JavaStream>();

  constructor(readonly options: ExportOptions) {}

  get eventTime(): boolean {
    return this.options.timeMode === 'event';
  }

  stream(input: NodeInput): JavaStream | undefined {
    return this.streams.get(`${input.from}:${input.port}`);
  }

  setStream(uid: string, port: string, s: JavaStream): void {
    this.streams.set(`${uid}:${port}`, s);
  }

  use(...imports: string[]): void {
    for (const i of imports) this.imports.add(i);
  }

  emit(...lines: string[]): void {
    this.lines.push(...lines.map((l) => (l === '' ? '' : I + l)));
  }

  /** A marked TODO with the original code; the returned expression fails at run time. */
  todo(node: ExportNode, code: string, javaType: string, what: string): string {
    this.unsupported.push({
      nodeUid: node.uid,
      reason: 'javaTodo',
      what,
      why: 'the function is more than a simple field expression; Main.java has a TODO with its code',
    });
    this.support.add('todo');
    this.emit(
      `// TODO: translate the JavaScript function of "${commentText(node.uid)}" into Java. It was:`,
      ...code.split('\n').map((l) => `//   ${commentText(l)}`),
    );
    return `Main.<${javaType}>todo(${javaString(node.uid)})`;
  }
}

function isJavaName(name: string): boolean {
  return /^[A-Za-z_$][\w$]*$/.test(name) && !JAVA_KEYWORDS.has(name);
}

/** A one-expression lambda for the function, or null when it is beyond the subset. */
function lambda(
  fn: SimpleFunction | null,
  arity: number,
  want: JavaWant,
  records: boolean,
): string | null {
  if (fn === null || fn.params.length !== arity || !fn.params.every(isJavaName)) return null;
  if (records && !['object', 'param'].includes(fn.body.type)) return null;
  try {
    const params = arity === 1 ? fn.params[0]! : `(${fn.params.join(', ')})`;
    return `${params} -> ${javaExpr(fn.body, want)}`;
  } catch (e) {
    if (e instanceof NotInJava) return null;
    throw e;
  }
}

function duration(ms: number): string {
  return `Duration.ofMillis(${Math.round(ms)}L)`;
}

/** A JSON value from a list source's records as a Java expression. */
function jsonToJava(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return javaString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return Math.abs(value) < 2 ** 31 ? String(value) : `${value}L`;
    return Number.isFinite(value) ? `${value}d` : 'null';
  }
  if (Array.isArray(value)) return `Arrays.asList(${value.map(jsonToJava).join(', ')})`;
  return `Event.of(${Object.entries(value)
    .map(([k, v]) => `${javaString(k)}, ${jsonToJava(v)}`)
    .join(', ')}).fields`;
}

export function generateMainJava(
  doc: PipelineDocument,
  options: ExportOptions,
): { content: string; unsupported: Unsupported[] } {
  const job = new JavaJob(options);
  const topology = topologyOf(doc);
  for (const s of topology.skipped) {
    job.unsupported.push({
      nodeUid: s.uid,
      reason: 'leftOut',
      what: 'Operator left out',
      why: s.why,
    });
  }
  writeEnvironment(job, topology.ordered);
  for (const node of topology.ordered) {
    job.emit('');
    writeNode(job, node, (port) => topology.consumers(node.uid, port).length > 0);
  }
  job.emit('', `env.execute(${javaString(doc.name)});`);

  const needsArrays = job.lines.some((l) => l.includes('Arrays.asList('));
  if (needsArrays) job.use('java.util.Arrays');
  if (job.lines.some((l) => l.includes('Objects.equals('))) job.use('java.util.Objects');
  job.use(...SUPPORT_IMPORTS.Event);
  for (const s of job.support) job.use(...SUPPORT_IMPORTS[s]);

  const content = [
    `package ${JAVA_PACKAGE};`,
    '',
    ...[...job.imports].sort().map((i) => `import ${i};`),
    '',
    '/**',
    ` * ${commentText(doc.name)}: the pipeline as an Apache Flink ${FLINK_VERSION} DataStream job,`,
    ' * exported from Tidemark. Each operator keeps its playground uid, so state in savepoints is',
    ' * matched by the same ids.',
    ' */',
    'public class Main {',
    '',
    '    public static void main(String[] args) throws Exception {',
    ...job.lines,
    '    }',
    supportSource(job.support),
    '}',
    '',
  ].join('\n');
  return { content, unsupported: job.unsupported };
}

function writeEnvironment(job: JavaJob, nodes: readonly ExportNode[]): void {
  const o = job.options;
  job.emit(
    'StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();',
    `env.setParallelism(${o.parallelism});`,
  );
  if (o.checkpointIntervalMs === null) {
    job.emit('// Checkpointing is off, as in the run configuration.');
  } else {
    job.use('org.apache.flink.streaming.api.CheckpointingMode');
    const mode = o.checkpointMode === 'exactly-once' ? 'EXACTLY_ONCE' : 'AT_LEAST_ONCE';
    job.emit(`env.enableCheckpointing(${o.checkpointIntervalMs}L, CheckpointingMode.${mode});`);
  }
  if (o.stateBackend === 'rocksdb') {
    job.use('org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend');
    job.emit('env.setStateBackend(new EmbeddedRocksDBStateBackend());');
  } else {
    job.use('org.apache.flink.runtime.state.hashmap.HashMapStateBackend');
    job.emit('env.setStateBackend(new HashMapStateBackend());');
  }
  const periodic = nodes
    .filter((n) => n.params.watermarkEmit === 'periodic')
    .map((n) => param.num(n, 'watermarkIntervalMs'));
  if (job.eventTime && periodic.length > 0) {
    job.emit(`env.getConfig().setAutoWatermarkInterval(${Math.min(...periodic)}L);`);
  }
  // A script emits its own watermarks: only the other sources have a strategy to note.
  const sources = nodes.filter((n) => n.kind === 'source.list' || n.kind === 'source.generator');
  if (job.eventTime && periodic.length < sources.length) {
    job.emit(
      '// The playground emitted a watermark per record; Flink emits them every 200 ms by default.',
    );
  }
}

function writeNode(job: JavaJob, node: ExportNode, hasConsumers: (port: string) => boolean): void {
  if (node.kind === 'source.list' || node.kind === 'source.generator') {
    return writeSource(job, node);
  }
  if (node.kind === 'source.script') return writeScriptSource(job, node);
  const inputs = node.inputs.map((i) => ({ input: i, stream: job.stream(i)! }));
  const first = inputs[0]!;
  const from = (entry: (typeof inputs)[number]) =>
    entry.input.partitioning === 'rebalance'
      ? `${entry.stream.variable}.rebalance()`
      : entry.input.partitioning === 'broadcast'
        ? `${entry.stream.variable}.broadcast()`
        : entry.stream.variable;
  const variable = job.names.camel(node.uid, 'step');
  const finish = (chain: string[]) => {
    const tail = [`.uid(${javaString(node.uid)})`, `.name(${javaString(node.label)})`];
    if (node.parallelism !== undefined) tail.push(`.setParallelism(${node.parallelism})`);
    const all = [...chain, ...tail];
    all[all.length - 1] += ';';
    job.emit(...all.map((l, i) => (i === 0 ? l : `    ${l}`)));
  };
  job.emit(`// ${heading(node)}`);

  switch (node.kind) {
    case 'filter': {
      let body: string | null;
      if (param.str(node, 'mode') === 'compare') {
        const value = literal(node.params.value);
        const cond: Expr | null =
          value === null
            ? null
            : {
                type: 'binary',
                op: param.str(node, 'op') as '==',
                left: { type: 'field', record: 'r', name: param.str(node, 'field') },
                right: value,
              };
        body = cond === null ? null : tryJava(() => `r -> ${javaExpr(cond, 'bool')}`);
      } else {
        body = lambda(parseFunction(param.str(node, 'code')), 1, 'bool', false);
      }
      const fn =
        body ?? `r -> ${job.todo(node, param.str(node, 'code'), 'Boolean', 'Filter function')}`;
      job.use('org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator');
      finish([`SingleOutputStreamOperator<Event> ${variable} = ${from(first)}`, `.filter(${fn})`]);
      break;
    }
    case 'map': {
      let body: string | null;
      if (param.str(node, 'mode') === 'assign') {
        const expr = parseExpression(param.str(node, 'expression'), ['r']);
        const field = param.str(node, 'field');
        body =
          expr === null
            ? null
            : tryJava(() => `r -> r.with(${javaString(field)}, ${javaExpr(expr, 'any')})`);
      } else {
        body = lambda(parseFunction(param.str(node, 'code')), 1, 'any', true);
      }
      const original =
        param.str(node, 'mode') === 'assign'
          ? `${param.str(node, 'field')} = ${param.str(node, 'expression')}`
          : param.str(node, 'code');
      const fn = body ?? `r -> ${job.todo(node, original, 'Event', 'Map function')}`;
      job.use('org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator');
      finish([
        `SingleOutputStreamOperator<Event> ${variable} = ${from(first)}`,
        `.map(${fn})`,
        '.returns(Event.class)',
      ]);
      break;
    }
    case 'flatMap':
      writeFlatMap(job, node, variable, from(first), finish);
      break;
    case 'keyBy': {
      let body: string | null;
      if (param.str(node, 'mode') === 'field') {
        body = `r -> r.str(${javaString(param.str(node, 'field'))})`;
      } else {
        body = lambda(parseFunction(param.str(node, 'code')), 1, 'str', false);
      }
      const fn =
        body ?? `r -> ${job.todo(node, param.str(node, 'code'), 'String', 'Key function')}`;
      job.use(
        'org.apache.flink.streaming.api.datastream.KeyedStream',
        'org.apache.flink.api.common.typeinfo.Types',
      );
      job.emit(
        '// keyBy is a partitioning, not an operator: Flink gives it no uid.',
        `KeyedStream<Event, String> ${variable} = ${from(first)}.keyBy(${fn}, Types.STRING);`,
      );
      job.setStream(node.uid, 'out', { variable, keyed: true });
      return;
    }
    case 'union': {
      const [head, ...rest] = inputs.map(from);
      job.emit(
        '// union is not an operator in Flink: it has no uid.',
        `DataStream<Event> ${variable} = ${head}${rest.length > 0 ? `.union(${rest.join(', ')})` : ''};`,
      );
      break;
    }
    case 'window':
    case 'windowAll':
      writeWindow(job, node, variable, first.stream, from(first), hasConsumers, finish);
      return;
    case 'sink': {
      const name = param.str(node, 'name');
      job.emit(
        `// Printed to the TaskManagers' stdout; swap print() for sinkTo(...) with a connector (Kafka, files).`,
      );
      finish([`${from(first)}`, `.print(${javaString(name)})`]);
      return;
    }
  }
  job.setStream(node.uid, 'out', { variable, keyed: false });
}

function tryJava(make: () => string): string | null {
  try {
    return make();
  } catch (e) {
    if (e instanceof NotInJava) return null;
    throw e;
  }
}

function writeFlatMap(
  job: JavaJob,
  node: ExportNode,
  variable: string,
  from: string,
  finish: (chain: string[]) => void,
): void {
  const fn = parseFunction(param.str(node, 'code'));
  let body: string | null = null;
  if (
    fn !== null &&
    fn.params.length === 1 &&
    isJavaName(fn.params[0]!) &&
    fn.body.type === 'array'
  ) {
    const items = fn.body.items;
    const collector = fn.params[0] === 'out' ? 'collector' : 'out';
    body = tryJava(() => {
      const collects = items.map((item) => {
        if (item.type !== 'object' && item.type !== 'param') throw new NotInJava();
        return `${collector}.collect(${javaExpr(item, 'any')});`;
      });
      return `(Event ${fn.params[0]}, Collector<Event> ${collector}) -> {${collects.map((c) => ` ${c}`).join('')} }`;
    });
  }
  const lambdaCode =
    body ??
    `(Event r, Collector<Event> out) -> out.collect(${job.todo(node, param.str(node, 'code'), 'Event', 'FlatMap function')})`;
  job.use(
    'org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator',
    'org.apache.flink.util.Collector',
  );
  finish([
    `SingleOutputStreamOperator<Event> ${variable} = ${from}`,
    `.flatMap(${lambdaCode})`,
    '.returns(Event.class)',
  ]);
}

function writeSource(job: JavaJob, node: ExportNode): void {
  const variable = job.names.camel(node.uid, 'source');
  job.use(
    'org.apache.flink.api.common.eventtime.WatermarkStrategy',
    'org.apache.flink.api.common.typeinfo.TypeInformation',
  );
  const strategy = watermarkStrategy(job, node);
  if (node.kind === 'source.generator') {
    const generator =
      param.str(node, 'generator') === 'sensor' ? 'SensorGenerator' : 'ClickstreamGenerator';
    job.support.add(generator);
    job.use(
      'org.apache.flink.connector.datagen.source.DataGeneratorSource',
      'org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy',
    );
    const count = param.numOrNull(node, 'count');
    job.emit(
      `// Source "${commentText(node.uid)}": ${param.str(node, 'generator')} events, ${count === null ? 'endless' : `${count} records`} at ${param.num(node, 'ratePerSecond')}/s.`,
      `// Random like the playground's generator, but not the same seeded records.`,
      `DataStream<Event> ${variable} = env`,
      '    .fromSource(',
      '        new DataGeneratorSource<>(',
      `            new ${generator}(${Math.round(param.num(node, 'keys'))}, ${Math.round(param.num(node, 'disorderMs'))}L, ${param.num(node, 'lateFraction')}, ${Math.round(param.num(node, 'lateByMs'))}L),`,
      `            ${count === null ? 'Long.MAX_VALUE' : `${count}L`},`,
      `            RateLimiterStrategy.perSecond(${param.num(node, 'ratePerSecond')}),`,
      '            TypeInformation.of(Event.class)),',
      ...strategy.map((l, i) => `        ${l}${i === strategy.length - 1 ? ',' : ''}`),
      `        ${javaString(node.uid)})`,
      `    .uid(${javaString(node.uid)})`,
      `    .name(${javaString(node.label)})${node.parallelism === undefined ? ';' : ''}`,
    );
  } else {
    const records = inArrivalOrder(node);
    const rows = records.map(
      (r) =>
        `Event.of(${Object.entries(r)
          .map(([k, v]) => `${javaString(k)}, ${jsonToJava(v)}`)
          .join(', ')})`,
    );
    job.use('java.util.Arrays');
    if (!param.bool(node, 'bounded')) {
      job.emit(
        '// The playground kept this source open after its last record; fromData ends there.',
      );
    }
    job.emit(
      `// Source "${commentText(node.uid)}": ${records.length} records, in arrival order.`,
      `DataStream<Event> ${variable} = env`,
      '    .fromData(',
      '        Arrays.asList(',
      ...rows.map((r, i) => `            ${r}${i === rows.length - 1 ? '' : ','}`),
      '        ),',
      '        TypeInformation.of(Event.class))',
      '    .assignTimestampsAndWatermarks(',
      ...strategy.map((l, i) => `        ${l}${i === strategy.length - 1 ? ')' : ''}`),
      `    .uid(${javaString(node.uid)})`,
      `    .name(${javaString(node.label)})${node.parallelism === undefined ? ';' : ''}`,
    );
  }
  if (node.parallelism !== undefined) job.emit(`    .setParallelism(${node.parallelism});`);
  job.setStream(node.uid, 'out', { variable, keyed: false });
}

/** A scripted input as a ScriptedSource whose steps are the script's, in its order. */
function writeScriptSource(job: JavaJob, node: ExportNode): void {
  const variable = job.names.camel(node.uid, 'source');
  job.support.add('ScriptedSource');
  job.use('org.apache.flink.api.common.typeinfo.TypeInformation');
  const tsField = param.str(node, 'timestampField');
  const steps = (Array.isArray(node.params.steps) ? node.params.steps : []).flatMap(
    (step): string[] => {
      if (typeof step !== 'object' || step === null || Array.isArray(step)) return [];
      if (Array.isArray(step.add)) {
        return step.add.flatMap((r) => {
          if (typeof r !== 'object' || r === null || Array.isArray(r)) return [];
          const fields = Object.entries(r).map(([k, v]) => `${javaString(k)}, ${jsonToJava(v)}`);
          return [`Step.add(${Math.round(Number(r[tsField] ?? 0))}L, ${fields.join(', ')})`];
        });
      }
      if (typeof step.advanceWatermark === 'number') {
        return [`Step.advanceWatermark(${Math.round(step.advanceWatermark)}L)`];
      }
      if (typeof step.advanceProcessingTime === 'number') {
        return [`Step.advanceProcessingTime(${Math.round(step.advanceProcessingTime)}L)`];
      }
      return step.advanceWatermarkToInfinity === true ? ['Step.advanceWatermarkToInfinity()'] : [];
    },
  );
  const bounded = param.bool(node, 'bounded');
  job.emit(
    `// Source "${commentText(node.uid)}": the script's ${steps.length} records and steps, in order; its watermark is its own.`,
    `DataStream<Event> ${variable} = env`,
    '    .addSource(',
    `        new ScriptedSource(${bounded}${steps.length > 0 ? ',' : '),'}`,
    ...steps.map((s, i) => `            ${s}${i === steps.length - 1 ? '),' : ','}`),
    `        ${javaString(node.label)},`,
    '        TypeInformation.of(Event.class))',
    `    .uid(${javaString(node.uid)})`,
    `    .name(${javaString(node.label)})`,
    '    .setParallelism(1);',
  );
  job.setStream(node.uid, 'out', { variable, keyed: false });
}

function watermarkStrategy(job: JavaJob, node: ExportNode): string[] {
  if (!job.eventTime) return ['WatermarkStrategy.<Event>noWatermarks()'];
  job.use('java.time.Duration');
  const bound =
    param.str(node, 'watermarks') === 'monotonous' ? 0 : param.num(node, 'outOfOrdernessMs');
  const base =
    bound === 0
      ? 'WatermarkStrategy.<Event>forMonotonousTimestamps()'
      : `WatermarkStrategy.<Event>forBoundedOutOfOrderness(${duration(bound)})`;
  const assigner =
    node.kind === 'source.list'
      ? `(long) event.num(${javaString(param.str(node, 'timestampField'))})`
      : 'event.timestamp';
  const lines = [base, `    .withTimestampAssigner((event, previous) -> ${assigner})`];
  const idle = param.numOrNull(node, 'idleTimeoutMs');
  if (idle !== null) lines.push(`    .withIdleness(${duration(idle)})`);
  return lines;
}

const AGGREGATES: Record<string, SupportClass> = {
  count: 'CountAggregate',
  sum: 'SumAggregate',
  min: 'MinAggregate',
  max: 'MaxAggregate',
  avg: 'AvgAggregate',
};

function assignerCode(job: JavaJob, node: ExportNode): string {
  const kind = param.str(node, 'assigner');
  const time = job.eventTime ? 'EventTime' : 'ProcessingTime';
  const pkg = 'org.apache.flink.streaming.api.windowing.assigners';
  job.use('java.time.Duration');
  const offset = param.num(node, 'offsetMs');
  switch (kind) {
    case 'sliding':
      job.use(`${pkg}.Sliding${time}Windows`);
      return `Sliding${time}Windows.of(${duration(param.num(node, 'sizeMs'))}, ${duration(param.num(node, 'slideMs'))}${offset !== 0 ? `, ${duration(offset)}` : ''})`;
    case 'session':
      job.use(`${pkg}.${time}SessionWindows`);
      return `${time}SessionWindows.withGap(${duration(param.num(node, 'gapMs'))})`;
    default:
      job.use(`${pkg}.Tumbling${time}Windows`);
      return `Tumbling${time}Windows.of(${duration(param.num(node, 'sizeMs'))}${offset !== 0 ? `, ${duration(offset)}` : ''})`;
  }
}

function writeWindow(
  job: JavaJob,
  node: ExportNode,
  variable: string,
  input: JavaStream,
  from: string,
  hasConsumers: (port: string) => boolean,
  finish: (chain: string[]) => void,
): void {
  const keyed = node.kind === 'window' && input.keyed;
  const isCount = param.str(node, 'assigner') === 'count';
  const chain: string[] = [];
  job.use('org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator');
  if (node.kind === 'window' && !input.keyed) {
    job.emit(
      '// A keyed window needs a keyBy before it; without one this windows the whole stream.',
    );
  }
  if (isCount) {
    chain.push(
      `.${keyed ? 'countWindow' : 'countWindowAll'}(${Math.round(param.num(node, 'count'))}L)`,
    );
  } else {
    chain.push(`.${keyed ? 'window' : 'windowAll'}(${assignerCode(job, node)})`);
  }
  const lateness = param.num(node, 'allowedLatenessMs');
  const timed = !isCount && job.eventTime;
  if (timed && lateness > 0) chain.push(`.allowedLateness(${duration(lateness)})`);
  const lateTag = timed && param.bool(node, 'lateOutput') ? `${variable}LateTag` : null;
  if (lateTag !== null) {
    job.use('org.apache.flink.util.OutputTag');
    job.emit(
      `OutputTag<Event> ${lateTag} = new OutputTag<Event>(${javaString(`${node.uid}-late`)}) {};`,
    );
    chain.push(`.sideOutputLateData(${lateTag})`);
  }
  const result = keyed ? 'WindowResult' : 'AllWindowResult';
  job.support.add(result);
  const aggregate = param.str(node, 'aggregate');
  if (aggregate === 'reduce') {
    const code = param.str(node, 'reduce');
    const fn = lambda(parseFunction(code), 2, 'any', true);
    const reduce = fn ?? `(a, b) -> ${job.todo(node, code, 'Event', 'Reduce function')}`;
    chain.push(`.reduce(${reduce}, new ${result}<>())`);
  } else {
    const cls = AGGREGATES[aggregate] ?? 'CountAggregate';
    job.support.add(cls);
    const arg = cls === 'CountAggregate' ? '' : javaString(param.str(node, 'field'));
    chain.push(`.aggregate(new ${cls}(${arg}), new ${result}<>())`);
  }
  finish([`SingleOutputStreamOperator<Event> ${variable} = ${from}`, ...chain]);
  job.setStream(node.uid, 'out', { variable, keyed: false });
  if (lateTag !== null && hasConsumers('late')) {
    const late = job.names.camel(`${node.uid}-late`, 'late');
    job.emit(`DataStream<Event> ${late} = ${variable}.getSideOutput(${lateTag});`);
    job.setStream(node.uid, 'late', { variable: late, keyed: false });
  } else if (hasConsumers('late')) {
    const late = job.names.camel(`${node.uid}-late`, 'late');
    job.emit(
      `// No late records here (${isCount ? 'a count window' : job.eventTime ? 'late output is off' : 'processing time'}): an empty stream for the late port.`,
      `DataStream<Event> ${late} = env.fromData(Arrays.asList(new Event[0]), TypeInformation.of(Event.class));`,
    );
    job.use('java.util.Arrays', 'org.apache.flink.api.common.typeinfo.TypeInformation');
    job.setStream(node.uid, 'late', { variable: late, keyed: false });
  }
}
