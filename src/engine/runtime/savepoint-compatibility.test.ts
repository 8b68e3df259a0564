import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue, PipelineDocument, PipelineNode } from '../pipeline/document';
import { PIPELINE_VERSION } from '../pipeline/document';
import { Job } from './job';
import { planJob } from './plan';
import { checkCompatibility } from './savepoint-compatibility';
import type { CompatibilityOptions } from './savepoint-compatibility';
import type { JobSnapshot } from './snapshot';

const records = ['a', 'b', 'c', 'd', 'e', 'f'].map((key, i) => ({ key, ts: 10 + i, at: i }));

type Params = Record<string, JsonValue>;

/** Records "src" -> [middle...] -> keyBy -> window "per-10s" -> sink "out"; no window if null. */
function pipeline(window: Params | null, middle: PipelineNode[] = []): PipelineDocument {
  const nodes: PipelineNode[] = [
    { uid: 'src', kind: 'source.list', params: { records: records as unknown as JsonValue[] } },
    ...middle,
    ...(window === null
      ? []
      : [
          { uid: 'keyBy', kind: 'keyBy' as const, params: { mode: 'field', field: 'key' } },
          { uid: 'per-10s', kind: 'window' as const, params: { sizeMs: 10, ...window } },
        ]),
    { uid: 'out', kind: 'sink', params: { name: 'out' } },
  ];
  const edges = nodes
    .slice(1)
    .map((n, i) => ({ id: `e${i}`, source: nodes[i]!.uid, target: n.uid }));
  return { version: PIPELINE_VERSION, name: 'clicks', nodes, edges };
}

const tumblingCount: Params = { assigner: 'tumbling', aggregate: 'count' };
const onlyA: PipelineNode = {
  uid: 'only-a',
  kind: 'filter',
  params: { mode: 'field', field: 'key', op: '==', value: 'a' },
};

async function snapshotOf(doc: PipelineDocument, parallelism = 1): Promise<JobSnapshot> {
  const job = new Job(doc, { time: 'event', stateBackend: 'heap', parallelism, seed: 1 });
  for (let i = 0; i < 4; i++) job.step();
  return job.snapshot();
}

const options: CompatibilityOptions = { maxParallelism: 128 };
const check = (
  snapshot: JobSnapshot,
  doc: PipelineDocument,
  parallelism = 1,
  more: Partial<CompatibilityOptions> = {},
) => checkCompatibility(snapshot, planJob(doc, parallelism), { ...options, ...more });

let saved: JobSnapshot;
beforeAll(async () => {
  saved = await snapshotOf(pipeline(tumblingCount));
});

