/**
 * Growable typed-array columns: the encoder appends one value per event and takes an exact-size
 * copy per batch, so the copy's buffer can be transferred while the column keeps its own.
 */
type TypedArray = Float64Array | Float32Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

interface TypedArrayClass<T extends TypedArray> {
  new (length: number): T;
}

export class Column<T extends TypedArray> {
  private data: T;
  private size = 0;

  constructor(
    private readonly type: TypedArrayClass<T>,
    capacity = 256,
  ) {
    this.data = new type(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.data.length) {
      const grown = new this.type(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.size++] = value;
  }

  /** The values pushed since the last take, in a buffer of their own; empties the column. */
  take(): T {
    const taken = this.data.slice(0, this.size) as T;
    this.size = 0;
    return taken;
  }
}

/** A set of columns taken together, one entry per event. */
export type Columns<T extends { [K in keyof T]: TypedArray }> = { [K in keyof T]: Column<T[K]> };

export function takeAll<T extends { [K in keyof T]: TypedArray }>(columns: Columns<T>): T {
  const out = {} as T;
  for (const name of Object.keys(columns) as (keyof T)[]) out[name] = columns[name].take();
  return out;
}
