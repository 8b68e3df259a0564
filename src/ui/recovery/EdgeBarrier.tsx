/**
 * A checkpoint's barrier on a canvas edge: a marker that travels the edge's path once per
 * checkpoint whose barrier crossed it, and stays at the edge's end, held, while the
 * operator there waits for the barrier on its other inputs. Drawn inside the edge's SVG.
 */
import { useTranslation } from 'react-i18next';
import './recovery.css';
import { barrierCrossed, barrierHeld, useBarrierStore } from './barrier-store';

/** Seconds a barrier takes along an edge: long enough to see, short of the next checkpoint. */
const TRAVEL_SECONDS = 0.9;

export function EdgeBarrier({ edgeId, path }: { edgeId: string; path: string }) {
  const { t } = useTranslation('recovery');
  const crossed = useBarrierStore(barrierCrossed(edgeId));
  const held = useBarrierStore(barrierHeld(edgeId));
  if (crossed === null && held === null) return null;
  return (
    <g className="edge-barrier" data-testid={`edge-barrier-${edgeId}`}>
      {crossed !== null && (
        // Keyed by checkpoint: a new element restarts the motion for every checkpoint.
        <g key={crossed} className="edge-barrier__travel" data-checkpoint={crossed}>
          <title>{t('barriers.crossed', { id: crossed })}</title>
          <rect className="edge-barrier__mark" x={-2.5} y={-7} width={5} height={14} rx={1.5}>
            <animateMotion
              dur={`${TRAVEL_SECONDS}s`}
              path={path}
              rotate="auto"
              fill="freeze"
              repeatCount="1"
            />
          </rect>
        </g>
      )}
      {held !== null && (
        <g
          className="edge-barrier__held"
          data-testid={`edge-held-${edgeId}`}
          data-checkpoint={held}
        >
          <title>{t('barriers.held', { id: held })}</title>
          <rect className="edge-barrier__hold" x={-3.5} y={-9} width={7} height={18} rx={2}>
            <animateMotion
              dur="0.01s"
              path={path}
              keyPoints="0.92;0.92"
              keyTimes="0;1"
              calcMode="linear"
              rotate="auto"
              fill="freeze"
            />
          </rect>
        </g>
      )}
    </g>
  );
}
