/** Applies the theme choice to <html data-theme>, following the system when asked to. */
import { useEffect, useSyncExternalStore } from 'react';
import { useEditor } from '../store/editor-store';
import { selectTheme } from '../store/selectors';

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribeToSystem(onChange: () => void) {
  const query = darkQuery();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** The theme in effect: the user's choice, or the system's for 'system'. */
export function useResolvedTheme(): 'light' | 'dark' {
  const choice = useEditor(selectTheme);
  const systemDark = useSyncExternalStore(subscribeToSystem, () => darkQuery().matches);
  const resolved = choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);
  return resolved;
}
