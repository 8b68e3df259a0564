/**
 * The Timeline tab: the timeline over the run controller's model, wired to the worker. "Show
 * in timeline" on a breakpoint's banner brings its event into view (and its window, if one
 * fired, is highlighted while the run stays paused there).
 */
import { useEffect, useMemo } from 'react';
import { CameraLink, Timeline } from '../timeline';
import { runController } from './app-run';
import { hitKey, revealTarget } from './reveal';
import { useRunStore } from './store/run-store';
import { useRunTimeline } from './use-run-timeline';
import {
  selectPausedAt,
  selectRevealedHit,
  selectRevealing,
  selectRunDoc,
} from './store/selectors';

export function TimelinePanel() {
  const controller = runController();
  const timeline = useRunTimeline();
  const link = useMemo(() => new CameraLink(), []);
  const revealing = useRunStore(selectRevealing);
  const pausedAt = useRunStore(selectPausedAt);
  const shown = useRunStore(selectRevealedHit);
  const runName = useRunStore(selectRunDoc)?.name ?? '';

  useEffect(() => {
    if (!revealing) return;
    const { pausedAt: hit, revealed } = useRunStore.getState();
    if (hit === null) return revealed({ hit: '', window: null });
    controller.flush();
    const target = revealTarget(controller.model, hit, controller.view);
    link.show(target.pt);
    revealed({ hit: hitKey(hit), window: target.window });
  }, [revealing, controller, link]);

  return (
    <div className="run-timeline" data-testid="timeline-panel">
      <Timeline
        {...timeline}
        link={link}
        exportName={runName}
        highlightWindow={pausedAt !== null && shown?.hit === hitKey(pausedAt) ? shown.window : null}
      />
    </div>
  );
}
