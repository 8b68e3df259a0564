import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../engine/pipeline/document';
import {
  dragTime,
  fitScale,
  keySlots,
  snap,
  snapStep,
  stackRows,
  timeToX,
  xToTime,
} from './marble-scale';
import type { InputRecord } from './records-io';
import { recordTimes, type LaneSource } from './source-lanes';

const RADIUS = 15;
const ROW = 46;
const TOP = 24;
const AXIS = 22;
const KEY_COLOURS = 6;
/** A lane is only a few rows tall, so each pixel of vertical travel counts as four across. */
const VERTICAL_GAIN = 4;

interface Drag {
  index: number;
  pointerX: number;
  pointerY: number;
  ts: number;
  at: number;
  moved: boolean;
}

export function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${(ms / 1000).toFixed(ms % 100 === 0 ? 1 : 3)}s`;
}

/**
 * One list source as marbles: x is the arrival time, a tick below each marble marks its
 * event time. Drags preview locally and become one edit when released.
 */
export function MarbleLane({
  source,
  width,
  selected,
  onSelect,
  onChange,
}: {
  source: LaneSource;
  width: number;
  selected: number | null;
  onSelect(index: number | null): void;
  onChange(records: InputRecord[]): void;
}) {
  const { t } = useTranslation('input');
  const [drag, setDrag] = useState<Drag | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const times = source.records.map((r) => recordTimes(source, r));
  const scale = fitScale(
    times.flatMap((x) => [x.at, x.ts]),
    width,
  );
  const step = snapStep(scale);
  const shown = times.map((x, i) => (drag?.index === i ? { ts: drag.ts, at: drag.at } : x));
  const xs = shown.map((x) => timeToX(scale, x.at));
  const rows = stackRows(xs, RADIUS * 2 + 2);
  const height = TOP + (Math.max(0, ...rows) + 1) * ROW + AXIS;
  const axisY = height - AXIS;
  const keyOf = (r: InputRecord) => {
    const v = source.keyField === undefined ? undefined : r[source.keyField];
    return v === undefined || v === null ? undefined : String(v as JsonValue);
  };
  const slots = keySlots(source.records.map(keyOf), KEY_COLOURS);

  const withTimes = (index: number, ts: number, at: number) =>
    source.records.map((r, i) =>
      i === index ? { ...r, [source.timestampField]: ts, [source.arrivalField]: at } : r,
    );

  const addAt = (event: PointerEvent<SVGRectElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (box === undefined) return;
    const at = snap(xToTime(scale, event.clientX - box.left), step);
    const last = source.records.at(-1);
    const record: InputRecord = { ...last, [source.timestampField]: at, [source.arrivalField]: at };
    onChange([...source.records, record]);
    onSelect(source.records.length);
  };

  const onPointerDown = (index: number) => (event: PointerEvent<SVGGElement>) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({
      index,
      pointerX: event.clientX,
      pointerY: event.clientY,
      ...times[index],
      moved: false,
    });
  };
  const onPointerMove = (event: PointerEvent<SVGGElement>) => {
    if (drag === null) return;
    const dx = event.clientX - drag.pointerX;
    const dy = event.clientY - drag.pointerY;
    if (!drag.moved && Math.hypot(dx, dy) < 3) return;
    const start = times[drag.index];
    // Sideways moves the arrival; with Shift, or upwards and downwards, the event time.
    const eventTime = event.shiftKey || Math.abs(dy) > Math.abs(dx);
    setDrag({
      ...drag,
      moved: true,
      at: eventTime ? start.at : dragTime(scale, start.at, dx, step),
      ts: eventTime
        ? dragTime(scale, start.ts, event.shiftKey ? dx : -dy * VERTICAL_GAIN, step)
        : start.ts,
    });
  };
  const onPointerUp = () => {
    if (drag === null) return;
    const { index, ts, at, moved } = drag;
    setDrag(null);
    const before = times[index];
    if (moved && (ts !== before.ts || at !== before.at)) onChange(withTimes(index, ts, at));
    onSelect(index);
  };
  const onKeyDown = (index: number) => (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onChange(source.records.filter((_, i) => i !== index));
      onSelect(null);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(index);
    } else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const delta = (event.key === 'ArrowRight' ? 1 : -1) * step;
      const { ts, at } = times[index];
      onChange(
        event.shiftKey
          ? withTimes(index, snap(ts + delta, step), at)
          : withTimes(index, ts, snap(at + delta, step)),
      );
    }
  };

  const ticks = axisTicks(scale.fromMs, xToTime(scale, width - 8), width);
  return (
    <svg
      ref={svg}
      className="marble-lane"
      width={width}
      height={height}
      role="group"
      aria-label={t('lane.label', { source: source.node.label || source.node.uid })}
      data-testid={`lane-${source.node.uid}`}
    >
      <rect
        className="marble-lane__track"
        x={0}
        y={0}
        width={width}
        height={axisY}
        onPointerUp={addAt}
        data-testid={`lane-track-${source.node.uid}`}
      >
        <title>{t('lane.addHint')}</title>
      </rect>
      <line className="marble-lane__axis" x1={0} x2={width} y1={axisY} y2={axisY} />
      {ticks.map((ms) => (
        <g key={ms} transform={`translate(${timeToX(scale, ms)},${axisY})`}>
          <line className="marble-lane__axis" y2={4} />
          <text className="marble-lane__tick" y={16} textAnchor="middle">
            {formatMs(ms)}
          </text>
        </g>
      ))}
      {shown.map((x, i) => {
        const cx = xs[i];
        const cy = TOP + rows[i] * ROW + RADIUS;
        const key = keyOf(source.records[i]);
        const slot = key === undefined ? 'none' : String(slots.get(key));
        const late = x.ts < x.at;
        return (
          <g key={i} className="marble-lane__event">
            <line
              className="marble-lane__event-line"
              x1={cx}
              y1={cy + RADIUS}
              x2={timeToX(scale, x.ts)}
              y2={axisY}
            />
            <g
              className={`marble marble--k${slot}${selected === i ? ' marble--selected' : ''}${drag?.index === i ? ' marble--dragging' : ''}`}
              transform={`translate(${cx},${cy})`}
              tabIndex={0}
              role="button"
              aria-label={t('marble.label', {
                eventTime: formatMs(x.ts),
                arrival: formatMs(x.at),
                key: key ?? t('marble.noKey'),
              })}
              aria-pressed={selected === i}
              data-testid={`marble-${source.node.uid}-${i}`}
              data-event-time={x.ts}
              data-arrival={x.at}
              onPointerDown={onPointerDown(i)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onKeyDown={onKeyDown(i)}
              onContextMenu={(event) => {
                event.preventDefault();
                onSelect(i);
              }}
            >
              <circle
                r={RADIUS}
                className={late ? 'marble__body marble__body--behind' : 'marble__body'}
              />
              <text className="marble__time" textAnchor="middle" dy="0.35em">
                {formatMs(x.ts)}
              </text>
              {key !== undefined && (
                <text className="marble__key" textAnchor="middle" y={-RADIUS - 4}>
                  {key}
                </text>
              )}
            </g>
          </g>
        );
      })}
    </svg>
  );
}

/** Round tick times, about one per 90 px. */
function axisTicks(fromMs: number, toMs: number, width: number): number[] {
  const raw = (toMs - fromMs) / Math.max(1, Math.floor(width / 90));
  const steps = [100, 250, 500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000];
  const step = steps.find((s) => s >= raw) ?? 3_600_000;
  const ticks: number[] = [];
  for (let ms = Math.ceil(fromMs / step) * step; ms <= toMs; ms += step) ticks.push(ms);
  return ticks;
}
