/**
 * Which key groups had writes committed to IndexedDB since a mark: what an incremental
 * checkpoint would copy. A mark taken while a flush runs counts that flush as after it, so a
 * change is never missed, at worst reported twice.
 */

import type { ChangeMark } from '../keyed-state';

/** A point in a backend's sequence of committed writes; meaningless to another backend. */
export type WriteMark = ChangeMark;

export class ChangeLog {
  private commits = 0;
  /** key group -> the commit that last wrote it */
  private readonly lastCommit = new Map<number, number>();

  mark(): WriteMark {
    return this.commits as WriteMark;
  }

  /** One transaction wrote these key groups. */
  committed(keyGroups: Iterable<number>): void {
    this.commits++;
    for (const keyGroup of keyGroups) this.lastCommit.set(keyGroup, this.commits);
  }

  /** In ascending order. */
  since(mark: WriteMark): number[] {
    const changed: number[] = [];
    for (const [keyGroup, commit] of this.lastCommit) if (commit > mark) changed.push(keyGroup);
    return changed.sort((a, b) => a - b);
  }
}
