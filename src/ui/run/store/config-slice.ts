/** The run configuration: the switches the next run (and a reset or seek) uses. */
import type { StateCreator } from 'zustand';
import { DEFAULT_RUN_CONFIG, type RunConfig } from '../config';
import type { RunStoreState } from './run-store';

export interface ConfigSlice {
  config: RunConfig;
  setConfig(patch: Partial<RunConfig>): void;
}

export const createConfigSlice: StateCreator<RunStoreState, [], [], ConfigSlice> = (set) => ({
  config: DEFAULT_RUN_CONFIG,
  setConfig(patch) {
    set((s) => ({ config: { ...s.config, ...patch } }));
  },
});
