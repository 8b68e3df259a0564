/**
 * Operator kinds as data: label, ports and parameter schema. The palette, the inspector,
 * the validator and the job compiler all read this table.
 */
import type { OperatorKind } from './document';
import type { ParamSpec } from './params';

export type OperatorCategory = 'source' | 'transform' | 'partition' | 'window' | 'sink';

export interface OperatorMeta {
  kind: OperatorKind;
  label: string;
  description: string;
  category: OperatorCategory;
  /** 'none' for sources, 'one' for ordinary operators, 'many' for union. */
  inputs: 'none' | 'one' | 'many';
  /** Output ports; the first is the main output. */
  outputs: readonly string[];
  params: readonly ParamSpec[];
}

const watermarkParams: readonly ParamSpec[] = [
  {
    name: 'watermarks',
    label: 'Watermark strategy',
    type: 'enum',
    options: ['boundedOutOfOrderness', 'monotonous'],
    default: 'boundedOutOfOrderness',
    help: 'Monotonous is bounded out-of-orderness with a bound of 0.',
  },
  {
    name: 'outOfOrdernessMs',
    label: 'Max out-of-orderness',
    type: 'duration',
    default: 0,
    min: 0,
    when: { param: 'watermarks', is: ['boundedOutOfOrderness'] },
  },
  {
    name: 'watermarkEmit',
    label: 'Emit watermarks',
    type: 'enum',
    options: ['perRecord', 'periodic'],
    default: 'perRecord',
  },
  {
    name: 'watermarkIntervalMs',
    label: 'Watermark interval',
    type: 'duration',
    default: 200,
    min: 1,
    when: { param: 'watermarkEmit', is: ['periodic'] },
    help: "Processing time between periodic watermarks (Flink's default is 200 ms).",
  },
  {
    name: 'idleTimeoutMs',
    label: 'Idle timeout',
    type: 'duration',
    default: null,
    min: 1,
    nullable: true,
    help: 'Mark the source idle after this much processing time without records; empty = never.',
  },
];

const userCode = (signature: string, fallback: string): ParamSpec => ({
  name: 'code',
  label: 'Function',
  type: 'code',
  signature,
  default: fallback,
  when: { param: 'mode', is: ['code'] },
});

const windowParams: readonly ParamSpec[] = [
  {
    name: 'assigner',
    label: 'Window',
    type: 'enum',
    options: ['tumbling', 'sliding', 'session', 'count'],
    default: 'tumbling',
  },
  {
    name: 'sizeMs',
    label: 'Size',
    type: 'duration',
    default: 10_000,
    min: 1,
    when: { param: 'assigner', is: ['tumbling', 'sliding'] },
  },
  {
    name: 'slideMs',
    label: 'Slide',
    type: 'duration',
    default: 5_000,
    min: 1,
    when: { param: 'assigner', is: ['sliding'] },
  },
  {
    name: 'offsetMs',
    label: 'Offset',
    type: 'duration',
    default: 0,
    when: { param: 'assigner', is: ['tumbling', 'sliding'] },
  },
  {
    name: 'gapMs',
    label: 'Session gap',
    type: 'duration',
    default: 3_000,
    min: 1,
    when: { param: 'assigner', is: ['session'] },
  },
  {
    name: 'count',
    label: 'Records per window',
    type: 'integer',
    default: 3,
    min: 1,
    when: { param: 'assigner', is: ['count'] },
  },
  {
    name: 'allowedLatenessMs',
    label: 'Allowed lateness',
    type: 'duration',
    default: 0,
    min: 0,
    help: 'Event time only: fired windows keep their state this long and re-fire for late records.',
  },
  {
    name: 'aggregate',
    label: 'Aggregate',
    type: 'enum',
    options: ['count', 'sum', 'min', 'max', 'avg', 'reduce'],
    default: 'count',
  },
  {
    name: 'field',
    label: 'Field',
    type: 'string',
    default: 'value',
    when: { param: 'aggregate', is: ['sum', 'min', 'max', 'avg'] },
  },
  {
    name: 'reduce',
    label: 'Reduce function',
    type: 'code',
    signature: '(a, b) => record',
    default: '(a, b) => ({ ...b, value: a.value + b.value })',
    when: { param: 'aggregate', is: ['reduce'] },
  },
  { name: 'lateOutput', label: 'Late records to side output', type: 'boolean', default: true },
];

