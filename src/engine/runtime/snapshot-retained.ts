/**
 * Completed checkpoints as the job master keeps them: serialized, not as live object graphs,
 * which at a million state entries would hold about as many objects. Each key group is one
 * compact text (EncodedKeyGroup), made once by the snapshot that changed it and shared by
 * reference with the later checkpoints while it stays unchanged, as RocksDB's incremental
 * checkpoints share files. The rest (sources, watermarks, timers) is one text per subtask and
 * one for the job. Sizes are the lengths of these texts, counted once.
 */
import { EncodedKeyGroup } from '../state/entry-codec';
import type { KeyGroupState } from '../state/keyed-state';
import { deserializeState, flatten, serializeState } from '../state/serialization';
import type { JobSnapshot, SubtaskState } from './snapshot';

interface HeldSubtask {
  /** The subtask's state but its key groups. */
  readonly text: string;
  readonly index: number;
  readonly timers: number;
  readonly keyGroups: readonly EncodedKeyGroup[];
}

interface HeldOperator {
  readonly uid: string;
  readonly subtasks: readonly HeldSubtask[];
}

export interface SubtaskSize {
  uid: string;
  subtask: number;
  stateEntries: number;
  timers: number;
  bytes: number;
}

export interface RetainedSizes {
  /** Everything the checkpoint holds. */
  bytes: number;
  /** What it added: `bytes` less the key groups shared with the checkpoint before it. */
  writtenBytes: number;
  sharedKeyGroups: number;
  subtasks: SubtaskSize[];
}

export class RetainedCheckpoint {
  private constructor(
    readonly checkpointId: number,
    /** The job's snapshot with no operator subtasks. */
    private readonly job: string,
    private readonly operators: readonly HeldOperator[],
    private readonly shared: ReadonlySet<EncodedKeyGroup>,
  ) {}

  /**
   * Keeps a snapshot. Key groups already encoded are kept as they are; those the job took
   * unchanged from `previous.incrementalBase()` are counted as shared with it.
   */
  static hold(snapshot: JobSnapshot, previous?: RetainedCheckpoint): RetainedCheckpoint {
    const before = new Set<EncodedKeyGroup>();
    for (const op of previous?.operators ?? []) {
      for (const s of op.subtasks) for (const g of s.keyGroups) before.add(g);
    }
    const shared = new Set<EncodedKeyGroup>();
    const holdGroup = (g: KeyGroupState): EncodedKeyGroup => {
      if (!(g instanceof EncodedKeyGroup)) return EncodedKeyGroup.of(g.keyGroup, g.entries);
      if (before.has(g)) shared.add(g);
      return g;
    };
    const operators = snapshot.operators.map(({ uid, subtasks }) => ({
      uid,
      subtasks: subtasks.map((s): HeldSubtask => {
        const { index, valve, eventTimers, processingTimers } = s;
        return {
          text: flatten(serializeState({ index, valve, eventTimers, processingTimers })),
          index,
          timers: eventTimers.length + processingTimers.length,
          keyGroups: s.keyGroups.map(holdGroup),
        };
      }),
    }));
    const job = flatten(
      serializeState({
        ...snapshot,
        operators: snapshot.operators.map((op) => ({ ...op, subtasks: [] })),
      }),
    );
    return new RetainedCheckpoint(snapshot.checkpointId, job, operators, shared);
  }

  /**
   * What the job reads of its base to take the next checkpoint incrementally: operator uids,
   * subtask indices and key groups, which are the held ones: the job passes back those it
   * did not rewrite, and `hold` shares them. Not a snapshot to restore: the watermarks and
   * timers are left out.
   */
  incrementalBase(): JobSnapshot {
    const base = deserializeState<JobSnapshot>(this.job);
    base.operators.forEach((op, i) => {
      op.subtasks = this.operators[i]!.subtasks.map((s): SubtaskState => ({
        index: s.index,
        valve: { lastOutputWatermark: -Infinity, idle: false, channels: [] },
        eventTimers: [],
        processingTimers: [],
        keyGroups: [...s.keyGroups],
      }));
    });
    return base;
  }

  /** The full snapshot, as fresh objects: restoring it cannot change what is held. */
  snapshot(): JobSnapshot {
    const snapshot = deserializeState<JobSnapshot>(this.job);
    snapshot.operators.forEach((op, i) => {
      op.subtasks = this.operators[i]!.subtasks.map((s) => ({
        ...deserializeState<Omit<SubtaskState, 'keyGroups'>>(s.text),
        keyGroups: s.keyGroups.map(({ keyGroup, entries }) => ({ keyGroup, entries })),
      }));
    });
    return snapshot;
  }

  sizes(): RetainedSizes {
    let bytes = this.job.length;
    let sharedBytes = 0;
    for (const g of this.shared) sharedBytes += g.text.length;
    const subtasks = this.operators.flatMap(({ uid, subtasks }) =>
      subtasks.map((s): SubtaskSize => {
        let size = s.text.length;
        let stateEntries = 0;
        for (const g of s.keyGroups) {
          size += g.text.length;
          stateEntries += g.count;
        }
        bytes += size;
        return { uid, subtask: s.index, stateEntries, timers: s.timers, bytes: size };
      }),
    );
    return {
      bytes,
      writtenBytes: bytes - sharedBytes,
      sharedKeyGroups: this.shared.size,
      subtasks,
    };
  }
}
