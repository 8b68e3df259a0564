// The demo files as the app bundles them, and what a demo says its run shows.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './app.mjs';

const DEMOS = path.join(ROOT, 'demos');

/** @param {string} id @returns {Promise<any>} one demo file */
export async function demoFile(id) {
  return JSON.parse(await readFile(path.join(DEMOS, `${id}.json`), 'utf8'));
}

/** Every demo file (a new file in demos/ is played too), in gallery order. */
export async function demoFiles() {
  const files = (await readdir(DEMOS)).filter((f) => f.endsWith('.json'));
  const all = await Promise.all(files.map((f) => demoFile(f.slice(0, -'.json'.length))));
  return all.sort((a, b) => a.order - b.order);
}

/** @param {any[]} results what the sinks received, in the fields a demo's outcome states */
export const claimed = (results) =>
  results.map(({ sink, subtask, value, processingTime }) => ({
    sink,
    subtask,
    value,
    processingTime,
  }));

/**
 * What the run shows at a demo's last step: the results of the variant in force there, else the
 * outcome's (a savepoint demo's run is the restored one, a failure demo's counts what committed).
 * @param {any} demo
 */
export function shownAtEnd(demo) {
  const name = demo.steps.findLast((/** @type {any} */ s) => s.variant)?.variant;
  if (name === undefined) return demo.outcome.results;
  return demo.outcome.variants.find((/** @type {any} */ v) => v.name === name).results;
}
