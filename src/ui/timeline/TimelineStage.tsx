/**
 * The two stacked canvases of one view: the static layer (the run) and the interactive layer
 * (hover and highlight), redrawn at most once per animation frame and only when something
 * changed. Pointer and wheel gestures move the shared camera; hovering reports what is under
 * the pointer, clicking selects it.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';
import { eventBudget, viewMoved, type Camera } from './camera';
import type { TimelineColours } from './colours';
import { layoutDiagram, type DiagramLayout } from './diagram-layout';
import { drawDiagramInteractive, drawDiagramStatic } from './draw-diagram';
import { font, type DrawText } from './draw-common';
import { drawLanesInteractive, drawLanesStatic } from './draw-lanes';
import { createFrameScheduler, type FrameScheduler } from './frame-scheduler';
import { hitDiagram, hitLanes, sameHit, type TimelineHit } from './hit-test';
import { layoutLanes, type LanesLayout } from './lanes-layout';
import type { TimelineModel } from './model';
import type { TraceView } from '../../worker/trace-batch';
import { useElementSize } from './use-element-size';
import type { TimeRange } from './viewport';

export type TimelineView = 'diagram' | 'lanes';

export interface StageProps {
  model: TimelineModel;
  camera: Camera;
  view: TimelineView;
  /** Operator the diagram shows (index into the model's operators). */
  operator: number;
  colours: TimelineColours;
  text: DrawText;
  highlight: number | null;
  label: string;
  /**
   * How much larger than usual to draw (presentation mode): the stage lays out at its size
   * divided by this and draws at the pixel ratio times this, so text and marks grow alike.
   */
  scale?: number;
  onHover(hit: TimelineHit | null): void;
  onSelect(hit: TimelineHit | null): void;
  onViewChange(view: TraceView): void;
}

type Layout = { kind: 'diagram'; layout: DiagramLayout } | { kind: 'lanes'; layout: LanesLayout };

/** Pointer travel under which a press counts as a click, not a drag. */
const CLICK_SLOP = 4;
const WHEEL_ZOOM = 0.0015;

