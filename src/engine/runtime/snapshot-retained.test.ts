import { describe, expect, it } from 'vitest';
import type { KeyGroupState } from '../state/keyed-state';
import { GlobalWindow, TimeWindow } from '../windowing/window';
import { SAVEPOINT_FORMAT, SAVEPOINT_VERSION } from './snapshot';
import type { JobSnapshot, SubtaskState } from './snapshot';
import { RetainedCheckpoint } from './snapshot-retained';

const group = (keyGroup: number, values: unknown[]): KeyGroupState => ({
  keyGroup,
  entries: values.map((value, i) => ({
    table: 'window-contents',
    key: `k${keyGroup}-${i}`,
    namespace: i % 2 === 0 ? new TimeWindow(0, 10) : GlobalWindow.instance,
    namespaceId: i % 2 === 0 ? '0' : 'global',
    value,
  })),
});

const subtask = (index: number, keyGroups: KeyGroupState[]): SubtaskState => ({
  index,
  valve: {
    lastOutputWatermark: -Infinity,
    idle: false,
    channels: [{ watermark: 5, idle: false, aligned: true }],
  },
  eventTimers: [
    { time: 9, key: 'k1-0', keyGroup: 1, namespace: new TimeWindow(0, 10), namespaceId: '0' },
  ],
  processingTimers: [],
  keyGroups,
});

function snapshot(checkpointId: number, subtasks: SubtaskState[]): JobSnapshot {
  return {
    format: SAVEPOINT_FORMAT,
    version: SAVEPOINT_VERSION,
    checkpointId,
    pipelineName: 'retained',
    backend: 'indexeddb',
    maxParallelism: 128,
    processingTime: 40,
    sources: [
      {
        uid: 'src',
        parallelism: 1,
        subtasks: [
          {
            offset: 7,
            maxTimestamp: 12,
            emittedWatermark: 5,
            idle: false,
            lastArrival: 39,
            nextPeriodic: Infinity,
          },
        ],
      },
    ],
    operators: [
      { uid: 'w', kind: 'window', layout: 'window/tumbling/count', parallelism: 2, subtasks },
    ],
  };
}

describe('RetainedCheckpoint', () => {
  it('gives back the snapshot it holds, as fresh objects, undefined values and windows included', () => {
    const taken = () =>
      snapshot(3, [
        subtask(0, [group(1, [[1, 2], undefined]), group(2, [{ sum: -Infinity }])]),
        subtask(1, [group(70, [NaN])]),
      ]);
    const held = RetainedCheckpoint.hold(taken());
    const first = held.snapshot();
    expect(first).toEqual(taken());
    const entries = first.operators[0]!.subtasks[0]!.keyGroups[0]!.entries;
    expect(entries[0]!.namespace).toBeInstanceOf(TimeWindow);
    expect(entries[1]!.namespace).toBe(GlobalWindow.instance);
    expect(entries[1]!.value).toBeUndefined();
    // Changing what a restore got leaves the held checkpoint as it was.
    (entries[0]!.value as number[]).push(3);
    first.sources[0]!.subtasks[0]!.offset = 99;
    expect(held.snapshot()).toEqual(taken());
  });

  it('shares the key groups a job took unchanged from its incremental base', () => {
    const first = RetainedCheckpoint.hold(
      snapshot(1, [subtask(0, [group(1, [1]), group(2, [2, 2])]), subtask(1, [group(70, [7])])]),
    );
    const base = first.incrementalBase();
    expect(base.checkpointId).toBe(1);
    const [s0, s1] = base.operators[0]!.subtasks;
    expect(s0!.keyGroups.map((g) => g.keyGroup)).toEqual([1, 2]);
    expect(s0!.keyGroups[1]!.entries).toEqual(group(2, [2, 2]).entries);

    // As the job builds an incremental snapshot: group 2 rewritten, 1 and 70 taken from the base.
    const rewritten = group(2, [20, 20, 20]);
    const second = RetainedCheckpoint.hold(
      snapshot(2, [subtask(0, [s0!.keyGroups[0]!, rewritten]), subtask(1, [s1!.keyGroups[0]!])]),
      first,
    );
    expect(second.snapshot()).toEqual(
      snapshot(2, [subtask(0, [group(1, [1]), rewritten]), subtask(1, [group(70, [7])])]),
    );

    const full = first.sizes();
    const incremental = second.sizes();
    expect(full.sharedKeyGroups).toBe(0);
    expect(full.writtenBytes).toBe(full.bytes);
    expect(incremental.sharedKeyGroups).toBe(2);
    expect(incremental.bytes).toBeGreaterThan(full.bytes); // group 2 grew
    // What is not written is exactly what groups 1 and 70 hold.
    const bytesWith = (s0: KeyGroupState[], s1: KeyGroupState[]) =>
      RetainedCheckpoint.hold(snapshot(1, [subtask(0, s0), subtask(1, s1)])).sizes().bytes;
    expect(incremental.bytes - incremental.writtenBytes).toBe(
      bytesWith([group(1, [1])], [group(70, [7])]) - bytesWith([], []),
    );
    expect(incremental.subtasks).toEqual([
      { uid: 'w', subtask: 0, stateEntries: 4, timers: 1, bytes: expect.any(Number) },
      { uid: 'w', subtask: 1, stateEntries: 1, timers: 1, bytes: expect.any(Number) },
    ]);
    const [b0, b1] = incremental.subtasks;
    expect(b0!.bytes + b1!.bytes).toBeLessThan(incremental.bytes);
  });
});