describe('checkCompatibility', () => {
  it('restores every operator into the pipeline the savepoint was taken from', () => {
    const report = check(saved, pipeline(tumblingCount));
    expect(report.ok).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.operators.map((o) => [o.uid, o.outcome])).toEqual([
      ['src', 'restored'],
      ['per-10s', 'restored'],
      ['out', 'restored'],
    ]);
    const window = report.operators[1]!;
    expect(window.savepoint!.state).toEqual({ keyGroups: 4, entries: 4, timers: 4, offsets: null });
    expect(window.message).toBe(
      '"per-10s" is restored with its state (4 key groups, 4 state entries, 4 timers).',
    );
    expect(report.operators[0]!.message).toBe('Source "src" resumes at offset 4.');
  });

  it('refuses state of a removed operator unless non-restored state is allowed', () => {
    const refused = check(saved, pipeline(null));
    expect(refused.ok).toBe(false);
    expect(refused.errors).toEqual([
      'The savepoint has state for "per-10s" (4 key groups, 4 state entries, 4 timers), which ' +
        'this pipeline no longer has. Restore with "allow non-restored state" to drop it.',
    ]);

    const allowed = check(saved, pipeline(null), 1, { allowNonRestoredState: true });
    expect(allowed.ok).toBe(true);
    const dropped = allowed.operators.find((o) => o.uid === 'per-10s')!;
    expect(dropped).toMatchObject({ outcome: 'dropped', job: null, blocking: false });
    expect(dropped.message).toBe(
      '"per-10s" is not in this pipeline: its state (4 key groups, 4 state entries, 4 timers) is dropped.',
    );
  });

  it('refuses a window whose kind changed from tumbling to session, naming it', () => {
    const report = check(saved, pipeline({ assigner: 'session', aggregate: 'count' }));
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      'Operator "per-10s" was a tumbling window counting records in the savepoint and is now a ' +
        'session window counting records: its state cannot be read. Give the changed operator a ' +
        'new uid to start it empty, or restore into the pipeline the savepoint was taken from.',
    ]);
    expect(report.operators[1]).toMatchObject({
      outcome: 'incompatible',
      savepoint: { layout: 'window/tumbling/count' },
      job: { layout: 'window/session/count' },
    });
  });

  it('refuses a window whose aggregate changed from count to sum', () => {
    const report = check(saved, pipeline({ assigner: 'tumbling', aggregate: 'sum' }));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toContain(
      'Operator "per-10s" was a tumbling window counting records in the savepoint and is now a tumbling window summing a field',
    );
  });

  it('refuses a uid that now names another kind of operator', () => {
    const report = check(saved, pipeline(null, [{ ...onlyA, uid: 'per-10s' }]));
    expect(report.ok).toBe(false);
    expect(report.errors[0]).toContain(
      'Operator "per-10s" was a tumbling window counting records in the savepoint and is now a filter:',
    );
  });

  it('shows how key groups move when the parallelism goes from 1 to 2', () => {
    const report = check(saved, pipeline(tumblingCount), 2);
    expect(report.ok).toBe(true);
    const window = report.operators.find((o) => o.uid === 'per-10s')!;
    expect(window.rescale).toEqual({
      from: 1,
      to: 2,
      keyGroups: [
        { keyGroups: { start: 0, end: 63 }, from: 0, to: 0 },
        { keyGroups: { start: 64, end: 127 }, from: 0, to: 1 },
      ],
    });
    expect(window.message).toBe(
      '"per-10s" is restored at parallelism 2 (was 1): its state (4 key groups, 4 state entries, ' +
        '4 timers); key groups 64–127 move from subtask 0 to 1.',
    );
  });

  it('accounts for every key group exactly once when rescaling from 3 to 5', async () => {
    const report = check(await snapshotOf(pipeline(tumblingCount), 3), pipeline(tumblingCount), 5);
    const moves = report.operators.find((o) => o.uid === 'per-10s')!.rescale!.keyGroups;
    const covered = moves.flatMap((m) =>
      Array.from(
        { length: m.keyGroups.end - m.keyGroups.start + 1 },
        (_, i) => m.keyGroups.start + i,
      ),
    );
    expect(covered).toHaveLength(128);
    expect(new Set(covered).size).toBe(128);
  });

  it('refuses another max parallelism', () => {
    const report = check(saved, pipeline(tumblingCount), 1, { maxParallelism: 256 });
    expect(report.ok).toBe(false);
    expect(report.maxParallelism).toEqual({ savepoint: 128, job: 256 });
    expect(report.errors[0]).toContain(
      'The savepoint was taken with max parallelism 128 and this job has 256',
    );
  });

  it('lists a new operator as starting empty', () => {
    const report = check(saved, pipeline(tumblingCount, [onlyA]));
    expect(report.ok).toBe(true);
    expect(report.operators.find((o) => o.uid === 'only-a')).toMatchObject({
      outcome: 'starts-empty',
      savepoint: null,
      job: { kind: 'filter', parallelism: 1 },
      message: '"only-a" is not in the savepoint: it starts with empty state.',
    });
  });

  it("refuses a change of a source's parallelism", async () => {
    const generated: PipelineDocument = {
      version: PIPELINE_VERSION,
      name: 'generated',
      nodes: [
        { uid: 'gen', kind: 'source.generator', params: { count: 50 } },
        { uid: 'out', kind: 'sink', params: { name: 'out' } },
      ],
      edges: [{ id: 'e', source: 'gen', target: 'out' }],
    };
    const report = check(await snapshotOf(generated, 2), generated, 1);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.stringContaining(
        'Source "gen" ran with parallelism 2 in the savepoint and now has 1: a source\'s parallelism cannot change on restore',
      ),
    ]);
  });

  it('only reads: a refused savepoint is left as it was', () => {
    const before = structuredClone(saved);
    check(saved, pipeline({ assigner: 'session', aggregate: 'sum' }), 2, { maxParallelism: 64 });
    expect(saved).toEqual(before);
  });
});
