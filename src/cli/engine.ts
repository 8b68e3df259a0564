/**
 * `npm run engine -- run <pipeline.json> [--until <ms>] [--trace] [--sample <n>]
 *   [--parallelism <n>] [--time event|processing] [--seed <n>]`
 * Runs a pipeline headless and prints its results (and trace) as JSON lines.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createJob, InvalidPipelineError, parsePipeline } from '../engine/index';
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

  let job;
  try {
    job = createJob(parsed.doc, {
      time: values.time,
      stateBackend: 'heap',
      parallelism: Number(values.parallelism),
      seed: Number(values.seed),
      trace: values.trace ? { sampleEvery: Math.max(1, Number(values.sample)) } : null,
    });
  } catch (e) {
    console.error(e instanceof InvalidPipelineError ? e.message : String(e));
    return 1;
  }

  job.onResult((r) => process.stdout.write(jsonLine({ type: 'result', ...r })));
  if (values.trace) job.onTrace((e) => process.stdout.write(jsonLine({ type: 'trace', event: e })));

  if (values.until !== undefined) job.advanceProcessingTime(Number(values.until));
  else job.runUntil('end');

  process.stdout.write(
    jsonLine({ type: 'status', status: job.status, processingTime: job.processingTime }),
  );
  if (job.failure !== null) {
    console.error(
      `Job failed${job.failure.operatorUid ? ` in "${job.failure.operatorUid}"` : ''}: ${job.failure.message}`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
