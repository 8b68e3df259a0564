import { useEffect, useState } from 'react';
import { useCompareOpen } from '../compare';
import { DEMO_AREAS, type DemoArea } from './demo';

const AREA_SELECTORS: Record<DemoArea, string> = {
  timeline: '[data-testid="timeline-panel"]',
  results: '[data-testid="results"]',
  'run-bar': '[data-testid="run-bar"]',
  checkpoints: '[data-testid="checkpoints-panel"]',
  savepoints: '[data-testid="savepoints-panel"]',
  compare: '[data-testid="compare"]',
};

/** Where a step's highlight is on the page: a named area, or the canvas node of that uid. */
export function highlightSelector(highlight: string): string {
  return (DEMO_AREAS as readonly string[]).includes(highlight)
    ? AREA_SELECTORS[highlight as DemoArea]
    : `.react-flow__node[data-id="${CSS.escape(highlight)}"]`;
}

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

const PAD = 6;

/** Parts of the page the compare view leaves in sight when it covers the editor's centre. */
const BESIDE_COMPARE: readonly string[] = ['compare', 'run-bar'];

/**
 * A ring around the highlighted part of the editor. It follows the part every frame, since
 * panels resize and the canvas pans while the demo plays.
 */
export function DemoHighlight({ highlight }: { highlight: string }) {
  const [box, setBox] = useState<Box | null>(null);
  const covered = useCompareOpen() && !BESIDE_COMPARE.includes(highlight);

  useEffect(() => {
    const selector = highlightSelector(highlight);
    let frame = 0;
    let last = '';
    const measure = () => {
      const rect = document.querySelector(selector)?.getBoundingClientRect();
      const next =
        rect === undefined || rect.width === 0
          ? null
          : {
              top: rect.top - PAD,
              left: rect.left - PAD,
              width: rect.width + 2 * PAD,
              height: rect.height + 2 * PAD,
            };
      const key = JSON.stringify(next);
      if (key !== last) {
        last = key;
        setBox(next);
      }
      frame = requestAnimationFrame(measure);
    };
    measure();
    return () => cancelAnimationFrame(frame);
  }, [highlight]);

  if (box === null || covered) return null;
  return (
    <div
      className="demo-highlight"
      style={box}
      aria-hidden="true"
      data-testid="demo-highlight"
      data-highlight={highlight}
    />
  );
}
