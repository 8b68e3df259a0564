/** The run configuration: the switches the next run (and a reset or seek) uses. */
import type { StateCreator } from 'zustand';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../config';
import type { RunStoreState } from './run-store';
import { loadBreakpoints, saveBreakpoints } from './saved-breakpoints';

export interface ConfigSlice {
  config: RunConfig;
  setConfig(patch: Partial<RunConfig>): void;
}

export const createConfigSlice: StateCreator<RunStoreState, [], [], ConfigSlice> = (set) => ({
  config: { ...DEFAULT_RUN_CONFIG, breakpoints: loadBreakpoints() },
  setConfig(patch) {
    if (patch.breakpoints !== undefined) saveBreakpoints(patch.breakpoints);
    set((s) => ({ config: { ...s.config, ...patch } }));
  },
});
