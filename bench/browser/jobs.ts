/** The pipeline documents the scenarios run. */
import type { PipelineDocument } from '../../src/engine/pipeline/document';
import { PIPELINE_VERSION } from '../../src/engine/pipeline/document';

export { keyedTumblingCount } from '../engine-job';

/** The window operator's uid: where the keyed state lives. */
export const WINDOW_UID = 'window';

/**
 * A count window keeps two entries per key (its contents and the trigger's count), and one
 * that never fires keeps them to the end: `keys` keys leave 2 * keys entries behind.
 */
export const ENTRIES_PER_KEY = 2;

/**
 * With keys = 2^33 the clickstream generator's key mapping is injective (its slope is at
 * least 1 over 2^32 distinct draws), so every record brings a new key.
 */
const DISTINCT_KEY_SPACE = 2 ** 33;

/**
 * Generated records with distinct keys -> keyBy -> a count window that never fires -> sink.
 * `records` null: endless, so the job is still running (and can be checkpointed) after any
 * number of records; a bounded job finishes with its last record.
 */
export function distinctKeysJob(records: number | null): PipelineDocument {
  return {
    version: PIPELINE_VERSION,
    name: 'bench: distinct keys',
    nodes: [
      {
        uid: 'source',
        kind: 'source.generator',
        params: {
          generator: 'clickstream',
          count: records,
          keys: DISTINCT_KEY_SPACE,
          ratePerSecond: 10_000,
          disorderMs: 0,
          lateFraction: 0,
          lateByMs: 0,
          watermarks: 'monotonous',
          outOfOrdernessMs: 0,
          watermarkEmit: 'perRecord',
          watermarkIntervalMs: 200,
          idleTimeoutMs: null,
        },
      },
      { uid: 'keyBy', kind: 'keyBy', params: { mode: 'field', field: 'key' } },
      {
        uid: WINDOW_UID,
        kind: 'window',
        params: {
          assigner: 'count',
          count: Number.MAX_SAFE_INTEGER,
          allowedLatenessMs: 0,
          aggregate: 'count',
          lateOutput: false,
        },
      },
      { uid: 'results', kind: 'sink', params: { name: 'results' } },
    ],
    edges: [
      { id: 'source-keyBy', source: 'source', target: 'keyBy' },
      { id: 'keyBy-window', source: 'keyBy', target: WINDOW_UID },
      { id: 'window-results', source: WINDOW_UID, target: 'results' },
    ],
  };
}
