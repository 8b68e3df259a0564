import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WindowId } from '../windowing/window';
import { HeapKeyedStateBackend } from './heap';

type Op =
  | { op: 'get'; key: string; id: WindowId }
  | { op: 'put'; key: string; id: WindowId; value: number }
  | { op: 'remove'; key: string; id: WindowId };

const KEY_GROUP = 5;
const key = fc.constantFrom('a', 'b', 'c');
// Up to 12 windows per key: past the few a key keeps in its flat cells.
const id = fc.oneof(fc.integer({ min: 0, max: 11 }), fc.constantFrom('s0', 's1'));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('get' as const), key, id }),
  fc.record({ op: fc.constant('put' as const), key, id, value: fc.integer() }),
  fc.record({ op: fc.constant('remove' as const), key, id }),
);

/** The reference: one insertion-ordered map per key, as the table's entries must read. */
function model(ops: readonly Op[]) {
  const rows = new Map<string, Map<WindowId, number>>();
  const reads: (number | undefined)[] = [];
  for (const o of ops) {
    const row = rows.get(o.key);
    if (o.op === 'get') reads.push(row?.get(o.id));
    else if (o.op === 'put') {
      if (row === undefined) rows.set(o.key, new Map([[o.id, o.value]]));
      else row.set(o.id, o.value);
    } else if (row?.delete(o.id) === true && row.size === 0) rows.delete(o.key);
  }
  const entries = [...rows].flatMap(([k, row]) => [...row].map(([i, v]) => [k, i, v]));
  return { reads, entries };
}

describe('heap state table', () => {
  it('reads, writes, removes and lists entries in insertion order, however many windows a key has', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const table = new HeapKeyedStateBackend({ start: 0, end: 7 }).table<string, number>('t');
        const reads: (number | undefined)[] = [];
        for (const o of ops) {
          if (o.op === 'get') reads.push(table.get(o.key, KEY_GROUP, o.id));
          else if (o.op === 'put') table.put(o.key, KEY_GROUP, `ns ${o.id}`, o.id, o.value);
          else table.remove(o.key, KEY_GROUP, o.id);
        }
        const expected = model(ops);
        expect(reads).toEqual(expected.reads);
        const entries = [...table.entries(KEY_GROUP)];
        expect(entries.map((e) => [e.key, e.namespaceId, e.value])).toEqual(expected.entries);
        expect(entries.every((e) => e.namespace === `ns ${e.namespaceId}`)).toBe(true);
        expect(table.size()).toBe(expected.entries.length);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('writes back the value just read, and a write after a removal lands in a fresh cell', () => {
    const table = new HeapKeyedStateBackend({ start: 0, end: 7 }).table<null, number>('t');
    table.put('a', 1, null, 10, 1);
    table.put('a', 1, null, 20, 2);
    expect(table.get('a', 1, 10)).toBe(1);
    table.put('a', 1, null, 10, 5);
    expect(table.get('a', 1, 20)).toBe(2);
    table.remove('a', 1, 10);
    table.put('a', 1, null, 20, 7);
    expect(table.get('a', 1, 10)).toBeUndefined();
    expect([...table.entries(1)].map((e) => [e.namespaceId, e.value])).toEqual([[20, 7]]);
  });

  it('keeps a write to the window just read when the key moves from cells to a map', () => {
    const table = new HeapKeyedStateBackend({ start: 0, end: 7 }).table<null, number>('t');
    for (let w = 0; w < 8; w++) table.put('a', 1, null, w, w);
    expect(table.get('a', 1, 3)).toBe(3);
    table.put('a', 1, null, 8, 8);
    table.put('a', 1, null, 3, 30);
    expect(table.get('a', 1, 3)).toBe(30);
    expect(table.size()).toBe(9);
  });

  it('removes the window just read, and only that one', () => {
    const table = new HeapKeyedStateBackend({ start: 0, end: 7 }).table<null, number>('t');
    for (let w = 0; w < 3; w++) table.put('a', 1, null, w, w);
    expect(table.get('a', 1, 1)).toBe(1);
    table.remove('a', 1, 1);
    table.remove('a', 1, 1);
    expect([...table.entries(1)].map((e) => e.namespaceId)).toEqual([0, 2]);
    expect(table.get('a', 1, 0)).toBe(0);
    table.remove('b', 1, 0);
    expect(table.size()).toBe(2);
  });

  it('refuses a key group outside its range', () => {
    const table = new HeapKeyedStateBackend({ start: 0, end: 7 }).table<null, number>('t');
    expect(() => table.get('a', 8, 0)).toThrow(RangeError);
  });
});
