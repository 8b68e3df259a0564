/** The timeline panel and what its host needs to feed it. */
export { Timeline, type TimelineProps } from './Timeline';
export { CameraLink } from './camera-link';
export type { TimelineView } from './TimelineStage';
export { TimelineModel, type TimelineOperator } from './model';
export { TraceAdapter } from './adapter';
export { summarizeTimeline, type TimelineSummary } from './summary';
