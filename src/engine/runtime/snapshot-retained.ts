/**
 * Completed checkpoints as the job master keeps them: serialized, not as live object graphs,
 * which at a million state entries would hold about as many objects. Each key group is one
 * compact text (state/entry-codec.ts), serialized once by the checkpoint that changed it and
 * shared by reference with the later checkpoints while it stays unchanged, as RocksDB's
 * incremental checkpoints share files. The rest (sources, watermarks, timers) is one text per
 * subtask and one for the job. Sizes are the lengths of these texts, counted once.
 */
import { decodeEntries, encodeEntries } from '../state/entry-codec';
import type { KeyGroupState } from '../state/keyed-state';
import { deserializeState, serializeState } from '../state/serialization';
import type { JobSnapshot, SubtaskState } from './snapshot';

/**
 * A key group as held: its entries serialized. It is also its own stand-in in
 * `incrementalBase`, where reading its entries would be a mistake, so it throws.
 */
class HeldKeyGroup implements KeyGroupState {
  constructor(
    readonly keyGroup: number,
    readonly text: string,
    readonly count: number,
  ) {}

  get entries(): KeyGroupState['entries'] {
    throw new Error(
      `Key group ${this.keyGroup} of a retained checkpoint is held serialized: ` +
        'read its state through snapshot(), not incrementalBase().',
    );
  }
}

interface HeldSubtask {
  /** The subtask's state but its key groups. */
  readonly text: string;
  readonly index: number;
  readonly timers: number;
  readonly keyGroups: readonly HeldKeyGroup[];
}

interface HeldOperator {
  readonly uid: string;
  readonly subtasks: readonly HeldSubtask[];
}

/**
 * JSON.stringify may build its result as a tree of pieces, each a string of its own; reading
 * a character makes V8 flatten it into one, which is what a long-kept text should be.
 */
function flat(text: string): string {
  if (text.length > 0) text.charCodeAt(0);
  return text;
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
  /** What it serialized itself: `bytes` less the key groups shared with the one before. */
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
    private readonly shared: ReadonlySet<HeldKeyGroup>,
  ) {}

  /**
   * Serializes a snapshot to keep. Key groups the job took unchanged from the previous
   * checkpoint's `incrementalBase()` are shared with it, not serialized again.
   */
  static hold(snapshot: JobSnapshot): RetainedCheckpoint {
    const shared = new Set<HeldKeyGroup>();
    const holdGroup = (g: KeyGroupState): HeldKeyGroup => {
      if (g instanceof HeldKeyGroup) {
        shared.add(g);
        return g;
      }
      return new HeldKeyGroup(g.keyGroup, flat(encodeEntries(g.entries)), g.entries.length);
    };
    const operators = snapshot.operators.map(({ uid, subtasks }) => ({
      uid,
      subtasks: subtasks.map((s): HeldSubtask => {
        const { index, valve, eventTimers, processingTimers } = s;
        return {
          text: flat(serializeState({ index, valve, eventTimers, processingTimers })),
          index,
          timers: eventTimers.length + processingTimers.length,
          keyGroups: s.keyGroups.map(holdGroup),
        };
      }),
    }));
    const job = flat(
      serializeState({
        ...snapshot,
        operators: snapshot.operators.map((op) => ({ ...op, subtasks: [] })),
      }),
    );
    return new RetainedCheckpoint(snapshot.checkpointId, job, operators, shared);
  }

  /**
   * What the job reads of its base to take the next checkpoint incrementally: operator uids,
   * subtask indices and key groups. The key groups are the held ones, entries unread: the
   * job passes back those it did not rewrite, and `hold` shares them. Not a snapshot to
   * restore: the watermarks and timers are left out.
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
        keyGroups: s.keyGroups.map((g) => ({
          keyGroup: g.keyGroup,
          entries: decodeEntries(g.text),
        })),
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
