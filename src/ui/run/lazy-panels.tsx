/**
 * The Timeline and Metrics tabs load on first use: the timeline's drawing and uPlot's charts are
 * the largest parts of the run's panels, and the editor opens on the Problems tab.
 */
import { lazyPart } from '../common/lazy-part';

export const TimelinePanel = lazyPart(() => import('./TimelinePanel').then((m) => m.TimelinePanel));
export const MetricsPanel = lazyPart(() => import('./MetricsPanel').then((m) => m.MetricsPanel));
