/**
 * The timeline panel: the event-time diagram of one operator and the lanes of every subtask,
 * over a TimelineModel the run fills. It asks the worker for what it shows (`onViewChange`)
 * and for a hovered record's fields (`onRequestDetails`); it never runs engine code.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDescription, TraceView } from '../../worker/trace-batch';
import { Camera } from './camera';
import type { CameraLink } from './camera-link';
import { defaultDiagramOperator } from './diagram-layout';
import type { TimelineHit } from './hit-test';
import type { TimelineModel } from './model';
import { TimelineLegend } from './TimelineLegend';
import { TimelineStage, type TimelineView } from './TimelineStage';
import { TimelineToolbar } from './TimelineToolbar';
import { TimelineTooltip } from './TimelineTooltip';
import { useElementSize } from './use-element-size';
import { useThemeColours } from './use-theme-colours';
import { useTimeText } from './use-time-text';
import { useTimelineExport } from './use-timeline-export';
import './timeline.css';

export interface TimelineProps {
  model: TimelineModel;
  /** A record's fields for its tooltip (the worker's `describe`); null when it is gone. */
  onRequestDetails(recordId: number): Promise<RecordDescription | null>;
  /** What is in view, so the worker can choose how densely to sample. */
  onViewChange(view: TraceView): void;
  /** The view shown first. */
  initialView?: TimelineView;
  /** Other timelines on the same processing-time axis (compare mode). */
  link?: CameraLink;
  /** A window (row of the model's windows) its host highlights, shown in the diagram. */
  highlightWindow?: number | null;
  /** The pipeline's name, for an exported picture's title and file name. */
  exportName?: string;
  /** Draws text and marks this much larger (presentation mode on a projector). */
  scale?: number;
}

interface Details {
  /** Generation and record id the answer belongs to. */
  key: string;
  value: RecordDescription | null;
}

export function Timeline({
  model,
  onRequestDetails,
  onViewChange,
  initialView = 'diagram',
  link,
  highlightWindow = null,
  exportName = '',
  scale = 1,
}: TimelineProps) {
  const { t } = useTranslation('timeline');
  const camera = useMemo(() => new Camera(model), [model]);
  const [view, setView] = useState<TimelineView>(initialView);
  const [chosen, setChosen] = useState<string | null>(null);
  const [highlight, setHighlight] = useState<{ generation: number; window: number } | null>(null);
  const [hover, setHover] = useState<TimelineHit | null>(null);
  const [details, setDetails] = useState<Details | null>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const bodySize = useElementSize(bodyRef);
  const colours = useThemeColours();
  const { time, drawText } = useTimeText();

  const operators = useExternal(model.subscribe, () => model.operators);
  const generation = useExternal(model.subscribe, () => model.generation);
  const keyCount = useExternal(model.subscribe, () => model.keys.length);
  const hasEvents = useExternal(model.subscribe, () => model.extent() !== null);
  const paused = useExternal(model.subscribe, () => model.breakpoint !== null);
  const following = useExternal(camera.subscribe, () => camera.following);

  const chosenIndex = operators.findIndex((op) => op.uid === chosen);
  const hostOperator =
    highlightWindow === null ? undefined : windowOperator(model, highlightWindow);
  const operator = chosenIndex >= 0 ? chosenIndex : (hostOperator ?? defaultDiagramOperator(model));
  const highlighted =
    highlightWindow ?? (highlight?.generation === generation ? highlight.window : null);
  const keys = useMemo(() => model.keys.slice(0, keyCount), [model, keyCount]);

  const exportView = useTimelineExport({
    model,
    camera,
    view,
    operator,
    size: bodySize,
    colours,
    text: drawText,
    keys,
    name: exportName,
  });

  useEffect(() => {
    camera.setAxes(view === 'diagram' ? 'both' : 'pt');
  }, [camera, view]);

  useEffect(() => link?.join(camera), [link, camera]);

  const hoveredId = hoverRecordId(model, hover);
  const detailsKey = hoveredId === null ? null : `${generation}:${hoveredId}`;
  useEffect(() => {
    if (hoveredId === null || detailsKey === null) return;
    let current = true;
    onRequestDetails(hoveredId).then(
      (value) => current && setDetails({ key: detailsKey, value }),
      () => current && setDetails({ key: detailsKey, value: null }),
    );
    return () => {
      current = false;
    };
  }, [hoveredId, detailsKey, onRequestDetails]);

  const onSelect = (hit: TimelineHit | null) => {
    if (hit?.kind === 'window') {
      setHighlight(highlighted === hit.index ? null : { generation, window: hit.index });
    } else if (hit === null) {
      setHighlight(null);
    }
  };

  const operatorLabel = operators[operator]?.label ?? '';
  return (
    <section className="timeline" aria-label={t('label')}>
      <TimelineToolbar
        view={view}
        onView={setView}
        operators={operators}
        operator={operator}
        onOperator={(index) => setChosen(operators[index]?.uid ?? null)}
        following={following}
        onFollow={(on) => camera.setFollowing(on)}
        onZoom={(factor) => camera.zoomBy(factor)}
        onFit={() => camera.fitAll()}
        onExport={exportView}
        exportDisabled={!hasEvents}
      />
      <div className="timeline__body" ref={bodyRef}>
        <TimelineStage
          model={model}
          camera={camera}
          view={view}
          operator={operator}
          colours={colours}
          text={drawText}
          highlight={highlighted}
          label={t(`canvas.${view}`, { operator: operatorLabel })}
          scale={scale}
          onHover={setHover}
          onSelect={onSelect}
          onViewChange={onViewChange}
        />
        {!hasEvents && <p className="timeline__empty">{t('empty')}</p>}
        {hover !== null && (
          <TimelineTooltip
            model={model}
            hit={hover}
            details={details?.key === detailsKey ? details.value : undefined}
            width={bodySize.width}
            height={bodySize.height}
            scale={scale}
            time={time}
          />
        )}
      </div>
      <TimelineLegend view={view} keys={keys} paletteSize={colours.keys.length} paused={paused} />
    </section>
  );
}

/** A value of the model or the camera, read again when they change (and when rendered on a server). */
function useExternal<T>(subscribe: (listener: () => void) => () => void, read: () => T): T {
  return useSyncExternalStore(subscribe, read, read);
}

/** The operator whose diagram shows a window of the model. */
function windowOperator(model: TimelineModel, window: number): number | undefined {
  const lane = model.windows.columns.lane[window];
  return lane === undefined ? undefined : model.lanes[lane]?.operator;
}

/** The record id behind a hovered record or late record, for its fields. */
function hoverRecordId(model: TimelineModel, hit: TimelineHit | null): number | null {
  if (hit?.kind === 'record') return model.records.columns.id[hit.index] ?? null;
  if (hit?.kind === 'late') return model.late.columns.id[hit.index] ?? null;
  return null;
}