const metas: readonly OperatorMeta[] = [
  {
    kind: 'source.list',
    label: 'Records',
    description: 'A bounded list of records, each with an event time and an arrival time.',
    category: 'source',
    inputs: 'none',
    outputs: ['out'],
    params: [
      { name: 'records', label: 'Records', type: 'records', default: [] },
      { name: 'timestampField', label: 'Event time field', type: 'string', default: 'ts' },
      { name: 'arrivalField', label: 'Arrival time field', type: 'string', default: 'at' },
      {
        name: 'bounded',
        label: 'Bounded',
        type: 'boolean',
        default: true,
        help: 'A bounded source ends after its last record (final watermark); an unbounded one waits for more.',
      },
      ...watermarkParams,
    ],
  },
  {
    kind: 'source.generator',
    label: 'Generator',
    description: 'Seeded synthetic events (clicks or sensor readings), bounded or endless.',
    category: 'source',
    inputs: 'none',
    outputs: ['out'],
    params: [
      {
        name: 'generator',
        label: 'Events',
        type: 'enum',
        options: ['clickstream', 'sensor'],
        default: 'clickstream',
      },
      {
        name: 'count',
        label: 'Records',
        type: 'integer',
        default: 1000,
        min: 1,
        nullable: true,
        help: 'Empty = endless, until the job is stopped.',
      },
      { name: 'keys', label: 'Distinct keys', type: 'integer', default: 5, min: 1 },
      { name: 'ratePerSecond', label: 'Rate (records/s)', type: 'number', default: 10, min: 0.001 },
      {
        name: 'disorderMs',
        label: 'Out-of-orderness in data',
        type: 'duration',
        default: 1_000,
        min: 0,
      },
      {
        name: 'lateFraction',
        label: 'Late records',
        type: 'number',
        default: 0.05,
        min: 0,
        max: 1,
      },
      { name: 'lateByMs', label: 'Late by', type: 'duration', default: 5_000, min: 0 },
      ...watermarkParams,
    ],
  },
  {
    kind: 'source.script',
    label: 'Scripted input',
    description:
      "Records, watermark steps and processing-time steps in the order you write them, like Beam's TestStream.",
    category: 'source',
    inputs: 'none',
    outputs: ['out'],
    params: [
      { name: 'steps', label: 'Steps', type: 'script', default: [] },
      { name: 'timestampField', label: 'Event time field', type: 'string', default: 'ts' },
      {
        name: 'bounded',
        label: 'Bounded',
        type: 'boolean',
        default: true,
        help: 'A bounded script ends with the final watermark after its last step; an unbounded one just stops.',
      },
    ],
  },
  {
    kind: 'map',
    label: 'Map',
    description: 'Transforms every record into one new record.',
    category: 'transform',
    inputs: 'one',
    outputs: ['out'],
    params: [
      { name: 'mode', label: 'Mode', type: 'enum', options: ['assign', 'code'], default: 'assign' },
      {
        name: 'field',
        label: 'Field',
        type: 'string',
        default: 'value',
        when: { param: 'mode', is: ['assign'] },
      },
      {
        name: 'expression',
        label: 'Expression',
        type: 'expression',
        default: 'r.value * 2',
        when: { param: 'mode', is: ['assign'] },
      },
      userCode('(r) => record', '(r) => ({ ...r })'),
    ],
  },
  {
    kind: 'filter',
    label: 'Filter',
    description: 'Keeps the records that match a condition.',
    category: 'transform',
    inputs: 'one',
    outputs: ['out'],
    params: [
      {
        name: 'mode',
        label: 'Mode',
        type: 'enum',
        options: ['compare', 'code'],
        default: 'compare',
      },
      {
        name: 'field',
        label: 'Field',
        type: 'string',
        default: 'value',
        when: { param: 'mode', is: ['compare'] },
      },
      {
        name: 'op',
        label: 'Operator',
        type: 'enum',
        options: ['>', '>=', '<', '<=', '==', '!='],
        default: '>',
        when: { param: 'mode', is: ['compare'] },
      },
      {
        name: 'value',
        label: 'Value',
        type: 'json',
        default: 0,
        when: { param: 'mode', is: ['compare'] },
      },
      userCode('(r) => boolean', '(r) => r.value > 0'),
    ],
  },
  {
    kind: 'flatMap',
    label: 'FlatMap',
    description: 'Turns every record into zero or more records.',
    category: 'transform',
    inputs: 'one',
    outputs: ['out'],
    params: [
      { name: 'mode', label: 'Mode', type: 'enum', options: ['code'], default: 'code' },
      userCode('(r) => records[]', '(r) => [r]'),
    ],
  },
  {
    kind: 'keyBy',
    label: 'KeyBy',
    description: 'Partitions the stream by key so state and windows are per key.',
    category: 'partition',
    inputs: 'one',
    outputs: ['out'],
    params: [
      { name: 'mode', label: 'Mode', type: 'enum', options: ['field', 'code'], default: 'field' },
      {
        name: 'field',
        label: 'Key field',
        type: 'string',
        default: 'key',
        when: { param: 'mode', is: ['field'] },
      },
      userCode('(r) => key', '(r) => r.key'),
    ],
  },
  {
    kind: 'window',
    label: 'Window',
    description: 'Groups a keyed stream into windows and aggregates each one.',
    category: 'window',
    inputs: 'one',
    outputs: ['out', 'late'],
    params: windowParams,
  },
  {
    kind: 'windowAll',
    label: 'WindowAll',
    description: 'Windows over the whole, non-keyed stream; always one subtask.',
    category: 'window',
    inputs: 'one',
    outputs: ['out', 'late'],
    params: windowParams,
  },
  {
    kind: 'union',
    label: 'Union',
    description: 'Merges several streams of the same type into one.',
    category: 'transform',
    inputs: 'many',
    outputs: ['out'],
    params: [],
  },
  {
    kind: 'sink',
    label: 'Sink',
    description: 'Collects results for the results table.',
    category: 'sink',
    inputs: 'one',
    outputs: [],
    params: [{ name: 'name', label: 'Name', type: 'string', default: 'results' }],
  },
];

export const operatorRegistry: ReadonlyMap<OperatorKind, OperatorMeta> = new Map(
  metas.map((m) => [m.kind, m]),
);

export function operatorMeta(kind: OperatorKind): OperatorMeta {
  const meta = operatorRegistry.get(kind);
  if (meta === undefined) throw new Error(`Unknown operator kind "${kind}"`);
  return meta;
}
