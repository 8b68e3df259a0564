/**
 * Whether a savepoint fits a job, operator by operator, as Flink matches state by uid: what is
 * restored, what is dropped, what starts empty, how key groups move to other subtasks when
 * the parallelism changed, and, in plain words, why a restore must be refused. It only reads:
 * the restore runs it first, and the UI shows it as the compatibility dry run.
 */
import { keyGroupRangeForOperator } from '../keygroups';
import type { KeyGroupRange } from '../keygroups';
import type { PlannedOperator } from './plan';
import type { JobSnapshot } from './snapshot';

export interface CompatibilityOptions {
  /** Drop state whose uid the job lacks instead of refusing it (Flink's --allowNonRestoredState). */
  allowNonRestoredState?: boolean;
  /** The job's max parallelism. */
  maxParallelism: number;
}

/**
 * restored: same uid, kind and state layout. starts-empty: a uid the savepoint lacks.
 * dropped: state for a uid the job lacks (refused unless allowed). incompatible: the uid
 * now names an operator that cannot read the state.
 */
export type RestoreOutcome = 'restored' | 'starts-empty' | 'dropped' | 'incompatible';

/** How much state the savepoint holds for one uid. */
export interface StateSize {
  keyGroups: number;
  entries: number;
  timers: number;
  /** Per source subtask, the records it had read; null for operators. */
  offsets: number[] | null;
}

export interface SavedOperator {
  /** The operator's kind, or 'source' (a savepoint does not say which kind of source). */
  kind: string;
  layout: string;
  parallelism: number;
  state: StateSize;
}

export interface JobOperator {
  kind: string;
  layout: string;
  parallelism: number;
}

/** A range of key groups with the subtask that held it and the one that takes it. */
export interface KeyGroupMove {
  keyGroups: KeyGroupRange;
  from: number;
  to: number;
}

export interface Rescale {
  from: number;
  to: number;
  /** Every key group in ranges, including those that stay on a subtask of the same index. */
  keyGroups: KeyGroupMove[];
}

export interface OperatorCompatibility {
  uid: string;
  outcome: RestoreOutcome;
  savepoint: SavedOperator | null;
  job: JobOperator | null;
  /** Set when an operator is restored with another parallelism. */
  rescale: Rescale | null;
  /** One sentence for people: what happens to this operator, or why it cannot be restored. */
  message: string;
  /** Whether this operator alone stops the restore (its message is then among the errors). */
  blocking: boolean;
}

export interface CompatibilityReport {
  ok: boolean;
  /** Why the restore is refused, one message per problem; empty when ok. */
  errors: string[];
  maxParallelism: { savepoint: number; job: number };
  /** The job's operators in pipeline order, then the savepoint's uids the job lacks. */
  operators: OperatorCompatibility[];
}

const isSource = (kind: string) => kind.startsWith('source');

export function checkCompatibility(
  snapshot: JobSnapshot,
  plan: readonly PlannedOperator[],
  options: CompatibilityOptions,
): CompatibilityReport {
  const maxParallelism = { savepoint: snapshot.maxParallelism, job: options.maxParallelism };
  const keyGroupsLineUp = maxParallelism.savepoint === maxParallelism.job;
  const saved = savedOperators(snapshot);
  const operators = plan.map((op) => {
    const job = { kind: op.kind, layout: stateLayout(op), parallelism: op.parallelism };
    const before = saved.get(op.uid);
    if (before === undefined) return startsEmpty(op.uid, job);
    return matched(op.uid, before, job, keyGroupsLineUp ? maxParallelism.job : null);
  });
  const inJob = new Set(plan.map((op) => op.uid));
  for (const [uid, before] of saved) {
    if (!inJob.has(uid))
      operators.push(dropped(uid, before, options.allowNonRestoredState ?? false));
  }

  const errors: string[] = [];
  if (!keyGroupsLineUp) {
    errors.push(
      `The savepoint was taken with max parallelism ${maxParallelism.savepoint} and this job has ` +
        `${maxParallelism.job}: keyed state is split into that many key groups, so none of it ` +
        `could be found. Set max parallelism back to ${maxParallelism.savepoint}.`,
    );
  }
  for (const o of operators) if (o.blocking) errors.push(o.message);
  return { ok: errors.length === 0, errors, maxParallelism, operators };
}

function savedOperators(snapshot: JobSnapshot): Map<string, SavedOperator> {
  const saved = new Map<string, SavedOperator>();
  for (const s of snapshot.sources) {
    const offsets = s.subtasks.map((t) => t.offset);
    saved.set(s.uid, {
      kind: 'source',
      layout: 'source',
      parallelism: s.parallelism,
      state: { keyGroups: 0, entries: 0, timers: 0, offsets },
    });
  }
  for (const o of snapshot.operators) {
    let keyGroups = 0;
    let entries = 0;
    let timers = 0;
    for (const s of o.subtasks) {
      keyGroups += s.keyGroups.length;
      for (const g of s.keyGroups) entries += g.entries.length;
      timers += s.eventTimers.length + s.processingTimers.length;
    }
    saved.set(o.uid, {
      kind: o.kind,
      layout: o.layout,
      parallelism: o.parallelism,
      state: { keyGroups, entries, timers, offsets: null },
    });
  }
  return saved;
}

function startsEmpty(uid: string, job: JobOperator): OperatorCompatibility {
  const message = isSource(job.kind)
    ? `Source "${uid}" is not in the savepoint: it starts reading from the beginning.`
    : `"${uid}" is not in the savepoint: it starts with empty state.`;
  return entry(uid, 'starts-empty', null, job, message);
}

