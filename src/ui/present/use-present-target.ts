/**
 * What the URL's fragment asks to present, followed as the fragment changes. Moving between
 * the editor and presentation mode reloads the page: each starts from a clean page (the editor
 * opens the user's last project, presentation mode shows its pipeline unsaved).
 */
import { useMemo, useSyncExternalStore } from 'react';
import { presentTarget, type PresentTarget } from './present-link';

const presenting = () => presentTarget(location.hash) !== null;

function subscribe(onChange: () => void): () => void {
  const started = presenting();
  const listener = () => {
    if (presenting() !== started) location.reload();
    else onChange();
  };
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function usePresentTarget(): PresentTarget | null {
  const hash = useSyncExternalStore(
    subscribe,
    () => location.hash,
    () => '',
  );
  return useMemo(() => presentTarget(hash), [hash]);
}
