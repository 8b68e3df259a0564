/**
 * Benchmark: a keyed tumbling event-time count (1 s windows, 2 s bounded out-of-orderness,
 * per-record watermarks) on the Tidemark engine, against a hand-written loop (1.0x) and an
 * idiomatic RxJS pipeline. Every contender's results must match the loop's exactly.
 *
 *   npm run bench [-- --records 200000] [-- --runs 3]
 */
import { parseArgs } from 'node:util';
import { runLoop } from './baseline-loop';
import { engineContender } from './engine-job';
import { DISORDER_MS, KEYS, RECORDS_PER_MS, SEED, makeInput } from './input';
import type { Contender, Measurement } from './measure';
import { measure } from './measure';
import { diffResults, millions, printTable, ratio, recordsPerSecond, sortResults } from './report';
import { runRxjs } from './rxjs-pipeline';
import type { WindowCount } from './workload';
import { OUT_OF_ORDERNESS_MS, WINDOW_MS } from './workload';

const TARGET = 0.3;
const WARM_UP_RECORDS = 100_000;

class ResultsDiffer extends Error {}

const loop: Contender = { name: 'hand-written loop', prepare: (i) => ({ run: () => runLoop(i) }) };
const rxjs: Contender = { name: 'RxJS 7 pipeline', prepare: (i) => ({ run: () => runRxjs(i) }) };
const engineP1 = engineContender('engine p1', 1);
const traced = [
  engineP1,
  engineContender('engine p1 trace 1/100', 1, { sampleEvery: 100 }),
  engineContender('engine p1 trace full', 1, { sampleEvery: 1 }),
];
const contenders = [loop, engineP1, engineContender('engine p4', 4), rxjs, ...traced.slice(1)];

function options(): { records: number; runs: number } {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '3' },
    },
  });
  const records = Number(values.records);
  const runs = Number(values.runs);
  if (!Number.isSafeInteger(records) || records < 1 || !Number.isSafeInteger(runs) || runs < 1) {
    console.error('usage: npm run bench -- [--records N] [--runs N]');
    process.exit(2);
  }
  return { records, runs };
}

function checker(name: string, expected: readonly WindowCount[]) {
  return (results: WindowCount[]) => {
    const diff = diffResults(expected, results);
    if (diff !== null) throw new ResultsDiffer(`${name}: results differ from the loop's: ${diff}`);
  };
}

function printTracing(rows: readonly Measurement[]): void {
  console.log('\nTracing, engine p1:');
  for (const m of rows) {
    console.log(
      `  ${m.name.padEnd(22)} ${millions(recordsPerSecond(m))} records/s, ` +
        `${(m.traceEvents ?? 0).toLocaleString('en')} trace events, ` +
        `${m.allocBytesPerRecord.toFixed(0)} B allocated per record`,
    );
  }
  const [off, ...on] = rows as [Measurement, ...Measurement[]];
  const clean =
    off.traceEvents === 0 && on.every((m) => m.allocBytesPerRecord > off.allocBytesPerRecord);
  console.log(
    `  tracing off: ${off.traceEvents} trace events (the job has no tracer: onTrace refuses a ` +
      `subscriber) and less allocation per record than either traced run: ` +
      (clean ? 'OK, no trace objects' : 'CHECK, trace objects may be allocated'),
  );
}

function main(): void {
  const { records, runs } = options();
  const input = makeInput(records);
  const warmUp = input.slice(0, Math.min(WARM_UP_RECORDS, records));
  const expected = sortResults(runLoop(input));
  const expectedWarmUp = sortResults(runLoop(warmUp));
  const late = records - expected.reduce((n, r) => n + r.count, 0);
  const n = (x: number) => x.toLocaleString('en');
  console.log(
    `${n(records)} records, ${KEYS} keys, seed ${SEED}; arrival ${RECORDS_PER_MS}/ms, ` +
      `event time = arrival - uniform[0, ${DISORDER_MS}] ms\n` +
      `tumbling ${WINDOW_MS} ms event-time windows; watermark = max ts - ${OUT_OF_ORDERNESS_MS}` +
      ` - 1 after every record; ${n(expected.length)} (key, window) results, ` +
      `${n(late)} late records dropped\n` +
      `setup = engine job creation (plan, list source copied and ordered), timed apart; ` +
      `records/s is the run's. Best of ${runs} after a ${n(warmUp.length)}-record warm-up.\n` +
      `peak heap = highest used heap over setup and run, above the heap before (input excluded)\n`,
  );

  const measured = new Map<Contender, Measurement>();
  for (const c of contenders) {
    checker(`${c.name} (warm-up)`, expectedWarmUp)(c.prepare(warmUp).run());
    measured.set(c, measure(c, input, runs, checker(c.name, expected)));
  }
  const reference = measured.get(loop)!;
  printTable([...measured.values()], reference);
  printTracing(traced.map((c) => measured.get(c)!));

  const r = ratio(measured.get(engineP1)!, reference);
  console.log(
    `\nengine p1 / loop = ${r.toFixed(2)} (target >= ${TARGET.toFixed(2)}): ` +
      (r >= TARGET ? 'PASS' : 'BELOW TARGET'),
  );
}

try {
  main();
} catch (e) {
  if (!(e instanceof ResultsDiffer)) throw e;
  console.error(`\nRESULTS DIFFER - ${e.message}`);
  process.exitCode = 1;
}
