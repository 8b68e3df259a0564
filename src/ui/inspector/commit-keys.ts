import type { KeyboardEvent } from 'react';

/** Enter commits and Escape goes back to the committed text, as in a spreadsheet cell. */
export function commitKeys(commit: () => void, revert: () => void) {
  return (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    else if (event.key === 'Escape') revert();
  };
}
