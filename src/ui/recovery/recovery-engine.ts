/**
 * The engine calls of checkpoints, failures, savepoints, the inspector and the proof, and the
 * restore through the run controller (so the restored session is the run the UI drives).
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { engine } from '../../worker/client';
import type { FailureTarget, SavepointFileError } from '../../worker/recovery-types';
import { runController } from '../run';

export const recoveryEngine = () => engine();

/** Fails the running job now and shows what the worker answered at once. */
export async function injectFailure(target: FailureTarget): Promise<void> {
  await engine().injectFailure(target);
  runController().flush();
}

/**
 * Starts a session from a savepoint file. A file the worker refuses leaves the current session
 * as it was: the dry run before this says so, and then the store is not touched.
 */
export async function restoreSavepoint(
  doc: PipelineDocument,
  file: Uint8Array,
  allowNonRestoredState: boolean,
): Promise<SavepointFileError | null> {
  const checked = await engine().dryRunRestore(file, doc, {
    parallelism: runController().store.getState().config.parallelism,
    allowNonRestoredState,
  });
  if (!checked.ok) return checked.error;
  if (!checked.report.ok)
    return { reason: 'incompatible', message: checked.report.errors.join('\n') };
  let refused: SavepointFileError | null = null;
  await runController().startWith(doc, async (config, onBatch) => {
    const started = await engine().restore(doc, config, file, { allowNonRestoredState }, onBatch);
    if ('savepoint' in started) {
      refused = started.savepoint;
      return { ok: false, failure: { operatorUid: null, message: started.savepoint.message } };
    }
    return started;
  });
  return refused;
}