function dropped(uid: string, before: SavedOperator, allowed: boolean): OperatorCompatibility {
  const what = before.state.offsets !== null ? `source "${uid}"` : `"${uid}"`;
  const message = allowed
    ? `${capitalized(what)} is not in this pipeline: its state (${describeState(before.state)}) is dropped.`
    : `The savepoint has state for ${what} (${describeState(before.state)}), which this pipeline ` +
      'no longer has. Restore with "allow non-restored state" to drop it.';
  return { ...entry(uid, 'dropped', before, null, message), blocking: !allowed };
}

/** The same uid in both: the state must mean the same, and a source keep its subtasks. */
function matched(
  uid: string,
  before: SavedOperator,
  job: JobOperator,
  maxParallelism: number | null,
): OperatorCompatibility {
  const offsets = before.state.offsets;
  const wasSource = offsets !== null;
  if (wasSource !== isSource(job.kind) || (!wasSource && before.layout !== job.layout)) {
    const message =
      `Operator "${uid}" was ${describe(before)} in the savepoint and is now ${describe(job)}: ` +
      'its state cannot be read. Give the changed operator a new uid to start it empty, or ' +
      'restore into the pipeline the savepoint was taken from.';
    return { ...entry(uid, 'incompatible', before, job, message), blocking: true };
  }
  if (offsets !== null) {
    if (before.parallelism !== job.parallelism) {
      const message =
        `Source "${uid}" ran with parallelism ${before.parallelism} in the savepoint and now has ` +
        `${job.parallelism}: a source's parallelism cannot change on restore, because each ` +
        `subtask resumes its own share of the input. Set it back to ${before.parallelism}.`;
      return { ...entry(uid, 'incompatible', before, job, message), blocking: true };
    }
    const message = `Source "${uid}" resumes at ${describeState(before.state)}.`;
    return entry(uid, 'restored', before, job, message);
  }
  const keyed = before.state.keyGroups > 0 || before.state.timers > 0;
  const held = keyed ? `its state (${describeState(before.state)})` : 'it holds no keyed state';
  if (before.parallelism === job.parallelism || maxParallelism === null) {
    const message = keyed
      ? `"${uid}" is restored with ${held}.`
      : `"${uid}" is restored (${held}).`;
    return entry(uid, 'restored', before, job, message);
  }
  const rescale = rescaled(before.parallelism, job.parallelism, maxParallelism);
  const moving = rescale.keyGroups.filter((m) => m.from !== m.to);
  const moves = keyed
    ? `${held}; ${moving.map((m) => `key groups ${range(m.keyGroups)} move from subtask ${m.from} to ${m.to}`).join('; ')}`
    : held;
  const message = `"${uid}" is restored at parallelism ${job.parallelism} (was ${before.parallelism}): ${moves}.`;
  return { ...entry(uid, 'restored', before, job, message), rescale };
}

/** Which subtask held each key group and which one takes it: ranges of both, intersected. */
function rescaled(from: number, to: number, maxParallelism: number): Rescale {
  const keyGroups: KeyGroupMove[] = [];
  for (let old = 0; old < from; old++) {
    const a = keyGroupRangeForOperator(maxParallelism, from, old);
    for (let now = 0; now < to; now++) {
      const b = keyGroupRangeForOperator(maxParallelism, to, now);
      const start = Math.max(a.start, b.start);
      const end = Math.min(a.end, b.end);
      if (start <= end) keyGroups.push({ keyGroups: { start, end }, from: old, to: now });
    }
  }
  return { from, to, keyGroups };
}

function entry(
  uid: string,
  outcome: RestoreOutcome,
  savepoint: SavedOperator | null,
  job: JobOperator | null,
  message: string,
): OperatorCompatibility {
  return { uid, outcome, savepoint, job, rescale: null, message, blocking: false };
}

const ASSIGNERS = new Set(['tumbling', 'sliding', 'session', 'count']);

const AGGREGATES: Record<string, string> = {
  count: 'counting records',
  sum: 'summing a field',
  min: 'keeping a minimum',
  max: 'keeping a maximum',
  avg: 'averaging a field',
  reduce: 'reducing records with a function',
};

const KINDS: Record<string, string> = {
  source: 'a source',
  'source.list': 'a record-list source',
  'source.generator': 'a generator source',
  'source.script': 'a scripted source',
  map: 'a map',
  filter: 'a filter',
  flatMap: 'a flatMap',
  sink: 'a sink',
};

/** An operator as a person would name it, e.g. "a tumbling window counting records". */
function describe(op: { kind: string; layout: string }): string {
  const [kind, assigner, aggregate] = op.layout.split('/');
  const how = AGGREGATES[aggregate ?? ''];
  if ((kind === 'window' || kind === 'windowAll') && ASSIGNERS.has(assigner ?? '') && how) {
    return `a ${assigner} ${kind} ${how}`;
  }
  return KINDS[op.kind] ?? `an operator of kind "${op.kind}" (state layout "${op.layout}")`;
}

function describeState(s: StateSize): string {
  if (s.offsets !== null) {
    return `${s.offsets.length === 1 ? 'offset' : 'offsets'} ${s.offsets.join(', ')}`;
  }
  if (s.keyGroups === 0 && s.timers === 0) return 'no keyed state';
  return [
    plural(s.keyGroups, 'key group'),
    plural(s.entries, 'state entry', 'state entries'),
    plural(s.timers, 'timer'),
  ].join(', ');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function range(r: KeyGroupRange): string {
  return r.start === r.end ? String(r.start) : `${r.start}–${r.end}`;
}

function capitalized(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What an operator's state means: a restore into an operator whose layout differs (another
 * window kind or aggregate) would misread it, so it is refused.
 */
export function stateLayout(op: PlannedOperator): string {
  if (op.kind !== 'window' && op.kind !== 'windowAll') return op.kind;
  return `${op.kind}/${String(op.params.assigner)}/${String(op.params.aggregate)}`;
}
