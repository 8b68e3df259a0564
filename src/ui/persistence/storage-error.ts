/**
 * What can go wrong storing projects, each with a message that says what to do. The UI shows
 * `t(error.i18nKey, error.values)`; `message` is the English text, for logs and tests.
 */
import english from '../i18n/locales/en/persistence.json';

export type StorageProblem = keyof typeof english.errors;

export class StorageError extends Error {
  constructor(
    readonly reason: StorageProblem,
    readonly values: Record<string, string | number> = {},
    options?: ErrorOptions,
  ) {
    super(interpolate(english.errors[reason], values), options);
    this.name = 'StorageError';
  }

  /** The translation key of the message, in the `persistence` namespace. */
  get i18nKey(): string {
    return `persistence:errors.${this.reason}`;
  }
}

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/** IndexedDB's refusal (a DOMException, by name) as a StorageError. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error ? error.name : '';
  const options = { cause: error };
  switch (name) {
    case 'QuotaExceededError':
      return new StorageError('quota', {}, options);
    case 'VersionError':
      return new StorageError('newerDatabase', {}, options);
    case 'InvalidStateError':
      return new StorageError('closed', {}, options);
    case 'SecurityError':
    case 'UnknownError':
      return new StorageError('unavailable', {}, options);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new StorageError('failed', { detail }, options);
    }
  }
}
