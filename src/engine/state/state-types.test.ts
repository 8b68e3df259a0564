import { describe, expect, it } from 'vitest';
import { createAggregate } from '../windowing/aggregates';
import { TimeWindow } from '../windowing/window';
import { HeapKeyedStateBackend } from './heap';
import { AggregatingState, ListState, MapState, ReducingState } from './state-types';

const backend = () => {
  const b = new HeapKeyedStateBackend({ start: 0, end: 127 });
  b.setCurrentKey('a', 3);
  return b;
};

describe('keyed state kinds', () => {
  it('list state appends per key and namespace', () => {
    const b = backend();
    const list = new ListState<number>(b, 'list');
    list.add(1);
    list.add(2);
    const w = new TimeWindow(10, 20);
    list.setCurrentNamespace(w, w.start);
    list.add(9);
    expect(list.get()).toEqual([9]);
    b.setCurrentKey('b', 4);
    expect(list.get()).toEqual([]);
    b.setCurrentKey('a', 3);
    list.setCurrentNamespace(null, 0);
    expect(list.get()).toEqual([1, 2]);
    list.update([]);
    expect(b.entryCount()).toBe(1);
  });

  it('map state puts, removes and lists entries', () => {
    const b = backend();
    const map = new MapState<number>(b, 'map');
    map.put('x', 1);
    map.put('y', 2);
    map.remove('x');
    expect(map.get('x')).toBeUndefined();
    expect(map.entries()).toEqual([['y', 2]]);
    map.remove('y');
    expect(b.entryCount()).toBe(0);
  });

  it('reducing state folds values with its function', () => {
    const state = new ReducingState<number>(backend(), 'max', Math.max);
    [3, 9, 4].forEach((v) => state.add(v));
    expect(state.get()).toBe(9);
    state.clear();
    expect(state.get()).toBeUndefined();
  });

  it('aggregating state keeps an accumulator and reports the result', () => {
    const avg = createAggregate('op', 'avg', 'value', '');
    const state = new AggregatingState(backend(), 'avg', avg);
    [2, 4, 9].forEach((value) => state.add({ value }));
    expect(state.get()).toBe(5);
  });
});
