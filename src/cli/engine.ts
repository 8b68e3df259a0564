/**
 * `npm run engine -- run <pipeline.json> [--until <ms>] [--trace] [--sample <n>]
 *   [--parallelism <n>] [--time event|processing] [--seed <n>]`
 * Runs a pipeline headless and prints its results (and trace) as JSON lines.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parsePipeline, runJob } from '../engine/index';
import { jsonLine } from './json-line';

const usage =
  'usage: npm run engine -- run <pipeline.json> [--until <ms>] [--trace] [--sample <n>] ' +
  '[--parallelism <n>] [--time event|processing] [--seed <n>]';

function main(): number {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      until: { type: 'string' },
      trace: { type: 'boolean', default: false },
      sample: { type: 'string', default: '1' },
      parallelism: { type: 'string', default: '1' },
      time: { type: 'string', default: 'event' },
      seed: { type: 'string', default: '0' },
    },
  });
  const [command, file] = positionals;
  if (command !== 'run' || file === undefined) {
    console.error(usage);
    return 2;
  }
  if (values.time !== 'event' && values.time !== 'processing') {
    console.error(`--time must be "event" or "processing", got "${values.time}"`);
    return 2;
  }

  const parsed = parsePipeline(readFileSync(file, 'utf8'));
  for (const p of parsed.problems) console.error(`${p.severity} ${p.code}: ${p.message}`);
  if (!parsed.ok) return 1;

  const run = runJob(
    parsed.doc,
    {
      time: values.time,
      stateBackend: 'heap',
      parallelism: Number(values.parallelism),
      seed: Number(values.seed),
      trace: values.trace ? { sampleEvery: Math.max(1, Number(values.sample)) } : null,
    },
    {
      until: values.until === undefined ? undefined : Number(values.until),
      onResult: (r) => process.stdout.write(jsonLine({ type: 'result', ...r })),
      onTrace: values.trace
        ? (e) => process.stdout.write(jsonLine({ type: 'trace', event: e }))
        : undefined,
    },
  );
  if (!run.started) {
    console.error(run.failure.message);
    return 1;
  }

  process.stdout.write(
    jsonLine({ type: 'status', status: run.status, processingTime: run.processingTime }),
  );
  if (run.failure !== null) {
    console.error(
      `Job failed${run.failure.operatorUid ? ` in "${run.failure.operatorUid}"` : ''}: ${run.failure.message}`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
