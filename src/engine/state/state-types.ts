/**
 * The kinds of keyed state an operator can declare, as in Flink: value, list, map, reducing
 * and aggregating state. Each is a view of one state table through the backend's current key
 * and a namespace (the window, or none), so every backend serves all of them.
 */
import type { WindowId } from '../windowing/window';
import type { AggregateFunction } from '../windowing/aggregates';
import { KeyedValueState, VOID_NAMESPACE, VOID_NAMESPACE_ID } from './keyed-state';
import type { KeyedStateBackend } from './keyed-state';

/** Shared by all kinds: point the state at a namespace (a window) before using it. */
abstract class NamespacedView<S> {
  protected readonly cell: KeyedValueState<unknown, S>;

  constructor(backend: KeyedStateBackend, name: string) {
    this.cell = new KeyedValueState(backend, backend.table(name));
    this.cell.setCurrentNamespace(VOID_NAMESPACE, VOID_NAMESPACE_ID);
  }

  setCurrentNamespace(namespace: unknown, id: WindowId): void {
    this.cell.setCurrentNamespace(namespace, id);
  }

  clear(): void {
    this.cell.clear();
  }
}

export class ListState<T> extends NamespacedView<T[]> {
  get(): readonly T[] {
    return this.cell.value() ?? [];
  }

  add(value: T): void {
    const list = this.cell.value();
    // Written back even when appended in place: a paged backend flushes what is put.
    this.cell.update(list === undefined ? [value] : (list.push(value), list));
  }

  update(values: readonly T[]): void {
    if (values.length === 0) this.cell.clear();
    else this.cell.update([...values]);
  }
}

/** Map state is stored as an object of entries: keys are strings, as in JSON. */
export class MapState<V> extends NamespacedView<Record<string, V>> {
  get(key: string): V | undefined {
    return this.cell.value()?.[key];
  }

  put(key: string, value: V): void {
    this.cell.update({ ...this.cell.value(), [key]: value });
  }

  remove(key: string): void {
    const current = this.cell.value();
    if (current === undefined || !(key in current)) return;
    const { [key]: _removed, ...rest } = current;
    if (Object.keys(rest).length === 0) this.cell.clear();
    else this.cell.update(rest);
  }

  entries(): [string, V][] {
    return Object.entries(this.cell.value() ?? {});
  }
}

export class ReducingState<T> extends NamespacedView<T> {
  constructor(
    backend: KeyedStateBackend,
    name: string,
    private readonly reduce: (a: T, b: T) => T,
  ) {
    super(backend, name);
  }

  get(): T | undefined {
    return this.cell.value();
  }

  add(value: T): void {
    const current = this.cell.value();
    this.cell.update(current === undefined ? value : this.reduce(current, value));
  }
}

export class AggregatingState<OUT> extends NamespacedView<unknown> {
  constructor(
    backend: KeyedStateBackend,
    name: string,
    private readonly aggregate: AggregateFunction<unknown, OUT>,
  ) {
    super(backend, name);
  }

  get(): OUT | undefined {
    const acc = this.cell.value();
    return acc === undefined ? undefined : this.aggregate.getResult(acc);
  }

  add(value: unknown): void {
    const acc = this.cell.value();
    this.cell.update(
      this.aggregate.add(value, acc === undefined ? this.aggregate.createAccumulator() : acc),
    );
  }
}
