/**
 * The app's colour scheme: `<html data-theme="light|dark">` once the user picks one, the system
 * preference until then. Code editors switch between their light theme and one-dark on it; the
 * timeline re-reads its canvas colours when it changes.
 */
import { useSyncExternalStore } from 'react';

export const DARK_QUERY = '(prefers-color-scheme: dark)';

function isDark(): boolean {
  const picked = document.documentElement.dataset.theme;
  if (picked === 'dark' || picked === 'light') return picked === 'dark';
  return window.matchMedia(DARK_QUERY).matches;
}

/** Calls `onChange` whenever the picked theme or the system preference changes. */
export function subscribeToTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

/** Rendered on the server (tests), the light theme is assumed. */
export function useDarkTheme(): boolean {
  return useSyncExternalStore(subscribeToTheme, isDark, () => false);
}
