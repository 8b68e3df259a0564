/** Preferences that outlive a project: theme and the bottom panel; remembered in localStorage. */
import type { StateCreator } from 'zustand';
import type { RecoveryTab } from '../../recovery';
import type { EditorState } from './editor-store';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type BottomTab = 'problems' | 'input' | 'timeline' | 'results' | 'metrics' | RecoveryTab;

export interface Prefs {
  theme: ThemeChoice;
  bottomOpen: boolean;
  bottomTab: BottomTab;
  snapToGrid: boolean;
  paletteOpen: boolean;
  /** Height of the bottom dock in pixels. */
  dockHeight: number;
}

export interface PrefsSlice extends Prefs {
  setPrefs(patch: Partial<Prefs>): void;
}

// index.html reads the theme from this key too, to paint the right theme first.
const STORAGE_KEY = 'tidemark.prefs';
const DEFAULTS: Prefs = {
  theme: 'system',
  bottomOpen: true,
  bottomTab: 'problems',
  snapToGrid: true,
  paletteOpen: true,
  dockHeight: 190,
};

function readPrefs(): Prefs {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? '{}') as unknown;
    return typeof stored === 'object' && stored !== null ? { ...DEFAULTS, ...stored } : DEFAULTS;
  } catch {
    return DEFAULTS;
  }
}

export const createPrefsSlice: StateCreator<EditorState, [], [], PrefsSlice> = (set, get) => ({
  ...readPrefs(),
  setPrefs(patch) {
    set(patch);
    const { theme, bottomOpen, bottomTab, snapToGrid, paletteOpen, dockHeight } = get();
    try {
      globalThis.localStorage?.setItem(
        STORAGE_KEY,
        JSON.stringify({ theme, bottomOpen, bottomTab, snapToGrid, paletteOpen, dockHeight }),
      );
    } catch {
      // Private browsing may refuse storage; the choice still holds for this visit.
    }
  },
});
