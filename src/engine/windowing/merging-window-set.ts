/**
 * Which windows of one key exist after merging, and in which window's namespace each keeps
 * its state (Flink's MergingWindowSet). Merging never moves state: the merged window keeps
 * the state namespace of one of the windows it absorbed, the others are merged into it.
 */
import type { MergeResult } from './assigners/assigner';
import type { TimeWindow, WindowId } from './window';

/** What the window operator does when windows merge. */
export type MergeFunction = (
  mergeResult: TimeWindow,
  mergedWindows: TimeWindow[],
  stateWindowResult: TimeWindow,
  mergedStateWindows: TimeWindow[],
) => void;

/** Persisted form: [window, state window] pairs. */
export type MergingWindowSetState = [TimeWindow, TimeWindow][];

export class MergingWindowSet {
  private readonly mapping = new Map<WindowId, { window: TimeWindow; stateWindow: TimeWindow }>();
  private changed = false;

  constructor(
    private readonly windowId: (w: TimeWindow) => WindowId,
    private readonly mergeWindows: (ws: readonly TimeWindow[]) => MergeResult<TimeWindow>[],
    initial: MergingWindowSetState | undefined,
  ) {
    for (const [window, stateWindow] of initial ?? []) {
      this.mapping.set(windowId(window), { window, stateWindow });
    }
  }

  get isChanged(): boolean {
    return this.changed;
  }

  state(): MergingWindowSetState {
    return [...this.mapping.values()].map((m) => [m.window, m.stateWindow]);
  }

  stateWindow(window: TimeWindow): TimeWindow | undefined {
    return this.mapping.get(this.windowId(window))?.stateWindow;
  }

  retireWindow(window: TimeWindow): void {
    if (!this.mapping.delete(this.windowId(window))) {
      throw new Error(`Window ${window.toString()} is not in the merging window set`);
    }
    this.changed = true;
  }

  /** Adds a new window, merging it with the ones it touches; returns the window it ended up in. */
  addWindow(newWindow: TimeWindow, merge: MergeFunction): TimeWindow {
    const windows = [...[...this.mapping.values()].map((m) => m.window), newWindow];
    const mergeResults = this.mergeWindows(windows);
    let resultWindow = newWindow;
    let mergedNewWindow = false;

    for (const { merged: mergeResult, from } of mergeResults) {
      let mergedWindows = from;
      if (mergedWindows.some((w) => w.equals(newWindow))) {
        mergedWindows = mergedWindows.filter((w) => !w.equals(newWindow));
        mergedNewWindow = true;
        resultWindow = mergeResult;
      }
      if (mergedWindows.length === 0) continue;

      const mergedStateWindow = this.mapping.get(this.windowId(mergedWindows[0]!))!.stateWindow;
      const mergedStateWindows: TimeWindow[] = [];
      for (const w of mergedWindows) {
        const id = this.windowId(w);
        const removed = this.mapping.get(id);
        if (removed !== undefined) {
          this.mapping.delete(id);
          mergedStateWindows.push(removed.stateWindow);
        }
      }
      this.mapping.set(this.windowId(mergeResult), {
        window: mergeResult,
        stateWindow: mergedStateWindow,
      });
      this.changed = true;
      const others = mergedStateWindows.filter((w) => !w.equals(mergedStateWindow));
      // Merging a window into itself (it only grew by the new one) needs no state merge.
      if (!(mergedWindows.length === 1 && mergedWindows[0]!.equals(mergeResult))) {
        merge(mergeResult, mergedWindows, mergedStateWindow, others);
      }
    }

    if (mergeResults.length === 0 || (resultWindow.equals(newWindow) && !mergedNewWindow)) {
      this.mapping.set(this.windowId(resultWindow), {
        window: resultWindow,
        stateWindow: resultWindow,
      });
      this.changed = true;
    }
    return resultWindow;
  }
}
