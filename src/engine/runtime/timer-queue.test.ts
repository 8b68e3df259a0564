import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimerQueue } from './timer-queue';
import type { Timer } from './timer-queue';

function poll<N>(q: TimerQueue<N>): Timer<N>[] {
  const fired: Timer<N>[] = [];
  q.pollEarliest((t) => fired.push(t));
  return fired;
}

describe('TimerQueue', () => {
  it('deduplicates timers by time, key and namespace', () => {
    const q = new TimerQueue<string>();
    expect(q.register(10, 'a', 1, 'w', 'w')).toBe(true);
    expect(q.register(10, 'a', 1, 'w', 'w')).toBe(false);
    expect(q.register(10, 'b', 2, 'w', 'w')).toBe(true);
    expect(q.size()).toBe(2);
  });

  it('registers a timer again once the same one was deleted or fired', () => {
    const q = new TimerQueue<null>();
    expect(q.register(10, 'a', 0, null, 1)).toBe(true);
    expect(q.register(10, 'a', 0, null, 1)).toBe(false);
    q.delete(10, 'a', 1);
    expect(q.register(10, 'a', 0, null, 1)).toBe(true);
    expect(poll(q)).toHaveLength(1);
    expect(q.register(10, 'a', 0, null, 1)).toBe(true);
    expect(q.register(10, 'a', 0, null, 2)).toBe(true);
    expect(q.register(10, 'a', 0, null, 1)).toBe(false);
    expect(q.size()).toBe(2);
  });

  it('leaves a timer registered while firing, even at the same instant, to the next poll', () => {
    const q = new TimerQueue<null>();
    q.register(10, 'a', 0, null, 0);
    q.register(10, 'b', 0, null, 0);
    const fired: string[] = [];
    const n = q.pollEarliest((t) => {
      fired.push(String(t.key));
      q.register(10, `${String(t.key)}2`, 0, null, 0);
      q.delete(10, 'b', 0);
    });
    expect(n).toBe(2);
    expect(fired).toEqual(['a', 'b']);
    expect(q.size()).toBe(2);
    expect(poll(q).map((t) => t.key)).toEqual(['a2', 'b2']);
  });

  it('polls instants in time order and skips deleted ones', () => {
    const q = new TimerQueue<null>();
    q.register(30, 'a', 0, null, 0);
    q.register(10, 'a', 0, null, 0);
    q.register(20, 'a', 0, null, 0);
    q.delete(10, 'a', 0);
    expect(q.peekTime()).toBe(20);
    expect(poll(q).map((t) => t.time)).toEqual([20]);
    expect(poll(q).map((t) => t.time)).toEqual([30]);
    expect(q.peekTime()).toBe(Infinity);
    expect(q.size()).toBe(0);
  });

  it('bounds the earliest instant from below without a lookup, deleted instants included', () => {
    const q = new TimerQueue<null>();
    expect(q.earliestBound()).toBe(Infinity);
    q.register(30, 'a', 0, null, 0);
    q.register(10, 'a', 0, null, 0);
    expect(q.earliestBound()).toBe(10);
    q.delete(10, 'a', 0);
    expect(q.earliestBound()).toBe(10);
    expect(q.peekTime()).toBe(30);
    expect(q.earliestBound()).toBe(30);
    poll(q);
    expect(q.earliestBound()).toBe(Infinity);
  });

  it('fires every registered, undeleted timer exactly once, in time order', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        time: fc.integer({ min: 0, max: 50 }),
        key: fc.integer({ min: 0, max: 5 }),
      }),
      fc.record({
        kind: fc.constant('del' as const),
        time: fc.integer({ min: 0, max: 50 }),
        key: fc.integer({ min: 0, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(fc.array(op), (ops) => {
        const q = new TimerQueue<null>();
        const model = new Set<string>();
        for (const o of ops) {
          if (o.kind === 'add') {
            q.register(o.time, o.key, 0, null, 0);
            model.add(`${o.time}/${o.key}`);
          } else {
            q.delete(o.time, o.key, 0);
            model.delete(`${o.time}/${o.key}`);
          }
        }
        const fired: string[] = [];
        let last = -Infinity;
        while (q.peekTime() !== Infinity) {
          for (const t of poll(q)) {
            if (t.time < last) return false;
            last = t.time;
            fired.push(`${t.time}/${String(t.key)}`);
          }
        }
        return fired.length === model.size && fired.every((f) => model.has(f));
      }),
    );
  });
});
