// The pipeline the app runs in the bench: a generated clickstream of `records` clicks, keyed
// by user and counted per 1 s tumbling window, written as a pipeline file to import.

/** @param {number} records */
export function benchPipeline(records) {
  const at = (/** @type {number} */ x) => ({ x, y: 80 });
  return {
    version: 1,
    name: `UI bench: ${records} clicks per user per second`,
    nodes: [
      {
        uid: 'clicks',
        kind: 'source.generator',
        params: {
          generator: 'clickstream',
          count: records,
          keys: 50,
          ratePerSecond: 10_000,
          disorderMs: 500,
          lateFraction: 0.01,
          lateByMs: 2_000,
          outOfOrdernessMs: 500,
        },
        position: at(0),
      },
      {
        uid: 'by-user',
        kind: 'keyBy',
        params: { mode: 'field', field: 'user' },
        position: at(260),
      },
      {
        uid: 'per-second',
        kind: 'window',
        params: { assigner: 'tumbling', sizeMs: 1_000, aggregate: 'count', lateOutput: false },
        position: at(520),
      },
      { uid: 'counts', kind: 'sink', params: { name: 'counts' }, position: at(780) },
    ],
    edges: [
      { id: 'e1', source: 'clicks', target: 'by-user' },
      { id: 'e2', source: 'by-user', target: 'per-second' },
      { id: 'e3', source: 'per-second', target: 'counts' },
    ],
  };
}
