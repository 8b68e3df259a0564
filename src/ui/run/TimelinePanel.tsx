/** The Timeline tab: the timeline over the run controller's model, wired to the worker. */
import { useCallback } from 'react';
import type { TraceView } from '../../worker/trace-batch';
import { Timeline } from '../timeline';
import { runController } from './app-run';

export function TimelinePanel() {
  const controller = runController();
  const onViewChange = useCallback((view: TraceView) => controller.setView(view), [controller]);
  const onRequestDetails = useCallback(
    (recordId: number) => controller.describe(recordId),
    [controller],
  );
  return (
    <div className="run-timeline" data-testid="timeline-panel">
      <Timeline
        model={controller.model}
        onViewChange={onViewChange}
        onRequestDetails={onRequestDetails}
      />
    </div>
  );
}
