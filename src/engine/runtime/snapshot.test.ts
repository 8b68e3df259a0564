import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue, PipelineDocument } from '../pipeline/document';
import { PIPELINE_VERSION } from '../pipeline/document';
import { TimeWindow } from '../windowing/window';
import { Job } from './job';
import type { SinkResult } from './job';
import { parseSnapshot, SavepointError, serializeSnapshot } from './snapshot';
import type { SavepointErrorReason } from './snapshot';

const records = [
  { key: 'a', ts: 1, at: 1 },
  { key: 'b', ts: 2, at: 2 },
  { key: 'a', ts: 15, at: 3 },
  { key: 'c', ts: 12, at: 4 },
  { key: 'b', ts: 13, at: 5 },
  { key: 'a', ts: 25, at: 6 },
  { key: 'c', ts: 31, at: 7 },
];

/** Records -> keyBy(key) -> 10 ms tumbling count "per-10s" -> sink "out". */
function pipeline(name = 'clicks'): PipelineDocument {
  return {
    version: PIPELINE_VERSION,
    name,
    nodes: [
      { uid: 'src', kind: 'source.list', params: { records: records as unknown as JsonValue[] } },
      { uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: 'key' } },
      { uid: 'per-10s', kind: 'window', params: { assigner: 'tumbling', sizeMs: 10 } },
      { uid: 'out', kind: 'sink', params: { name: 'out' } },
    ],
    edges: [
      { id: 'e1', source: 'src', target: 'keyBy' },
      { id: 'e2', source: 'keyBy', target: 'per-10s' },
      { id: 'e3', source: 'per-10s', target: 'out' },
    ],
  };
}

function start(parallelism = 1, name?: string) {
  const job = new Job(pipeline(name), {
    time: 'event',
    stateBackend: 'heap',
    parallelism,
    seed: 1,
  });
  const results: SinkResult[] = [];
  job.onResult((r) => results.push(r));
  return { job, results };
}

/** A savepoint after 5 of the 7 records: three keys with an open window and a timer each. */
async function savepoint(parallelism = 1, name?: string): Promise<string> {
  const { job } = start(parallelism, name);
  for (let i = 0; i < 5; i++) job.step();
  return serializeSnapshot(await job.snapshot());
}

interface File {
  format: unknown;
  version: unknown;
  checksum?: unknown;
  body: Record<string, unknown>;
}

