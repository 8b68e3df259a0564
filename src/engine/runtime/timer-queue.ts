/**
 * Timers of one time domain for one operator subtask, deduplicated by (time, key, namespace)
 * as Flink's InternalTimerService does. Timers of one instant share a bucket, and a small
 * heap orders the distinct instants, so a watermark that passes a tumbling window end fires
 * every key's timer with one heap operation.
 */
import type { Key } from '../keygroups';
import type { WindowId } from '../windowing/window';

export interface Timer<N> {
  readonly time: number;
  readonly key: Key;
  readonly keyGroup: number;
  readonly namespace: N;
  readonly namespaceId: WindowId;
}

/**
 * A key's timers at one instant: nearly always one (its window's end), so a single timer is
 * stored as is and only several become a map by window.
 */
type KeyTimers<N> = Timer<N> | Map<WindowId, Timer<N>>;
type Bucket<N> = Map<Key, KeyTimers<N>>;

function* timersOf<N>(entry: KeyTimers<N>): Iterable<Timer<N>> {
  if (entry instanceof Map) yield* entry.values();
  else yield entry;
}

export class TimerQueue<N> {
  private readonly buckets = new Map<number, Bucket<N>>();
  /** Min-heap of instants; an instant whose bucket was emptied is skipped lazily. */
  private readonly heap: number[] = [];
  private count = 0;
  /** The bucket last registered into: records of one window register the same instant. */
  private lastTime = NaN;
  private lastBucket: Bucket<N> | undefined = undefined;
  /**
   * The timer last registered, while it is pending: a new window's trigger and its cleanup
   * set the same timer one after the other, and the second is a duplicate without a lookup.
   */
  private lastTimer: Timer<N> | undefined = undefined;

  register(time: number, key: Key, keyGroup: number, namespace: N, namespaceId: WindowId): boolean {
    const last = this.lastTimer;
    if (
      last !== undefined &&
      last.time === time &&
      last.key === key &&
      last.namespaceId === namespaceId
    ) {
      return false;
    }
    let bucket = time === this.lastTime ? this.lastBucket : this.buckets.get(time);
    if (bucket === undefined) {
      bucket = new Map();
      this.buckets.set(time, bucket);
      this.push(time);
    }
    this.lastTime = time;
    this.lastBucket = bucket;
    const existing = bucket.get(key);
    const timer = { time, key, keyGroup, namespace, namespaceId };
    if (existing === undefined) {
      bucket.set(key, timer);
    } else if (existing instanceof Map) {
      if (existing.has(namespaceId)) return false;
      existing.set(namespaceId, timer);
    } else {
      if (existing.namespaceId === namespaceId) return false;
      const both = new Map([[existing.namespaceId, existing]]);
      both.set(namespaceId, timer);
      bucket.set(key, both);
    }
    this.lastTimer = timer;
    this.count++;
    return true;
  }

  delete(time: number, key: Key, namespaceId: WindowId): void {
    this.lastTimer = undefined;
    const bucket = this.buckets.get(time);
    const existing = bucket?.get(key);
    if (bucket === undefined || existing === undefined) return;
    if (existing instanceof Map) {
      if (!existing.delete(namespaceId)) return;
      if (existing.size === 0) bucket.delete(key);
    } else {
      if (existing.namespaceId !== namespaceId) return;
      bucket.delete(key);
    }
    this.count--;
    if (bucket.size === 0) this.forget(time);
  }

  private forget(time: number): void {
    this.buckets.delete(time);
    if (time === this.lastTime) this.lastBucket = undefined;
    if (time === this.lastTimer?.time) this.lastTimer = undefined;
  }

  /** The earliest instant with a timer, or +Infinity. */
  peekTime(): number {
    const heap = this.heap;
    while (heap.length > 0 && !this.buckets.has(heap[0]!)) this.pop();
    return heap.length > 0 ? heap[0]! : Infinity;
  }

  /**
   * At or below the earliest instant with a timer (an emptied instant may still head the
   * heap), or +Infinity: enough to tell, with no lookup, that nothing is due yet.
   */
  earliestBound(): number {
    return this.heap.length > 0 ? this.heap[0]! : Infinity;
  }

  /**
   * Removes every timer of the earliest instant and hands each to `fire`, in registration
   * order; returns how many. The instant is taken off first, so a timer that `fire` registers,
   * even at the same instant, waits for the next poll.
   */
  pollEarliest(fire: (timer: Timer<N>) => void): number {
    const time = this.peekTime();
    const bucket = this.buckets.get(time);
    if (bucket === undefined) return 0;
    this.pop();
    this.forget(time);
    let n = 0;
    for (const entry of bucket.values()) n += entry instanceof Map ? entry.size : 1;
    this.count -= n;
    // Straight from the bucket, no array and no generator: a watermark that passes a window
    // end fires every key's timer.
    for (const entry of bucket.values()) {
      if (entry instanceof Map) for (const t of entry.values()) fire(t);
      else fire(entry);
    }
    return n;
  }

  size(): number {
    return this.count;
  }

  /** Key groups with a timer at or before `time`: the state that firing them will touch. */
  keyGroupsUpTo(time: number, into: Set<number>): void {
    for (const [t, bucket] of this.buckets) {
      if (t > time) continue;
      for (const entry of bucket.values()) {
        for (const timer of timersOf(entry)) into.add(timer.keyGroup);
      }
    }
  }

  /** Every timer, earliest first (for snapshots and the state inspector). */
  all(): Timer<N>[] {
    const out: Timer<N>[] = [];
    for (const time of [...this.buckets.keys()].sort((a, b) => a - b)) {
      for (const entry of this.buckets.get(time)!.values()) out.push(...timersOf(entry));
    }
    return out;
  }

  private push(time: number): void {
    const heap = this.heap;
    heap.push(time);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent]! <= time) break;
      heap[i] = heap[parent]!;
      i = parent;
    }
    heap[i] = time;
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && heap[r]! < heap[l]! ? r : l;
      if (heap[c]! >= last) break;
      heap[i] = heap[c]!;
      i = c;
    }
    heap[i] = last;
  }
}
