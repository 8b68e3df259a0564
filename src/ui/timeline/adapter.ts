/**
 * From the worker's trace batches into the TimelineModel. Batches are applied in order; one of
 * a newer epoch (after a reset or a seek) starts the model over. Within a batch the columns
 * of different kinds carry no order between them, so they are applied in the order that keeps
 * counts right: windows open before the records that fill them, and fire after.
 */
import type { SessionBatch } from '../../worker/breakpoints';
import {
  WINDOW_CREATED,
  WINDOW_FIRED,
  WINDOW_PURGED,
  type SessionConfig,
  type SessionInfo,
  type TraceBatch,
} from '../../worker/trace-batch';
import type { TimelineModel } from './model';

export class TraceAdapter {
  private epoch = -1;
  private nextSeq = 0;

  constructor(private readonly model: TimelineModel) {}

  /** A new session: its operators, the clock its windows follow, and an empty model. */
  start(info: SessionInfo, windowTime: SessionConfig['time'] = 'event'): void {
    this.epoch = -1;
    this.nextSeq = 0;
    this.model.reset(info.operators, windowTime);
  }

  apply(batch: SessionBatch): void {
    const model = this.model;
    if (batch.epoch !== this.epoch) {
      // The session's first epoch finds the model empty already; a later one starts over.
      if (this.epoch !== -1) model.reset();
      this.epoch = batch.epoch;
      this.nextSeq = 0;
    }
    if (
      batch.seq !== this.nextSeq ||
      batch.keys.base !== model.keys.length ||
      batch.firedResults.base !== model.results.length
    ) {
      throw new Error(
        `Trace batch ${batch.seq} of epoch ${batch.epoch} does not follow batch ${this.nextSeq - 1}.`,
      );
    }
    this.nextSeq++;
    model.addKeys(batch.keys.added);
    model.addResults(batch.firedResults.added);

    const w = batch.windows;
    for (let i = 0; i < w.op.length; i++) {
      if (w.action[i] !== WINDOW_CREATED) continue;
      model.windowCreated(
        model.laneOf(w.op[i], w.subtask[i]),
        w.key[i],
        w.start[i],
        w.end[i],
        w.pt[i],
      );
    }

    const r = batch.records;
    if (batch.detail !== undefined) {
      this.replaceRecords(batch, batch.detail);
    } else {
      for (let i = 0; i < r.id.length; i++) {
        const lane = model.laneOf(r.op[i], r.subtask[i]);
        model.appendRecord(r.id[i], lane, r.dir[i], r.pt[i], r.ts[i], r.key[i]);
      }
    }

    const l = batch.late;
    for (let i = 0; i < l.id.length; i++) {
      const lane = model.laneOf(l.op[i], l.subtask[i]);
      model.appendLate(l.id[i], lane, l.pt[i], l.ts[i], l.key[i], l.watermark[i], l.outcome[i]);
    }

    const m = batch.watermarks;
    for (let i = 0; i < m.op.length; i++) {
      model.appendWatermark(model.laneOf(m.op[i], m.subtask[i]), m.pt[i], m.watermark[i]);
    }

    for (let i = 0; i < w.op.length; i++) {
      const lane = model.laneOf(w.op[i], w.subtask[i]);
      if (w.action[i] === WINDOW_FIRED) {
        model.windowFired(
          lane,
          w.key[i],
          w.start[i],
          w.end[i],
          w.pt[i],
          w.watermark[i],
          w.result[i],
        );
      } else if (w.action[i] === WINDOW_PURGED) {
        model.windowPurged(lane, w.key[i], w.start[i], w.end[i], w.pt[i]);
      }
    }

    for (const e of batch.recovery?.events ?? []) {
      if (e.kind === 'failed') model.jobEvents.push({ kind: 'failed', pt: e.pt });
      if (e.kind === 'restored') {
        model.jobEvents.push({ kind: 'restored', pt: e.pt, checkpointId: e.checkpointId });
      }
    }

    const d = batch.idleness;
    for (let i = 0; i < d.op.length; i++) {
      model.appendIdleness(model.laneOf(d.op[i], d.subtask[i]), d.pt[i], d.idle[i] === 1);
    }

    const b = batch.barriers;
    for (let i = 0; i < b.op.length; i++) {
      model.appendBarrier(
        model.laneOf(b.op[i], b.subtask[i]),
        b.pt[i],
        b.checkpoint[i],
        b.action[i],
      );
    }

    // Every live batch while paused at a breakpoint says which: one without it has moved on.
    if (batch.detail === undefined) model.setBreakpoint(batch.breakpoint ?? null);
    model.advanceTo(batch.progress.processingTime);
    model.commit();
  }

  /** A detail batch: its records take the place of those held over its stretch of time. */
  private replaceRecords(batch: TraceBatch, { ptFrom, ptTo }: { ptFrom: number; ptTo: number }) {
    const r = batch.records;
    const lane = new Uint16Array(r.id.length);
    for (let i = 0; i < r.id.length; i++) lane[i] = this.model.laneOf(r.op[i], r.subtask[i]);
    // Only what falls in the stretch: the rest was sent live and is held already.
    let from = 0;
    while (from < r.pt.length && r.pt[from] < ptFrom) from++;
    let to = from;
    while (to < r.pt.length && r.pt[to] <= ptTo) to++;
    this.model.replaceRecords(ptFrom, ptTo, {
      count: to - from,
      id: r.id.subarray(from, to),
      lane: lane.subarray(from, to),
      dir: r.dir.subarray(from, to),
      pt: r.pt.subarray(from, to),
      ts: r.ts.subarray(from, to),
      key: r.key.subarray(from, to),
    });
  }
}