/** The checksum as docs/savepoint-format.md defines it, written independently of the engine. */
function fnv1a32(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** A file with any content and a valid checksum, as if Tidemark had written it. */
function sealed({ format, version, body }: File): string {
  const checksum = fnv1a32(JSON.stringify([format, version, body]));
  return JSON.stringify({ format, version, checksum, body });
}

let good: string;
beforeAll(async () => {
  good = await savepoint();
});

/** The good file with the body field at a dotted path set (undefined removes it), resealed. */
function withField(path: string, value: unknown): string {
  const file = JSON.parse(good) as File;
  const keys = path.split('.');
  const last = keys.pop()!;
  let node = file.body;
  for (const k of keys) node = node[k] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return sealed(file);
}

function withEnvelope(change: Partial<File>): string {
  return sealed({ ...(JSON.parse(good) as File), ...change });
}

function refusal(text: string): SavepointError {
  try {
    parseSnapshot(text);
  } catch (e) {
    if (e instanceof SavepointError) return e;
    throw e;
  }
  throw new Error('The savepoint was accepted');
}

const timer = 'operators.0.subtasks.0.eventTimers.0';
const group = 'operators.0.subtasks.0.keyGroups.0';

/** Each malformed file, the reason it is refused for, and words its message must contain. */
const malformed: [name: string, make: () => string, SavepointErrorReason, string][] = [
  ['an empty file', () => '', 'empty', 'no content at all'],
  ['a file of blank space', () => ' \n\t\r\n ', 'empty', 'only blank space'],
  ['a binary file (a zip)', () => 'PK\u0003\u0004\u0014\u0000\b', 'not-json', 'not JSON'],
  ['plain text', () => 'checkpoint 7 of clicks', 'not-json', 'line 1, column 1'],
  ['a file cut after one character', () => good.slice(0, 1), 'truncated', 'after 1 character,'],
  ['a file cut inside its header', () => good.slice(0, 30), 'truncated', 'after 30 characters'],
  [
    'a file cut halfway',
    () => good.slice(0, Math.floor(good.length / 2)),
    'truncated',
    'before its JSON is complete',
  ],
  ['a file missing its last brace', () => good.slice(0, -1), 'truncated', 'cut off'],
  [
    'a changed digit in the body',
    () => good.replace('"offset":5', '"offset":4'),
    'corrupt',
    'do not match its checksum',
  ],
  [
    'a damaged character that breaks the JSON',
    () => good.replace('"table":', '"table"#'),
    'corrupt',
    'no longer valid JSON (unexpected "#" at line 1',
  ],
  [
    'a damaged version number',
    () => good.replace('"version":1', '"version":3'),
    'corrupt',
    'do not match its checksum',
  ],
  [
    'a damaged "format" field',
    () => good.replace('"tidemark-savepoint"', '"tidemark-savepoinu"'),
    'corrupt',
    'its "format" reads "tidemark-savepoinu"',
  ],
  [
    "another program's JSON (a package.json)",
    () => JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { react: '^19' } }),
    'foreign',
    'no "format" field (it has "name", "version", "dependencies")',
  ],
  [
    "a Flink checkpoint's metadata as JSON",
    () =>
      JSON.stringify({
        checkpointId: 7,
        operatorStates: [{ operatorId: 'cbc357ccb763df2852fee8c4fc7d55f2', parallelism: 2 }],
        masterStates: [],
      }),
    'foreign',
    'not a Tidemark savepoint',
  ],
  ['another format name', () => '{"format":"flink-savepoint"}', 'foreign', '"flink-savepoint"'],
  ['a JSON list', () => '[1, 2, 3]', 'foreign', 'it holds a list'],
  [
    'a Tidemark pipeline instead of a savepoint',
    () => JSON.stringify(pipeline()),
    'foreign',
    'a Tidemark pipeline, not a savepoint',
  ],
  [
    'a newer format version',
    () => withEnvelope({ version: 2 }),
    'newer-version',
    'newer Tidemark (format version 2)',
  ],
  ['format version 0', () => withEnvelope({ version: 0 }), 'unknown-version', 'version 0'],
  ['a version that is text', () => withEnvelope({ version: '1' }), 'unknown-version', '"1"'],
  [
    'no checksum (as before checksums were written)',
    () => {
      const { format, version, body } = JSON.parse(good) as File;
      return JSON.stringify({ format, version, ...body });
    },
    'corrupt',
    'has no checksum',
  ],
  [
    'a checksum that is not hexadecimal',
    () => good.replace(/"checksum":"[0-9a-f]{8}"/, '"checksum":"zzzz"'),
    'corrupt',
    'is not 8 hexadecimal digits',
  ],
  ['no body', () => withEnvelope({ body: undefined }), 'damaged', 'body is missing'],
  ['no operators', () => withField('operators', undefined), 'damaged', 'operators is missing'],
  [
    'operators that are not a list',
    () => withField('operators', { 'per-10s': {} }),
    'damaged',
    'operators must be a list (it is an object)',
  ],
  [
    'an operator without a uid',
    () => withField('operators.0.uid', undefined),
    'damaged',
    'operators[0].uid is missing',
  ],
  [
    'a uid that is a number',
    () => withField('sources.0.uid', 42),
    'damaged',
    'sources[0].uid must be a string (it is 42)',
  ],
  [
    'a uid used twice',
    () => withField('operators.1.uid', 'per-10s'),
    'damaged',
    'the uid "per-10s" appears twice',
  ],
  [
    'a key group beyond the max parallelism',
    () => withField(`${group}.keyGroup`, 999),
    'out-of-range',
    'keyGroups[0].keyGroup must be a key group from 0 to 127',
  ],
  [
    'a timer in a negative key group',
    () => withField(`${timer}.keyGroup`, -1),
    'out-of-range',
    'eventTimers[0].keyGroup must be a key group from 0 to 127',
  ],
  [
    'a watermark written as text',
    () => withField('operators.0.subtasks.0.valve.lastOutputWatermark', '14'),
    'damaged',
    'operators[0].subtasks[0].valve.lastOutputWatermark must be a number (it is "14")',
  ],
  [
    'a channel watermark that is NaN',
    () => withField('operators.0.subtasks.0.valve.channels.0.watermark', { $number: 'NaN' }),
    'out-of-range',
    'channels[0].watermark must be a time, not NaN',
  ],
  [
    'a negative source offset',
    () => withField('sources.0.subtasks.0.offset', -1),
    'out-of-range',
    'sources[0].subtasks[0].offset must be a whole number of at least 0 (it is -1)',
  ],
  [
    'a huge source offset',
    () => withField('sources.0.subtasks.0.offset', 1e308),
    'out-of-range',
    '(it is 1e+308)',
  ],
  [
    'a fractional source offset',
    () => withField('sources.0.subtasks.0.offset', 2.5),
    'out-of-range',
    'a whole number',
  ],
  [
    'a huge max parallelism',
    () => withField('maxParallelism', 1e9),
    'out-of-range',
    'maxParallelism must be a whole number from 1 to 32768',
  ],
  [
    'a timer time of "NaN"',
    () => withField(`${timer}.time`, 'NaN'),
    'damaged',
    'operators[0].subtasks[0].eventTimers[0].time must be a number (it is "NaN")',
  ],
  [
    'an unknown $number',
    () => withField(`${timer}.time`, { $number: 'lots' }),
    'damaged',
    'eventTimers[0].time.$number must be "Infinity", "-Infinity" or "NaN"',
  ],
  [
    'key group entries that are not a list',
    () => withField(`${group}.entries`, 'a=3'),
    'damaged',
    'keyGroups[0].entries must be a list (it is "a=3")',
  ],
  [
    'a state entry without its table',
    () => withField(`${group}.entries.0.table`, undefined),
    'damaged',
    'keyGroups[0].entries[0].table is missing',
  ],
  [
    'a malformed window',
    () => withField(`${group}.entries.0.namespace`, { $window: [10] }),
    'damaged',
    'entries[0].namespace.$window must be [start, end] or "global"',
  ],
  [
    'a key that is an object',
    () => withField(`${timer}.key`, { id: 'a' }),
    'damaged',
    'eventTimers[0].key must be a key',
  ],
  [
    'fewer subtasks than the parallelism',
    () => withField('operators.0.parallelism', 2),
    'damaged',
    'operators[0] ("per-10s") has 1 subtask for parallelism 2',
  ],
  [
    'a subtask index beyond the parallelism',
    () => withField('operators.0.subtasks.0.index', 1),
    'out-of-range',
    'operators[0].subtasks[0].index must be a whole number from 0 to 0',
  ],
  [
    'an unknown state backend',
    () => withField('backend', 'floppy'),
    'damaged',
    'backend must be "heap" or "indexeddb" (it is "floppy")',
  ],
  [
    'a valve idle flag that is text',
    () => withField('operators.0.subtasks.0.valve.idle', 'no'),
    'damaged',
    'valve.idle must be true or false',
  ],
];

