/** What every scenario returns, and helpers they share. */
import type { JobMaster } from '../../src/engine/runtime/job-master';
import type { Row, ScenarioName } from './protocol';
import { WINDOW_UID } from './jobs';

export interface ScenarioResult {
  rows: Row[];
  notes: string[];
}

/** A row builder bound to one scenario. */
export const rowsOf =
  (scenario: ScenarioName) =>
  (metric: string, value: string, target = '', verdict: Row['verdict'] = ''): Row => ({
    scenario,
    metric,
    value,
    target,
    verdict,
  });

/** Throws with the job's own failure message when it did not get where it should. */
export function expectStatus(master: JobMaster, status: JobMaster['status'], what: string): void {
  if (master.status !== status) {
    const failure = master.failure ?? master.job.failure;
    throw new Error(`${what}: job ${master.status}${failure ? `: ${failure.message}` : ''}`);
  }
}

/** Keyed state entries of the window operator, as the job reports them. */
export function stateEntries(master: JobMaster): number {
  return master.job
    .metrics()
    .operators.filter((o) => o.uid === WINDOW_UID)
    .reduce((n, o) => n + o.stateEntries, 0);
}
