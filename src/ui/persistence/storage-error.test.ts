import { describe, expect, it } from 'vitest';
import { StorageError, toStorageError } from './storage-error';

describe('StorageError', () => {
  it.each([
    ['QuotaExceededError', 'quota', /Export your pipeline as a file, then free space/],
    ['VersionError', 'newerDatabase', /newer version of Tidemark/],
    ['InvalidStateError', 'closed', /reload this page/],
    ['SecurityError', 'unavailable', /private window/],
  ])('explains a %s and what to do', (name, reason, message) => {
    const error = toStorageError(new DOMException('refused', name));
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ reason, i18nKey: `persistence:errors.${reason}` });
    expect(error.message).toMatch(message);
    expect(error.cause).toBeInstanceOf(DOMException);
  });

  it('keeps the detail of anything else', () => {
    const error = toStorageError(new TypeError('odd'));
    expect(error.reason).toBe('failed');
    expect(error.message).toContain('(odd)');
  });

  it('fills in the values of its message', () => {
    const error = new StorageError('missingMigration', { name: 'P', found: 3 });
    expect(error.message).toBe(
      'Project "P" has pipeline version 3, which this version of Tidemark cannot upgrade. It is left unchanged.',
    );
    expect(error.values).toEqual({ name: 'P', found: 3 });
  });
});
