import { useCallback } from 'react';
import type { TraceView } from '../../worker/trace-batch';
import type { TimelineProps } from '../timeline';
import { runController } from './app-run';

/** What a timeline of the app's run needs: its model and the worker behind the view and tooltips. */
export function useRunTimeline(): Pick<
  TimelineProps,
  'model' | 'onViewChange' | 'onRequestDetails'
> {
  const controller = runController();
  const onViewChange = useCallback((view: TraceView) => controller.setView(view), [controller]);
  const onRequestDetails = useCallback(
    (recordId: number) => controller.describe(recordId),
    [controller],
  );
  return { model: controller.model, onViewChange, onRequestDetails };
}
