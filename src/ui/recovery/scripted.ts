/**
 * Recovery moves a script makes rather than a click (the guided demos): the same engine calls
 * as the Checkpoints and Savepoints tabs, with the savepoint kept in the list but not downloaded.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { DryRunResult } from '../../worker/recovery-types';
import { runController } from '../run';
import { injectFailure, recoveryEngine } from './recovery-engine';
import { keepSavepoint } from './savepoint-list';

/** Fails the whole job now, or once it has processed `onRecord` records. */
export async function failJob(onRecord?: number): Promise<void> {
  if (onRecord === undefined) await injectFailure(null);
  else await recoveryEngine().failOnRecord(onRecord);
}

/** A savepoint of the paused run, kept in the Savepoints tab; returns its file. */
export async function takeSavepoint(): Promise<Uint8Array> {
  const download = await recoveryEngine().takeSavepoint();
  await keepSavepoint(download);
  return download.bytes;
}

/** The compatibility dry run of restoring `file` into `doc` at the run's parallelism. */
export function checkRestore(doc: PipelineDocument, file: Uint8Array): Promise<DryRunResult> {
  return recoveryEngine().dryRunRestore(file, doc, {
    parallelism: runController().store.getState().config.parallelism,
    allowNonRestoredState: false,
  });
}
