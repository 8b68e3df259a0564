/**
 * Whether the app currently shows its dark theme: `<html data-theme="dark">`, or, while the
 * user has not picked a theme, the system preference. Code editors read it to switch between
 * their light theme and one-dark.
 */
import { useSyncExternalStore } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function isDark(): boolean {
  const picked = document.documentElement.dataset.theme;
  if (picked === 'dark' || picked === 'light') return picked === 'dark';
  return window.matchMedia(DARK_QUERY).matches;
}

function subscribe(onChange: () => void): () => void {
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
  return useSyncExternalStore(subscribe, isDark, () => false);
}
