/**
 * The badge figures of a session's progress from the job's metrics: per operator subtask lane
 * its watermark, per operator its counts summed over subtasks (the watermark: the lowest).
 */
import type { JobMetrics } from '../engine/runtime/job';
import type { OperatorProgress, Progress, SessionInfo } from './trace-batch';

export function operatorProgress(
  info: SessionInfo,
  metrics: JobMetrics,
): Pick<Progress, 'watermarks' | 'operators'> {
  const watermarks = new Float64Array(info.lanes).fill(-Infinity);
  const operators: OperatorProgress[] = info.operators.map(() => ({
    recordsIn: 0,
    recordsOut: 0,
    watermark: Infinity,
    openWindows: 0,
    stateEntries: 0,
    lateRecordsDropped: 0,
    firings: 0,
  }));
  const index = new Map(info.operators.map((o, i) => [o.uid, i]));
  for (const s of metrics.sources) {
    const i = index.get(s.uid)!;
    watermarks[info.operators[i]!.firstLane + s.subtask] = s.watermark;
    const o = operators[i]!;
    o.recordsOut += s.recordsOut;
    o.watermark = Math.min(o.watermark, s.watermark);
  }
  for (const s of metrics.operators) {
    const i = index.get(s.uid)!;
    watermarks[info.operators[i]!.firstLane + s.subtask] = s.watermark;
    const o = operators[i]!;
    o.recordsIn += s.recordsIn;
    o.recordsOut += s.recordsOut;
    o.watermark = Math.min(o.watermark, s.watermark);
    o.openWindows += s.openWindows;
    o.stateEntries += s.stateEntries;
    o.lateRecordsDropped += s.lateRecordsDropped;
    o.firings += s.firings;
  }
  return { watermarks, operators };
}
