/** Selectors over the run store, defined once so components subscribe to what they read. */
import type { RunStoreState } from './run-store';

export const selectPhase = (s: RunStoreState) => s.phase;
export const selectConfig = (s: RunStoreState) => s.config;
export const selectSpeed = (s: RunStoreState) => s.config.speed;
export const selectSetConfig = (s: RunStoreState) => s.setConfig;
export const selectInfo = (s: RunStoreState) => s.info;
export const selectProgress = (s: RunStoreState) => s.progress;
export const selectHorizon = (s: RunStoreState) => s.horizon;
export const selectFailure = (s: RunStoreState) => s.failure;
export const selectHang = (s: RunStoreState) => s.hang;
export const selectBusy = (s: RunStoreState) => s.busy;
export const selectRunDoc = (s: RunStoreState) => s.doc;
export const selectResults = (s: RunStoreState) => s.results;
export const selectResultsVersion = (s: RunStoreState) => s.resultsVersion;
export const selectMetrics = (s: RunStoreState) => s.metrics;
export const selectBadges = (s: RunStoreState) => s.badges;
export const selectBreakpoints = (s: RunStoreState) => s.config.breakpoints;
export const selectPausedAt = (s: RunStoreState) => s.pausedAt;
export const selectRevealing = (s: RunStoreState) => s.revealing;
export const selectRevealedHit = (s: RunStoreState) => s.revealedHit;

/** A session exists that can be played, stepped or sought. */
export const selectHasSession = (s: RunStoreState) => s.info !== null && s.phase !== 'hung';
/** Whether records flow now: edges animate. */
export const selectFlowing = (s: RunStoreState) => s.phase === 'running';
