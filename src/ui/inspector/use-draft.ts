import { useState } from 'react';

/**
 * The text a field is editing. It starts from `committed` and goes back to it whenever the
 * committed text changes (a commit coming back, undo, another node), unless `keeps` says the
 * draft already stands for the new value, so the user's own formatting survives a commit.
 */
export function useDraft(
  committed: string,
  keeps?: (draft: string) => boolean,
): [string, (text: string) => void] {
  const [draft, setDraft] = useState(committed);
  const [base, setBase] = useState(committed);
  if (committed !== base) {
    setBase(committed);
    if (keeps?.(draft) !== true) setDraft(committed);
  }
  return [draft, setDraft];
}
