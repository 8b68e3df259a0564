/**
 * Growable typed-array columns: one array per field, one entry per event. The timeline keeps
 * its events this way so a frame reads flat numbers instead of walking thousands of objects.
 */
export type TypedArray =
  Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

type Constructors<S> = { [K in keyof S]: new (length: number) => S[K] };

export class ColumnTable<S extends Record<string, TypedArray>> {
  /** The arrays; replaced when they grow, so read them after `add`, not before. */
  columns: S;
  length = 0;
  private capacity: number;

  constructor(
    private readonly constructors: Constructors<S>,
    initialCapacity = 256,
  ) {
    this.capacity = Math.max(1, initialCapacity);
    this.columns = this.allocate(this.capacity);
  }

  /** Appends one entry (its fields zeroed) and returns its index. */
  add(): number {
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    return this.length++;
  }

  /**
   * Opens a gap of one entry at `index`, shifting later entries up by one; for the rare event
   * that arrives out of processing-time order.
   */
  insertAt(index: number): number {
    if (index >= this.length) return this.add();
    if (this.length === this.capacity) this.grow(this.capacity * 2);
    for (const column of Object.values(this.columns) as TypedArray[]) {
      column.copyWithin(index + 1, index, this.length);
    }
    this.length++;
    return index;
  }

  /**
   * Replaces entries [from, to) by a gap of `count` entries (contents undefined until
   * written), moving the entries after it once. Returns where the gap starts.
   */
  splice(from: number, to: number, count: number): number {
    const tail = this.length - to;
    const length = from + count + tail;
    if (length > this.capacity) this.grow(Math.max(length, this.capacity * 2));
    for (const column of Object.values(this.columns) as TypedArray[]) {
      column.copyWithin(from + count, to, this.length);
    }
    this.length = length;
    return from;
  }

  clear(): void {
    this.length = 0;
  }

  private grow(capacity: number): void {
    const next = this.allocate(capacity);
    for (const name of Object.keys(this.columns) as (keyof S)[]) {
      (next[name] as TypedArray).set(this.columns[name].subarray(0, this.length) as never);
    }
    this.columns = next;
    this.capacity = capacity;
  }

  private allocate(capacity: number): S {
    const columns = {} as S;
    for (const name of Object.keys(this.constructors) as (keyof S)[]) {
      columns[name] = new this.constructors[name](capacity);
    }
    return columns;
  }
}

/** First index in `sorted[0, length)` whose value is >= `value` (values ascending). */
export function lowerBound(sorted: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index in `sorted[0, length)` whose value is > `value` (values ascending). */
export function upperBound(sorted: Float64Array, length: number, value: number): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
