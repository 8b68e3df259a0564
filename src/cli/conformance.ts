/**
 * `npm run conformance -- [folder]`: runs every scenario file in a folder (default: the
 * shared conformance folder beside the repository) and ends with `N passed, N failed`.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkScenario } from './conformance/run-scenario';
import type { Scenario } from './conformance/scenario';

const folder = resolve(process.argv[2] ?? '../shared/conformance');
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.json'))
  .sort();

let passed = 0;
let failed = 0;
for (const file of files) {
  let problems: string[];
  try {
    const scenario = JSON.parse(readFileSync(join(folder, file), 'utf8')) as Scenario;
    problems = await checkScenario(scenario, ['heap', 'indexeddb'], indexedDB);
  } catch (e) {
    problems = [`cannot read scenario: ${e instanceof Error ? e.message : String(e)}`];
  }
  if (problems.length === 0) {
    passed++;
  } else {
    failed++;
    console.log(`FAIL ${file}: ${problems.join('; ')}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
