import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SessionWindows } from './assigners/session';
import { MergingWindowSet } from './merging-window-set';
import type { MergingWindowSetState } from './merging-window-set';
import { TimeWindow } from './window';

const w = (start: number, end: number) => new TimeWindow(start, end);
const assigner = new SessionWindows(3, 'event');

function windowSet(initial?: MergingWindowSetState) {
  return new MergingWindowSet(
    (x) => assigner.windowId(x),
    (ws) => assigner.mergeWindows(ws),
    initial,
  );
}

/** Records each call of the merge function, as Flink's TestingMergeFunction. */
function recorder() {
  const calls: { target: string; sources: string[]; stateWindow: string; states: string[] }[] = [];
  const fn = (target: TimeWindow, sources: TimeWindow[], sw: TimeWindow, states: TimeWindow[]) =>
    void calls.push({
      target: target.toString(),
      sources: sources.map(String),
      stateWindow: sw.toString(),
      states: states.map(String),
    });
  return { fn, calls };
}

describe('MergingWindowSet', () => {
  // Flink: MergingWindowSetTest.testIncrementalMerging
  it('merges incrementally and keeps the first state window', () => {
    const set = windowSet();
    const m = recorder();
    expect(set.addWindow(w(0, 4), m.fn).toString()).toBe('[0, 4)');
    expect(set.stateWindow(w(0, 4))?.toString()).toBe('[0, 4)');
    // The same window again merges nothing.
    expect(set.addWindow(w(0, 4), m.fn).toString()).toBe('[0, 4)');
    expect(m.calls).toEqual([]);

    expect(set.addWindow(w(3, 5), m.fn).toString()).toBe('[0, 5)');
    expect(set.addWindow(w(4, 6), m.fn).toString()).toBe('[0, 6)');
    expect(m.calls).toEqual([
      { target: '[0, 5)', sources: ['[0, 4)'], stateWindow: '[0, 4)', states: [] },
      { target: '[0, 6)', sources: ['[0, 5)'], stateWindow: '[0, 4)', states: [] },
    ]);
    expect(set.stateWindow(w(0, 6))?.toString()).toBe('[0, 4)');

    // Inside the merged region: nothing to merge.
    m.calls.length = 0;
    expect(set.addWindow(w(1, 4), m.fn).toString()).toBe('[0, 6)');
    expect(m.calls).toEqual([]);

    // A separate session, then windows merging into it.
    expect(set.addWindow(w(11, 14), m.fn).toString()).toBe('[11, 14)');
    expect(set.addWindow(w(10, 13), m.fn).toString()).toBe('[10, 14)');
    expect(set.addWindow(w(12, 15), m.fn).toString()).toBe('[10, 15)');
    expect(set.stateWindow(w(10, 15))?.toString()).toBe('[11, 14)');
    expect(set.stateWindow(w(0, 6))?.toString()).toBe('[0, 4)');

    set.retireWindow(w(0, 6));
    expect(set.stateWindow(w(0, 6))).toBeUndefined();
    expect(set.stateWindow(w(10, 15))?.toString()).toBe('[11, 14)');
  });

  // Flink: MergingWindowSetTest.testLateMerging
  it('merges a late window bridging two sessions into one, merging their state', () => {
    const set = windowSet();
    const m = recorder();
    set.addWindow(w(0, 3), m.fn);
    set.addWindow(w(5, 8), m.fn);
    set.addWindow(w(10, 13), m.fn);
    expect(set.addWindow(w(8, 10), m.fn).toString()).toBe('[5, 13)');
    expect(m.calls).toEqual([
      {
        target: '[5, 13)',
        sources: ['[5, 8)', '[10, 13)'],
        stateWindow: '[5, 8)',
        states: ['[10, 13)'],
      },
    ]);
    m.calls.length = 0;
    expect(set.addWindow(w(3, 5), m.fn).toString()).toBe('[0, 13)');
    expect(m.calls).toEqual([
      {
        target: '[0, 13)',
        sources: ['[0, 3)', '[5, 13)'],
        stateWindow: '[0, 3)',
        states: ['[5, 8)'],
      },
    ]);
    expect(set.state().map(([a, b]) => [a.toString(), b.toString()])).toEqual([
      ['[0, 13)', '[0, 3)'],
    ]);
  });

  // Flink: MergingWindowSetTest.testMergeLargeWindowCoveringSingleWindow
  it('merges a large new window covering an existing one', () => {
    const set = windowSet();
    const m = recorder();
    set.addWindow(w(1, 2), m.fn);
    expect(set.addWindow(w(0, 3), m.fn).toString()).toBe('[0, 3)');
    expect(m.calls).toEqual([
      { target: '[0, 3)', sources: ['[1, 2)'], stateWindow: '[1, 2)', states: [] },
    ]);
  });

  // Flink: MergingWindowSetTest.testMergeLargeWindowCoveringMultipleWindows
  it('merges a large new window covering several', () => {
    const set = windowSet();
    const m = recorder();
    set.addWindow(w(1, 3), m.fn);
    set.addWindow(w(5, 8), m.fn);
    expect(set.addWindow(w(0, 9), m.fn).toString()).toBe('[0, 9)');
    expect(m.calls).toHaveLength(1);
    expect(m.calls[0]!.states).toHaveLength(1);
    expect(set.state()).toHaveLength(1);
  });

  // Flink: MergingWindowSetTest.testRestoreFromState
  it('restores from its persisted state', () => {
    const set = windowSet();
    const m = recorder();
    set.addWindow(w(0, 3), m.fn);
    set.addWindow(w(2, 5), m.fn);
    set.addWindow(w(17, 42), m.fn);
    const restored = windowSet(set.state());
    expect(restored.isChanged).toBe(false);
    expect(restored.stateWindow(w(0, 5))?.toString()).toBe('[0, 3)');
    expect(restored.stateWindow(w(17, 42))?.toString()).toBe('[17, 42)');
  });

  it('reports changes, and rejects retiring a window it does not hold', () => {
    const set = windowSet();
    expect(set.isChanged).toBe(false);
    set.addWindow(w(0, 3), () => {});
    expect(set.isChanged).toBe(true);
    expect(() => set.retireWindow(w(5, 8))).toThrow(/not in the merging window set/);
  });

  it('always ends with disjoint windows covering every window added', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 25 }), (starts) => {
        const set = windowSet();
        for (const s of starts) {
          const got = set.addWindow(w(s, s + 3), () => {});
          // The window returned holds the window added.
          expect(got.start <= s && s + 3 <= got.end).toBe(true);
        }
        const windows = set
          .state()
          .map(([x]) => x)
          .sort((a, b) => a.start - b.start);
        for (let i = 1; i < windows.length; i++) {
          expect(windows[i - 1]!.intersects(windows[i]!)).toBe(false);
        }
        for (const s of starts) {
          expect(windows.some((x) => x.start <= s && s + 3 <= x.end)).toBe(true);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
