/**
 * A checkpoint's barrier on a canvas edge: a marker that travels the edge's path once per
 * checkpoint whose barrier crossed it, and stays at the edge's end, held, while the
 * operator there waits for the barrier on its other inputs. Drawn inside the edge's SVG.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import './recovery.css';
import { barrierCrossed, barrierHeld, barrierWaited, useBarrierStore } from './barrier-store';

/** Seconds a barrier takes along an edge: long enough to see, short of the next checkpoint. */
const TRAVEL_SECONDS = 0.6;

/** Where a held barrier waits: just before the operator it is held at. */
const HELD_AT = 0.9;

export function EdgeBarrier({ edgeId, path }: { edgeId: string; path: string }) {
  const { t } = useTranslation('recovery');
  const crossed = useBarrierStore(barrierCrossed(edgeId));
  const held = useBarrierStore(barrierHeld(edgeId));
  const waited = useBarrierStore(barrierWaited(edgeId));
  if (crossed === null && held === null) return null;
  // Held now, or held back for this checkpoint's alignment and already let go: shown briefly.
  const holding = held ?? (waited !== null && waited === crossed ? waited : null);
  return (
    <g className="edge-barrier" data-testid={`edge-barrier-${edgeId}`}>
      {crossed !== null && (
        // Keyed by checkpoint: a new element, and a new journey, for every checkpoint.
        <g key={crossed} className="edge-barrier__travel" data-checkpoint={crossed}>
          <title>{t('barriers.crossed', { id: crossed })}</title>
          <rect className="edge-barrier__mark" x={-3} y={-8} width={6} height={16} rx={2}>
            <Motion path={path} />
          </rect>
        </g>
      )}
      {holding !== null && (
        <g
          key={`held-${holding}`}
          className={`edge-barrier__held${held === null ? ' edge-barrier__held--released' : ''}`}
          data-testid={`edge-held-${edgeId}`}
          data-checkpoint={holding}
        >
          <title>{t('barriers.held', { id: holding })}</title>
          <rect className="edge-barrier__hold" x={-4} y={-10} width={8} height={20} rx={2}>
            <Motion path={path} at={HELD_AT} />
          </rect>
        </g>
      )}
    </g>
  );
}

/**
 * Moves its parent along `path`, from the start to the end, or straight to the point `at`
 * (0 to 1) of it. SMIL times count from the document's start, so an element added later
 * begins its motion itself, when it mounts.
 */
function Motion({ path, at }: { path: string; at?: number }) {
  const ref = useRef<SVGAnimateMotionElement>(null);
  useEffect(() => {
    ref.current?.beginElement();
  }, []);
  return at === undefined ? (
    <animateMotion
      ref={ref}
      begin="indefinite"
      dur={`${TRAVEL_SECONDS}s`}
      path={path}
      rotate="auto"
      fill="freeze"
    />
  ) : (
    <animateMotion
      ref={ref}
      begin="indefinite"
      dur="0.001s"
      path={path}
      keyPoints={`${at};${at}`}
      keyTimes="0;1"
      calcMode="linear"
      rotate="auto"
      fill="freeze"
    />
  );
}
