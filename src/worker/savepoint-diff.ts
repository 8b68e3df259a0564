/**
 * Savepoint diff: per keyed operator, which keys were added, removed or changed between two
 * states (two savepoints, or a savepoint and the live job). A key changed when any of its
 * entries (any table, any window) was added, removed or holds another value.
 */
import type { Key } from '../engine/keygroups';
import type { JobSnapshot } from '../engine/runtime/snapshot';
import type { StateEntryRecord } from '../engine/state/entry-codec';
import { serializeState } from '../engine/state/serialization';
import { cloneSafe } from './clone-safe';
import type { KeyDiff, OperatorDiff, StateDiff } from './recovery-types';
import { compareKeys, namespaceView } from './state-inspector';
import type { LiveState } from './state-inspector';

/** Keys listed per operator and kind of change; the counts are always complete. */
export const DIFF_LIST_LIMIT = 200;

interface KeyState {
  key: Key;
  keyGroup: number;
  entries: StateEntryRecord[];
  /** The entries in a canonical order, as text: equal texts, equal state. */
  signature: string;
}

export function snapshotState(snapshot: JobSnapshot): LiveState {
  return snapshot.operators.map((o) => ({
    uid: o.uid,
    keyGroups: o.subtasks.flatMap((s) => s.keyGroups),
  }));
}

export function diffStates(
  before: LiveState,
  after: LiveState,
  limit = DIFF_LIST_LIMIT,
): StateDiff {
  const uids = [...new Set([...before.map((o) => o.uid), ...after.map((o) => o.uid)])];
  const find = (side: LiveState, uid: string) => side.find((o) => o.uid === uid)?.keyGroups ?? [];
  return {
    operators: uids.map((uid) =>
      diffOperator(uid, keysOf(find(before, uid)), keysOf(find(after, uid)), limit),
    ),
  };
}

function diffOperator(
  uid: string,
  before: Map<string, KeyState>,
  after: Map<string, KeyState>,
  limit: number,
): OperatorDiff {
  const diff: OperatorDiff = {
    uid,
    counts: { added: 0, removed: 0, changed: 0, unchanged: 0 },
    added: [],
    removed: [],
    changed: [],
  };
  const note = (kind: 'added' | 'removed' | 'changed', a?: KeyState, b?: KeyState) => {
    diff.counts[kind]++;
    if (diff[kind].length < limit) diff[kind].push(keyDiff(a, b));
  };
  for (const [id, b] of after) {
    const a = before.get(id);
    if (a === undefined) note('added', undefined, b);
    else if (a.signature !== b.signature) note('changed', a, b);
    else diff.counts.unchanged++;
  }
  for (const [id, a] of before) if (!after.has(id)) note('removed', a, undefined);
  for (const kind of ['added', 'removed', 'changed'] as const) {
    diff[kind].sort((x, y) => compareKeys(x.key, y.key));
  }
  return diff;
}

function keysOf(groups: readonly { keyGroup: number; entries: StateEntryRecord[] }[]) {
  const keys = new Map<string, KeyState>();
  for (const g of groups) {
    for (const e of g.entries) {
      const id = JSON.stringify(e.key);
      let state = keys.get(id);
      if (state === undefined) {
        state = { key: e.key, keyGroup: g.keyGroup, entries: [], signature: '' };
        keys.set(id, state);
      }
      state.entries.push(e);
    }
  }
  for (const state of keys.values()) {
    const lines = state.entries.map((e) =>
      serializeState([e.table, String(e.namespaceId), e.value]),
    );
    state.signature = lines.sort().join('\n');
  }
  return keys;
}

function keyDiff(before: KeyState | undefined, after: KeyState | undefined): KeyDiff {
  const side = (s: KeyState | undefined) =>
    (s?.entries ?? []).map((e) => ({
      table: e.table,
      namespace: namespaceView(e.namespace, e.namespaceId),
      value: cloneSafe(e.value),
    }));
  const known = (after ?? before)!;
  return { key: known.key, keyGroup: known.keyGroup, before: side(before), after: side(after) };
}