export function TimelineStage(props: StageProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const staticRef = useRef<HTMLCanvasElement>(null);
  const interactiveRef = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(containerRef);
  const latest = useRef({ props, size });
  const layoutRef = useRef<Layout | null>(null);
  const hoverRef = useRef<TimelineHit | null>(null);
  const reportedRef = useRef<TimeRange | null>(null);
  const schedulerRef = useRef<FrameScheduler | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const travel = useRef(0);
  /** Where the pointer rests over the stage, to find what is under it after a redraw. */
  const resting = useRef<{ x: number; y: number } | null>(null);
  /** Whether the interactive layer holds marks now. */
  const interactiveMarked = useRef(true);

  const setHover = (hit: TimelineHit | null) =>
    applyHover(hit, hoverRef, schedulerRef, latest.current.props.onHover);
  const hitAt = (x: number, y: number) => hitLayout(layoutRef.current, x, y);

  useLayoutEffect(() => {
    latest.current = { props, size };
  });

  useEffect(() => {
    const draw = (dirty: { static: boolean; interactive: boolean }) => {
      const { props: p, size: pixels } = latest.current;
      const staticCanvas = staticRef.current;
      const interactiveCanvas = interactiveRef.current;
      if (staticCanvas === null || interactiveCanvas === null || pixels.width === 0) return;
      const scale = p.scale ?? 1;
      const ratio = (window.devicePixelRatio || 1) * scale;
      const s = { width: pixels.width / scale, height: pixels.height / scale };
      const staticCtx = staticCanvas.getContext('2d');
      const interactiveCtx = interactiveCanvas.getContext('2d');
      if (staticCtx === null || interactiveCtx === null) return;
      if (dirty.static || layoutRef.current === null) {
        for (const canvas of [staticCanvas, interactiveCanvas]) {
          const width = Math.round(s.width * ratio);
          const height = Math.round(s.height * ratio);
          if (canvas.width !== width) canvas.width = width;
          if (canvas.height !== height) canvas.height = height;
        }
        layoutRef.current = drawStatic(staticCtx, p, s, ratio);
        p.camera.setPlot(layoutRef.current.layout.plot);
        const range = p.camera.viewport.pt;
        if (viewMoved(reportedRef.current, range)) {
          reportedRef.current = range;
          p.onViewChange({
            ptFrom: range.from,
            ptTo: range.to,
            maxEvents: eventBudget(layoutRef.current.layout.plot.width),
            follow: p.camera.following,
          });
        }
        // The marks moved under a resting pointer (follow mode, new events): hover anew.
        const pointer = resting.current;
        if (pointer !== null && pointers.current.size === 0) {
          const hit = hitLayout(layoutRef.current, pointer.x, pointer.y);
          applyHover(hit, hoverRef, schedulerRef, p.onHover);
        }
      }
      const current = layoutRef.current;
      // An empty interactive layer that stays empty is left alone: clearing it would make the
      // compositor take a second full-size canvas every frame.
      const marked =
        hoverRef.current !== null || (current.kind === 'diagram' && p.highlight !== null);
      if (!marked && !interactiveMarked.current) return;
      interactiveMarked.current = marked;
      if (current.kind === 'diagram') {
        const interaction = { hover: hoverRef.current, highlight: p.highlight };
        drawDiagramInteractive(
          interactiveCtx,
          current.layout,
          p.model,
          interaction,
          p.colours,
          ratio,
        );
      } else {
        drawLanesInteractive(interactiveCtx, current.layout, hoverRef.current, p.colours, ratio);
      }
    };
    const scheduler = createFrameScheduler(
      draw,
      (callback) => requestAnimationFrame(callback),
      (handle) => cancelAnimationFrame(handle),
    );
    schedulerRef.current = scheduler;
    return () => {
      scheduler.dispose();
      schedulerRef.current = null;
    };
  }, []);

  const { model, camera, view, operator, colours, text, highlight } = props;
  useEffect(() => {
    const onModel = () => {
      camera.track();
      schedulerRef.current?.invalidate('static');
    };
    const stopModel = model.subscribe(onModel);
    const stopCamera = camera.subscribe(() => schedulerRef.current?.invalidate('static'));
    return () => {
      stopModel();
      stopCamera();
    };
  }, [model, camera]);

  useEffect(() => {
    schedulerRef.current?.invalidate('static');
  }, [size, view, operator, colours, text, props.scale]);

  useEffect(() => {
    schedulerRef.current?.invalidate('interactive');
  }, [highlight]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const scale = latest.current.props.scale ?? 1;
      // Trackpad pinches arrive as wheel events with ctrlKey and small deltas.
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      const factor = Math.exp(-delta * WHEEL_ZOOM * (event.ctrlKey ? 4 : 1));
      latest.current.props.camera.zoomAt(
        (event.clientX - rect.left) / scale,
        (event.clientY - rect.top) / scale,
        factor,
      );
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  /** The pointer in layout coordinates (CSS pixels divided by the scale). */
  const local = (event: PointerEvent) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const scale = props.scale ?? 1;
    return { x: (event.clientX - rect.left) / scale, y: (event.clientY - rect.top) / scale };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointers.current.set(event.pointerId, local(event));
    travel.current = 0;
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const point = local(event);
    const previous = pointers.current.get(event.pointerId);
    if (previous === undefined) {
      resting.current = point;
      setHover(hitAt(point.x, point.y));
      return;
    }
    const others = [...pointers.current.entries()].filter(([id]) => id !== event.pointerId);
    pointers.current.set(event.pointerId, point);
    const other = others[0]?.[1];
    if (other !== undefined) {
      // Two fingers: zoom by the change in their distance, about their midpoint.
      const before = Math.hypot(previous.x - other.x, previous.y - other.y);
      const after = Math.hypot(point.x - other.x, point.y - other.y);
      if (before > 0 && after > 0) {
        camera.zoomAt((point.x + other.x) / 2, (point.y + other.y) / 2, after / before);
      }
      travel.current += CLICK_SLOP;
      return;
    }
    const dx = point.x - previous.x;
    const dy = point.y - previous.y;
    travel.current += Math.abs(dx) + Math.abs(dy);
    if (travel.current > CLICK_SLOP) {
      setHover(null);
      camera.panBy(dx, dy);
    }
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const wasClick = travel.current <= CLICK_SLOP && pointers.current.size === 1;
    pointers.current.delete(event.pointerId);
    if (wasClick) {
      const point = local(event);
      props.onSelect(hitAt(point.x, point.y));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const step = camera.plot.width / 10;
    const actions: Record<string, () => void> = {
      '+': () => camera.zoomBy(1.5),
      '=': () => camera.zoomBy(1.5),
      '-': () => camera.zoomBy(1 / 1.5),
      ArrowLeft: () => camera.panBy(step, 0),
      ArrowRight: () => camera.panBy(-step, 0),
      ArrowUp: () => camera.panBy(0, step),
      ArrowDown: () => camera.panBy(0, -step),
      Escape: () => props.onSelect(null),
    };
    const action = actions[event.key];
    if (action === undefined) return;
    event.preventDefault();
    action();
  };

  return (
    <div
      ref={containerRef}
      className="timeline-stage"
      role="img"
      aria-label={props.label}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={(event) => pointers.current.delete(event.pointerId)}
      onPointerLeave={() => {
        resting.current = null;
        if (pointers.current.size === 0) setHover(null);
      }}
      onKeyDown={onKeyDown}
    >
      <canvas ref={staticRef} className="timeline-stage__layer" />
      <canvas ref={interactiveRef} className="timeline-stage__layer" />
    </div>
  );
}

function hitLayout(layout: Layout | null, x: number, y: number): TimelineHit | null {
  if (layout === null) return null;
  return layout.kind === 'diagram'
    ? hitDiagram(layout.layout, x, y)
    : hitLanes(layout.layout, x, y);
}

/** Hovers `hit` if it is new: redraws the interactive layer and tells the panel. */
function applyHover(
  hit: TimelineHit | null,
  hover: RefObject<TimelineHit | null>,
  scheduler: RefObject<FrameScheduler | null>,
  onHover: (hit: TimelineHit | null) => void,
): void {
  if (sameHit(hit, hover.current)) return;
  hover.current = hit;
  scheduler.current?.invalidate('interactive');
  onHover(hit);
}

/**
 * Result labels' widths by font and text: the same labels are laid out every frame of a run,
 * and measuring text is among the dearest calls of a frame.
 */
const labelWidths = new Map<string, number>();
const LABEL_WIDTHS_KEPT = 4096;

function drawStatic(
  ctx: CanvasRenderingContext2D,
  props: StageProps,
  size: { width: number; height: number },
  ratio: number,
): Layout {
  const { model, camera, colours, text } = props;
  const paletteSize = colours.keys.length;
  if (props.view === 'lanes') {
    const layout = layoutLanes({ model, viewport: camera.viewport, size, paletteSize });
    drawLanesStatic(ctx, layout, model, colours, text, ratio);
    return { kind: 'lanes', layout };
  }
  const labelFont = font(colours, 11, 700);
  const tickFont = font(colours, 11);
  const layout = layoutDiagram({
    model,
    operator: props.operator,
    viewport: camera.viewport,
    size,
    paletteSize,
    measure: (label) => {
      const key = `${labelFont}\n${label}`;
      let width = labelWidths.get(key);
      if (width === undefined) {
        if (labelWidths.size >= LABEL_WIDTHS_KEPT) labelWidths.clear();
        ctx.font = labelFont;
        width = ctx.measureText(label).width;
        labelWidths.set(key, width);
      }
      return width;
    },
    tickWidth: (value, step) => {
      ctx.font = tickFont;
      return ctx.measureText(text.tick(value, step)).width;
    },
  });
  drawDiagramStatic(ctx, layout, colours, text, ratio);
  return { kind: 'diagram', layout };
}
