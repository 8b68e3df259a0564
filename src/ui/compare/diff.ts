/**
 * The heart of compare mode: A's and B's windows joined per (window operator, key, window
 * start/end), each row saying how the two differ: present on one side only, a different
 * value, fired a different number of times, or different late records. Windows of
 * processing time and of event time rarely share boundaries, so "only in A/B" is common
 * (and, in the processing-time demo, the point). Pure, so the tests pin every kind of diff.
 */
import type { Key } from '../../engine/keygroups';

/** A window that fired in one run: its latest value and how often it fired. */
export interface WindowOutcome {
  /** Window operator uid. */
  operator: string;
  key: Key | null;
  /** Event-time (or, under processing time, processing-time) range; NaN for the global window. */
  start: number;
  end: number;
  value: unknown;
  firings: number;
}

export type LateOutcome = 'dropped' | 'side-output';

/** A record that came too late for every window it belongs to. */
export interface LateRecord {
  operator: string;
  key: Key | null;
  ts: number;
  outcome: LateOutcome;
}

export interface RunOutcome {
  windows: WindowOutcome[];
  late: LateRecord[];
}

/** How a row's two sides differ, beyond being on one side only. */
export type Change = 'value' | 'firings' | 'late';

export type RowKind = 'same' | 'onlyA' | 'onlyB' | 'changed';

export interface SideCell {
  value: unknown;
  firings: number;
  /** Late records of this key whose event time falls in the window. */
  late: number;
}

export interface DiffRow {
  /** Stable within a comparison: operator, key and window. */
  id: string;
  operator: string;
  key: Key | null;
  start: number;
  end: number;
  a: SideCell | null;
  b: SideCell | null;
  kind: RowKind;
  changes: Change[];
}

/** Late records one side has and the other has not, by what happened to them. */
export interface LateOnly {
  dropped: number;
  sideOutput: number;
}

export interface DiffSummary {
  windows: number;
  differ: number;
  lateA: number;
  lateB: number;
  /** Late in B (dropped or sent aside), not late in A: A counts them in its windows. */
  lateOnlyB: LateOnly;
  lateOnlyA: LateOnly;
}

export interface Comparison {
  rows: DiffRow[];
  summary: DiffSummary;
}

const keyText = (key: Key | null) => JSON.stringify(key);

export function rowId(w: { operator: string; key: Key | null; start: number; end: number }) {
  return `${w.operator}|${keyText(w.key)}|${w.start}|${w.end}`;
}

/**
 * Joins A's and B's windows. `operatorOrder` lists window operator uids in document order,
 * which rows follow (then key, then window start and end).
 */
export function compareOutcomes(
  a: RunOutcome,
  b: RunOutcome,
  operatorOrder: readonly string[] = [],
): Comparison {
  const byId = new Map<string, { w: WindowOutcome; a?: SideCell; b?: SideCell }>();
  const put = (side: 'a' | 'b', run: RunOutcome) => {
    for (const w of run.windows) {
      const id = rowId(w);
      const cell = { value: w.value, firings: w.firings, late: lateIn(run.late, w) };
      const row = byId.get(id) ?? { w };
      row[side] = cell;
      byId.set(id, row);
    }
  };
  put('a', a);
  put('b', b);

  const rows: DiffRow[] = [...byId.entries()].map(([id, { w, a: cellA, b: cellB }]) => {
    const changes = cellA && cellB ? changesBetween(cellA, cellB) : [];
    const kind: RowKind =
      cellA === undefined
        ? 'onlyB'
        : cellB === undefined
          ? 'onlyA'
          : changes.length > 0
            ? 'changed'
            : 'same';
    return {
      id,
      operator: w.operator,
      key: w.key,
      start: w.start,
      end: w.end,
      a: cellA ?? null,
      b: cellB ?? null,
      kind,
      changes,
    };
  });
  const rank = (uid: string) => {
    const i = operatorOrder.indexOf(uid);
    return i < 0 ? operatorOrder.length : i;
  };
  rows.sort(
    (x, y) =>
      rank(x.operator) - rank(y.operator) ||
      x.operator.localeCompare(y.operator) ||
      keyText(x.key).localeCompare(keyText(y.key)) ||
      x.start - y.start ||
      x.end - y.end,
  );

  return {
    rows,
    summary: {
      windows: rows.length,
      differ: rows.filter((r) => r.kind !== 'same').length,
      lateA: a.late.length,
      lateB: b.late.length,
      lateOnlyB: lateOnly(b.late, a.late),
      lateOnlyA: lateOnly(a.late, b.late),
    },
  };
}

function lateIn(late: readonly LateRecord[], w: WindowOutcome): number {
  const key = keyText(w.key);
  return late.filter(
    (r) => r.operator === w.operator && keyText(r.key) === key && r.ts >= w.start && r.ts < w.end,
  ).length;
}

function changesBetween(a: SideCell, b: SideCell): Change[] {
  const changes: Change[] = [];
  if (!sameValue(a.value, b.value)) changes.push('value');
  if (a.firings !== b.firings) changes.push('firings');
  if (a.late !== b.late) changes.push('late');
  return changes;
}

/** Late records of `mine` with no match (operator, key, event time) among `theirs`. */
function lateOnly(mine: readonly LateRecord[], theirs: readonly LateRecord[]): LateOnly {
  const left = new Map<string, number>();
  const id = (r: LateRecord) => `${r.operator}|${keyText(r.key)}|${r.ts}`;
  for (const r of theirs) left.set(id(r), (left.get(id(r)) ?? 0) + 1);
  const only = { dropped: 0, sideOutput: 0 };
  for (const r of mine) {
    const n = left.get(id(r)) ?? 0;
    if (n > 0) {
      left.set(id(r), n - 1);
      continue;
    }
    if (r.outcome === 'dropped') only.dropped++;
    else only.sideOutput++;
  }
  return only;
}

/** Structural equality of plain data (what crosses from the worker). */
export function sameValue(x: unknown, y: unknown): boolean {
  if (Object.is(x, y)) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x) !== Array.isArray(y)) return false;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  if (kx.length !== ky.length) return false;
  return kx.every(
    (k) =>
      Object.prototype.hasOwnProperty.call(y, k) &&
      sameValue((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]),
  );
}
