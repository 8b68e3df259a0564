/**
 * Entries per key group and table, whether the group is in memory or not: entryCount() and
 * size() must count state that lives only in IndexedDB. One array of counts per table, indexed
 * by key group: with tens of thousands of key groups, a map per group would be most of the
 * backend's memory.
 */
import type { KeyGroupRange } from '../../keygroups';

export class EntryCounts {
  private readonly start: number;
  private readonly size: number;
  /** table -> entries per key group (index: key group - start) */
  private readonly byGroup = new Map<string, number[]>();
  private readonly perGroup: number[];
  private readonly byTable = new Map<string, number>();
  private all = 0;

  constructor({ start, end }: KeyGroupRange) {
    this.start = start;
    this.size = end - start + 1;
    this.perGroup = new Array<number>(this.size).fill(0);
  }

  add(keyGroup: number, table: string, delta: number): void {
    const i = keyGroup - this.start;
    let counts = this.byGroup.get(table);
    if (counts === undefined) {
      counts = new Array<number>(this.size).fill(0);
      this.byGroup.set(table, counts);
    }
    counts[i]! += delta;
    this.perGroup[i]! += delta;
    this.byTable.set(table, (this.byTable.get(table) ?? 0) + delta);
    this.all += delta;
  }

  /** Replaces what is known about one key group with a fresh count of it. */
  setGroup(keyGroup: number, byTable: ReadonlyMap<string, number>): void {
    const i = keyGroup - this.start;
    for (const [table, counts] of this.byGroup) {
      if (counts[i] !== 0) this.add(keyGroup, table, -counts[i]!);
    }
    for (const [table, n] of byTable) this.add(keyGroup, table, n);
  }

  total(): number {
    return this.all;
  }

  table(name: string): number {
    return this.byTable.get(name) ?? 0;
  }

  group(keyGroup: number): number {
    return this.perGroup[keyGroup - this.start] ?? 0;
  }
}
