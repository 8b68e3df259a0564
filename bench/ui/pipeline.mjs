// The pipeline the app runs in the bench: a generated clickstream of `records` clicks (or
// without end, for null) of 5 users, counted per user in 10 s tumbling windows, as a pipeline file.

/** @param {number | null} records */
export function benchPipeline(records) {
  const at = (/** @type {number} */ x) => ({ x, y: 80 });
  return {
    version: 1,
    name: `UI bench: ${records ?? 'endless'} clicks, per user every 10 s`,
    nodes: [
      {
        uid: 'clicks',
        kind: 'source.generator',
        params: {
          generator: 'clickstream',
          count: records,
          keys: 5,
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
        uid: 'per-10s',
        kind: 'window',
        params: { assigner: 'tumbling', sizeMs: 10_000, aggregate: 'count', lateOutput: false },
        position: at(520),
      },
      { uid: 'counts', kind: 'sink', params: { name: 'counts' }, position: at(780) },
    ],
    edges: [
      { id: 'e1', source: 'clicks', target: 'by-user' },
      { id: 'e2', source: 'by-user', target: 'per-10s' },
      { id: 'e3', source: 'per-10s', target: 'counts' },
    ],
  };
}
