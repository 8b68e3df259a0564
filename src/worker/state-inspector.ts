/**
 * The state inspector: the keyed state of a paused job, per operator subtask, key group, key
 * and namespace (window), with entry counts and serialized sizes, for either backend. It reads
 * through the backends' snapshots, which copy without changing what the job sees (the IndexedDB
 * backend writes its dirty chunks back first, as any checkpoint would). The IndexedDB counters
 * are taken before that, so the inspection does not count its own reads.
 */
import type { Key } from '../engine/keygroups';
import type { Job } from '../engine/runtime/job';
import { EncodedKeyGroup, encodeEntries } from '../engine/state/entry-codec';
import type { StateEntryRecord } from '../engine/state/entry-codec';
import { IndexedDbKeyedStateBackend } from '../engine/state/indexeddb/backend';
import { utf8Length } from '../engine/state/indexeddb/stats';
import type { KeyGroupState } from '../engine/state/keyed-state';
import { GlobalWindow, TimeWindow } from '../engine/windowing/window';
import { cloneSafe } from './clone-safe';
import type {
  InspectedEntry,
  InspectedSubtask,
  NamespaceView,
  StateInspection,
  StateQuery,
} from './recovery-types';

const DEFAULT_LIMIT = 100;

/** Each keyed operator's key groups (over all its subtasks), as a savepoint holds them. */
export type LiveState = { uid: string; keyGroups: KeyGroupState[] }[];

export async function inspectState(job: Job, query: StateQuery): Promise<StateInspection> {
  const offset = Math.max(0, Math.floor(query.offset ?? 0));
  const limit = Math.max(0, Math.floor(query.limit ?? DEFAULT_LIMIT));
  const subtasks: InspectedSubtask[] = [];
  const matching: { uid: string; subtask: number; keyGroup: number; entry: StateEntryRecord }[] =
    [];
  for (const s of job.keyedStates()) {
    if (query.operatorUid !== undefined && s.uid !== query.operatorUid) continue;
    if (query.subtask !== undefined && s.subtask !== query.subtask) continue;
    const counters = s.state instanceof IndexedDbKeyedStateBackend ? s.state.stats() : null;
    const groups = await s.state.snapshot();
    const inspected: InspectedSubtask = {
      uid: s.uid,
      subtask: s.subtask,
      keyGroupRange: { ...s.keyGroupRange },
      backend: s.state.kind,
      entries: 0,
      keys: 0,
      bytes: 0,
      keyGroups: [],
      indexedDb:
        counters === null
          ? null
          : {
              ...counters,
              cacheHitRate:
                counters.cacheHits + counters.cacheMisses === 0
                  ? null
                  : counters.cacheHits / (counters.cacheHits + counters.cacheMisses),
            },
    };
    for (const g of groups) {
      const entries = g.entries;
      const keys = new Set(entries.map((e) => e.key)).size;
      const bytes = utf8Length(g instanceof EncodedKeyGroup ? g.text : encodeEntries(entries));
      inspected.keyGroups.push({ keyGroup: g.keyGroup, entries: entries.length, keys, bytes });
      inspected.entries += entries.length;
      inspected.keys += keys;
      inspected.bytes += bytes;
      if (query.keyGroup !== undefined && g.keyGroup !== query.keyGroup) continue;
      for (const entry of entries) {
        if (query.key !== undefined && entry.key !== query.key) continue;
        matching.push({ uid: s.uid, subtask: s.subtask, keyGroup: g.keyGroup, entry });
      }
    }
    subtasks.push(inspected);
  }
  subtasks.sort((a, b) => a.uid.localeCompare(b.uid) || a.subtask - b.subtask);
  matching.sort(
    (a, b) =>
      a.uid.localeCompare(b.uid) ||
      a.keyGroup - b.keyGroup ||
      a.entry.table.localeCompare(b.entry.table) ||
      compareKeys(a.entry.key, b.entry.key) ||
      String(a.entry.namespaceId).localeCompare(String(b.entry.namespaceId)),
  );
  const items = matching
    .slice(offset, offset + limit)
    .map(({ uid, subtask, keyGroup, entry }): InspectedEntry => ({
      uid,
      subtask,
      keyGroup,
      table: entry.table,
      key: entry.key,
      namespace: namespaceView(entry.namespace, entry.namespaceId),
      value: cloneSafe(entry.value),
      bytes: utf8Length(encodeEntries([entry])),
    }));
  return {
    processingTime: job.processingTime,
    subtasks,
    entries: { total: matching.length, offset, limit, items },
  };
}

export async function liveState(job: Job): Promise<LiveState> {
  const byUid = new Map<string, KeyGroupState[]>();
  for (const s of job.keyedStates()) {
    const groups = byUid.get(s.uid) ?? [];
    groups.push(...(await s.state.snapshot()));
    byUid.set(s.uid, groups);
  }
  return [...byUid].map(([uid, keyGroups]) => ({ uid, keyGroups }));
}

export function namespaceView(namespace: unknown, id: string | number): NamespaceView {
  if (namespace instanceof TimeWindow) {
    return { kind: 'window', start: namespace.start, end: namespace.end };
  }
  if (namespace instanceof GlobalWindow) return { kind: 'global' };
  if (namespace === null || namespace === undefined) return { kind: 'void' };
  return { kind: 'other', id };
}

export function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}
