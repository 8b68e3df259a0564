/** Errors of the IndexedDB state backend, worded for the person running the job. */

/**
 * A read or write of a key group that is not in memory. The runtime must `await prefetch()`
 * every key group a batch can touch before running it, so this is an engine bug, never a
 * user error.
 */
export class StateNotResidentError extends Error {
  constructor(operatorUid: string, keyGroup: number) {
    super(
      `Key group ${keyGroup} of operator "${operatorUid}" is not loaded from IndexedDB: ` +
        'the runtime must await prefetch() for every key group a batch touches (engine bug).',
    );
    this.name = 'StateNotResidentError';
  }
}

/** IndexedDB refused an operation; the job should fail with this message. */
export class StateBackendError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'StateBackendError';
  }
}

/** Explains a failed IndexedDB operation; `action` completes "Could not ...". */
export function storeFailure(action: string, error: unknown): StateBackendError {
  if (error instanceof StateBackendError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const detail = error instanceof Error ? error.message : String(error);
  switch (name) {
    case 'QuotaExceededError':
      return new StateBackendError(
        'IndexedDB is full: the browser refused to store more state (QuotaExceededError). ' +
          'Free space by deleting old savepoints/projects, lower the state size (shorter ' +
          'windows, fewer keys) or use the heap backend.',
        { cause: error },
      );
    case 'InvalidStateError':
      return new StateBackendError(
        `Could not ${action}: the state database is closed (InvalidStateError), e.g. because ` +
          'the job was stopped or the browser cleared site data. Restart the job.',
        { cause: error },
      );
    default:
      if (!(error instanceof DOMException)) {
        // Not IndexedDB's refusal: e.g. a value that cannot be serialized.
        return new StateBackendError(`Could not ${action}: ${detail}`, { cause: error });
      }
      return new StateBackendError(
        `Could not ${action} (${name}: ${detail}). The browser may be low on disk space or ` +
          'blocking storage (private browsing); restart the job or use the heap backend.',
        { cause: error },
      );
  }
}
