/**
 * A hand-made run for tests: a source and a 10 s tumbling window with two subtasks, records
 * of three keys arriving a little out of order, a stepped watermark, windows that open, fire
 * and are purged, one late record diverted and one dropped, and a checkpoint. Only tests
 * import it.
 */
import {
  BARRIER_ALIGNED,
  LATE_DROPPED,
  LATE_SIDE_OUTPUT,
  NO_KEY,
  RECORD_IN,
  RECORD_OUT,
  TimelineModel,
  type TimelineOperator,
} from './model';

export const OPERATORS: TimelineOperator[] = [
  { uid: 'clicks', kind: 'source.generator', label: 'Clicks', parallelism: 1, firstLane: 0 },
  { uid: 'per-10s', kind: 'window', label: 'Per 10 s', parallelism: 2, firstLane: 1 },
];
export const SOURCE_LANE = 0;
export const WINDOW_LANE = 1;
export const WINDOW_LANE_2 = 2;
export const WINDOW_OP = 1;

/**
 * `records` records, one every `spacing` ms of processing time from 2 s, each 300 ms behind
 * (every seventh 1.2 s behind); keys cycle 0, 1, 2; key 2 goes to the second subtask.
 */
/** Pauses the model at the last firing in `lane`, as a batch paused at a breakpoint does; its row. */
export function pauseAtFiring(model: TimelineModel, lane: number): number {
  const c = model.windows.columns;
  let window = -1;
  for (let i = 0; i < model.windows.length; i++) {
    if (c.lane[i] === lane && !Number.isNaN(c.firedPt[i])) window = i;
  }
  const { operator, subtask } = model.lanes[lane]!;
  model.setBreakpoint({
    kind: 'windowFires',
    operatorUid: model.operators[operator]!.uid,
    subtask,
    key: model.keyOf(c.key[window]!) ?? null,
    start: c.start[window]!,
    end: c.end[window]!,
    watermark: c.firedWatermark[window]!,
    result: model.results[c.result[window]!],
    processingTime: c.firedPt[window]!,
    recordsProcessed: 0,
  });
  return window;
}

export function scenario(records = 60, spacing = 250): TimelineModel {
  const model = new TimelineModel(OPERATORS);
  model.addKeys(['user-0', 'user-1', 'user-2']);
  let id = 1;
  let watermark = -Infinity;
  const open = new Set<string>();
  const window = (lane: number, key: number, start: number, pt: number) => {
    const name = `${lane}|${key}|${start}`;
    if (open.has(name)) return;
    open.add(name);
    model.windowCreated(lane, key, start, start + 10_000, pt);
  };
  for (let i = 0; i < records; i++) {
    const pt = 2000 + i * spacing;
    const ts = pt - (i % 7 === 0 ? 1200 : 300);
    const key = i % 3;
    const lane = key === 2 ? WINDOW_LANE_2 : WINDOW_LANE;
    const start = Math.floor(ts / 10_000) * 10_000;
    if (start + 10_000 <= watermark) continue;
    window(lane, key, start, pt);
    model.appendRecord(id, SOURCE_LANE, RECORD_OUT, pt, ts, NO_KEY);
    model.appendRecord(id++, lane, RECORD_IN, pt, ts, key);
    const next = pt - 1000;
    if (next > watermark) {
      // Windows whose end the watermark passes fire, in both subtasks.
      for (const name of [...open]) {
        const [l, k, s] = name.split('|').map(Number) as [number, number, number];
        if (s + 10_000 - 1 <= next) {
          model.addResults([`count ${name}`]);
          model.windowFired(l, k, s, s + 10_000, pt, next, model.results.length - 1);
          model.windowPurged(l, k, s, s + 10_000, pt);
          open.delete(name);
        }
      }
      watermark = next;
      for (const lane of [SOURCE_LANE, WINDOW_LANE, WINDOW_LANE_2]) {
        model.appendWatermark(lane, pt, watermark);
      }
    }
  }
  const end = 2000 + records * spacing;
  model.appendLate(id++, WINDOW_LANE, end, 500, 0, watermark, LATE_SIDE_OUTPUT);
  model.appendLate(id, WINDOW_LANE_2, end + 10, 600, 2, watermark, LATE_DROPPED);
  for (const lane of [SOURCE_LANE, WINDOW_LANE, WINDOW_LANE_2]) {
    model.appendBarrier(lane, end + 20, 1, BARRIER_ALIGNED);
  }
  model.advanceTo(end + 50);
  model.commit();
  return model;
}
