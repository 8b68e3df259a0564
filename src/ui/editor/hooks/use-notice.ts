/** A short notice at the top of the editor ("Share link copied"), gone after a few seconds. */
import { useCallback, useEffect, useState } from 'react';

export const NOTICE_MS = 4_000;

export function useNotice(): [notice: string | null, notify: (message: string) => void] {
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return [notice, useCallback((message: string) => setNotice(message), [])];
}
