/** The run: its store and controller, the run controls, the bottom panels and canvas badges. */
export { RunBar, type RunBarProps } from './RunBar';
export { useRunTimeline } from './use-run-timeline';
export { ResultsPanel } from './ResultsPanel';
export { MetricsPanel, TimelinePanel } from './lazy-panels';
export { NodeRunBadges } from './NodeRunBadges';
export { useFlowing } from './use-flowing';
export { runController } from './app-run';
export { runTestApi, type RunTestApi } from './test-api';
export { useRunStore } from './store/run-store';
export {
  selectConfig,
  selectInfo,
  selectPhase,
  selectProgress,
  selectResults,
  selectResultsVersion,
  selectRunDoc,
  selectSetConfig,
} from './store/selectors';
export { formatTime } from './format';
export { showValue } from './export-results';
