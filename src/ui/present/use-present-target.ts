/** What the URL's fragment asks to present, followed as the fragment changes. */
import { useMemo, useSyncExternalStore } from 'react';
import { presentTarget, type PresentTarget } from './present-link';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePresentTarget(): PresentTarget | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => location.hash,
    () => '',
  );
  return useMemo(() => presentTarget(hash), [hash]);
}
