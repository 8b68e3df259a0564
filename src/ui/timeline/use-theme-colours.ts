/**
 * The theme's colours for canvas drawing, read again whenever the theme changes: the
 * `data-theme` attribute on <html>, or the system preference while it decides.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { readColours, type TimelineColours } from './colours';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function themeKey(): string {
  const picked = document.documentElement.dataset.theme ?? '';
  return `${picked}|${window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'}`;
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

export function useThemeColours(): TimelineColours {
  const key = useSyncExternalStore(subscribe, themeKey, () => 'server');
  return useMemo(() => {
    if (key === 'server') return readColours(() => '');
    const style = getComputedStyle(document.documentElement);
    return readColours((name) => style.getPropertyValue(name));
  }, [key]);
}
