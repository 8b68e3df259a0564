import { describe, expect, it } from 'vitest';
import { ColumnTable, lowerBound, upperBound } from './columns';

describe('ColumnTable', () => {
  it('grows past its capacity and keeps what it held', () => {
    const table = new ColumnTable({ a: Float64Array, b: Uint8Array }, 2);
    for (let i = 0; i < 5; i++) {
      const at = table.add();
      table.columns.a[at] = i * 1.5;
      table.columns.b[at] = i;
    }
    expect(table.length).toBe(5);
    expect([...table.columns.a.subarray(0, 5)]).toEqual([0, 1.5, 3, 4.5, 6]);
    expect([...table.columns.b.subarray(0, 5)]).toEqual([0, 1, 2, 3, 4]);
  });

  it('inserts in the middle by shifting every column', () => {
    const table = new ColumnTable({ pt: Float64Array, id: Uint32Array }, 2);
    for (const pt of [10, 30]) {
      const at = table.add();
      table.columns.pt[at] = pt;
      table.columns.id[at] = pt;
    }
    const at = table.insertAt(1);
    table.columns.pt[at] = 20;
    table.columns.id[at] = 20;
    expect([...table.columns.pt.subarray(0, 3)]).toEqual([10, 20, 30]);
    expect([...table.columns.id.subarray(0, 3)]).toEqual([10, 20, 30]);
  });

  it('splices a stretch out for a gap of another size', () => {
    const table = new ColumnTable({ v: Float64Array }, 4);
    for (const v of [1, 2, 3, 4, 5]) {
      const at = table.add();
      table.columns.v[at] = v;
    }
    const at = table.splice(1, 3, 4);
    expect(at).toBe(1);
    expect(table.length).toBe(7);
    table.columns.v.set([20, 21, 22, 23], 1);
    expect([...table.columns.v.subarray(0, 7)]).toEqual([1, 20, 21, 22, 23, 4, 5]);
    table.splice(0, 5, 0);
    expect([...table.columns.v.subarray(0, table.length)]).toEqual([4, 5]);
  });
});

describe('binary search', () => {
  const sorted = Float64Array.from([1, 2, 2, 2, 5, 8]);
  it('finds the first value not below, and the first above', () => {
    expect(lowerBound(sorted, 6, 2)).toBe(1);
    expect(upperBound(sorted, 6, 2)).toBe(4);
    expect(lowerBound(sorted, 6, 0)).toBe(0);
    expect(upperBound(sorted, 6, 9)).toBe(6);
    expect(lowerBound(sorted, 6, 6)).toBe(5);
  });

  it('only looks at the first `length` values', () => {
    expect(upperBound(sorted, 3, 100)).toBe(3);
  });
});
