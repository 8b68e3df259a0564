/**
 * The theme's colours for canvas drawing, read again whenever the theme changes: the
 * `data-theme` attribute on <html>, or the system preference while it decides.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { DARK_QUERY, subscribeToTheme } from '../color-scheme';
import { readColours, type TimelineColours } from './colours';

function themeKey(): string {
  const picked = document.documentElement.dataset.theme ?? '';
  return `${picked}|${window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light'}`;
}

export function useThemeColours(): TimelineColours {
  const key = useSyncExternalStore(subscribeToTheme, themeKey, () => 'server');
  return useMemo(() => {
    if (key === 'server') return readColours(() => '');
    const style = getComputedStyle(document.documentElement);
    return readColours((name) => style.getPropertyValue(name));
  }, [key]);
}
