/**
 * A file input kept out of sight and out of the tab order: a button or a command opens it with
 * `click()`. It is cleared after each pick, so picking the same file again still arrives.
 */
import type { Ref } from 'react';

export function HiddenFileInput({
  ref,
  accept,
  testId,
  onFile,
}: {
  ref: Ref<HTMLInputElement>;
  accept: string;
  testId: string;
  onFile(file: File): void;
}) {
  return (
    <input
      ref={ref}
      type="file"
      accept={accept}
      className="visually-hidden"
      tabIndex={-1}
      aria-hidden="true"
      data-testid={testId}
      onChange={(event) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file !== undefined) onFile(file);
      }}
    />
  );
}
