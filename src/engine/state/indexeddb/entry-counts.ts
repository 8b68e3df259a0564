/**
 * Entries per key group and table, whether the group is in memory or not: entryCount() and
 * size() must count state that lives only in IndexedDB.
 */
export class EntryCounts {
  private readonly byGroup = new Map<number, Map<string, number>>();
  private readonly byTable = new Map<string, number>();
  private all = 0;

  add(keyGroup: number, table: string, delta: number): void {
    let tables = this.byGroup.get(keyGroup);
    if (tables === undefined) {
      tables = new Map();
      this.byGroup.set(keyGroup, tables);
    }
    tables.set(table, (tables.get(table) ?? 0) + delta);
    this.byTable.set(table, (this.byTable.get(table) ?? 0) + delta);
    this.all += delta;
  }

  /** Replaces what is known about one key group with a fresh count of it. */
  setGroup(keyGroup: number, byTable: ReadonlyMap<string, number>): void {
    for (const [table, n] of this.byGroup.get(keyGroup) ?? []) this.add(keyGroup, table, -n);
    for (const [table, n] of byTable) this.add(keyGroup, table, n);
  }

  total(): number {
    return this.all;
  }

  table(name: string): number {
    return this.byTable.get(name) ?? 0;
  }

  group(keyGroup: number): number {
    let n = 0;
    for (const count of this.byGroup.get(keyGroup)?.values() ?? []) n += count;
    return n;
  }
}
