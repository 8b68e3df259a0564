/** The job on the Tidemark engine: list source -> keyBy -> tumbling count window -> sink. */
import type { WindowResult } from '../src/engine/operators/window-operator';
import type { JsonValue, PipelineDocument } from '../src/engine/pipeline/document';
import { PIPELINE_VERSION } from '../src/engine/pipeline/document';
import { Job } from '../src/engine/runtime/job';
import type { TraceOptions } from '../src/engine/runtime/trace';
import type { Contender } from './measure';
import type { BenchRecord, WindowCount } from './workload';
import { OUT_OF_ORDERNESS_MS, WINDOW_MS } from './workload';

export function keyedTumblingCount(input: readonly BenchRecord[]): PipelineDocument {
  const link = (source: string, target: string) => ({
    id: `${source}-${target}`,
    source,
    target,
  });
  return {
    version: PIPELINE_VERSION,
    name: 'bench: keyed tumbling count',
    nodes: [
      {
        uid: 'source',
        kind: 'source.list',
        params: {
          records: input as unknown as JsonValue[],
          bounded: true,
          watermarks: 'boundedOutOfOrderness',
          outOfOrdernessMs: OUT_OF_ORDERNESS_MS,
          watermarkEmit: 'perRecord',
        },
      },
      { uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: 'key' } },
      {
        uid: 'window',
        kind: 'window',
        params: {
          assigner: 'tumbling',
          sizeMs: WINDOW_MS,
          offsetMs: 0,
          allowedLatenessMs: 0,
          aggregate: 'count',
          lateOutput: false,
        },
      },
      { uid: 'results', kind: 'sink', params: { name: 'results' } },
    ],
    edges: [link('source', 'keyBy'), link('keyBy', 'window'), link('window', 'results')],
  };
}

/**
 * Job creation (which parses and sorts the list source) is the contender's setup, timed
 * apart from the run. A subscriber counts trace events; with tracing off there is none.
 */
export function engineContender(
  name: string,
  parallelism: number,
  trace: TraceOptions | null = null,
): Contender {
  return {
    name,
    prepare(input) {
      const job = new Job(keyedTumblingCount(input), {
        time: 'event',
        stateBackend: 'heap',
        parallelism,
        seed: 0,
        trace,
      });
      let traceEvents = 0;
      try {
        job.onTrace(() => {
          traceEvents++;
        });
      } catch (e) {
        // Tracing off: the job has no tracer to subscribe to, so nothing can be counted.
        if (trace !== null) throw e;
      }
      const results: WindowCount[] = [];
      job.onResult((r) => {
        const w = r.value as WindowResult;
        results.push({ key: w.key as string, windowStart: w.start!, count: w.value as number });
      });
      return {
        run() {
          job.runUntil('end');
          if (job.status !== 'finished') {
            throw new Error(`${name}: job ${job.status}: ${job.failure?.message ?? ''}`);
          }
          return results;
        },
        traceEvents: () => traceEvents,
      };
    },
  };
}