describe('savepoint files', () => {
  it('round-trip: the parsed file equals the snapshot, windows and infinities included', async () => {
    const { job } = start();
    for (let i = 0; i < 5; i++) job.step();
    const snapshot = await job.snapshot();
    const back = parseSnapshot(serializeSnapshot(snapshot));
    expect(back).toEqual(snapshot);
    const entry = back.operators[0]!.subtasks[0]!.keyGroups[0]!.entries[0]!;
    expect(entry.namespace).toBeInstanceOf(TimeWindow);
    expect(back.sources[0]!.subtasks[0]!.nextPeriodic).toBe(Infinity);
  });

  it('restores into a fresh job that then gives the rest of an uninterrupted run', async () => {
    const uninterrupted = start();
    uninterrupted.job.runUntil('end');
    const before = start();
    for (let i = 0; i < 5; i++) before.job.step();
    const text = serializeSnapshot(await before.job.snapshot());
    const { job, results } = start();
    await job.restore(parseSnapshot(text));
    job.runUntil('end');
    expect(results.length).toBeGreaterThan(0);
    expect(results).toEqual(uninterrupted.results.slice(before.results.length));
  });

  it('lists subtasks in index order, whatever order the job wrote them in', async () => {
    const back = parseSnapshot(await savepoint(3));
    for (const op of back.operators) {
      expect(op.subtasks.map((s) => s.index)).toEqual([0, 1, 2]);
    }
  });

  it('accepts a file reformatted with whitespace, or saved with a byte order mark', () => {
    const pretty = JSON.stringify(JSON.parse(good), null, 2);
    expect(parseSnapshot(pretty)).toEqual(parseSnapshot(good));
    expect(parseSnapshot(`\uFEFF${good}`)).toEqual(parseSnapshot(good));
  });

  it('has the documented checksum: FNV-1a of the UTF-8 of [format, version, body]', async () => {
    const file = JSON.parse(await savepoint(1, 'Zähler ✓ 🌊')) as File;
    expect(Object.keys(file)).toEqual(['format', 'version', 'checksum', 'body']);
    expect(file.checksum).toBe(fnv1a32(JSON.stringify([file.format, file.version, file.body])));
  });

  describe('refuses a malformed file with its own reason and message', () => {
    it.each(malformed)('%s', (_name, make, reason, fragment) => {
      const error = refusal(make());
      expect(error.reason).toBe(reason);
      expect(error.message).toContain(fragment);
    });
  });

  it('leaves a job untouched when its savepoint is refused: it runs as a fresh one', async () => {
    const fresh = start();
    fresh.job.runUntil('end');
    for (const [name, make] of malformed) {
      const { job, results } = start();
      await expect((async () => job.restore(parseSnapshot(make())))(), name).rejects.toBeInstanceOf(
        SavepointError,
      );
      job.runUntil('end');
      expect(results, name).toEqual(fresh.results);
    }
  });
});
