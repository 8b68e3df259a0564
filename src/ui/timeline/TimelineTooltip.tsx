/**
 * The tooltip of the hovered mark: both times, the key, its windows and, for a late record,
 * why it was late and where it went. A record's fields come from the worker on demand.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordDescription } from '../../worker/trace-batch';
import { breakpointWords } from '../run/breakpoint-text';
import {
  barrierFacts,
  lateFacts,
  recordFacts,
  watermarkFacts,
  windowFacts,
  type WindowFacts,
} from './facts';
import { formatValue } from './format-value';
import type { TimelineHit } from './hit-test';
import type { TimelineModel } from './model';

export interface TooltipProps {
  model: TimelineModel;
  hit: TimelineHit;
  /** Fields of the hovered record, once the worker has answered; undefined while waiting. */
  details: RecordDescription | null | undefined;
  /** The stage's size, to keep the tooltip inside it. */
  width: number;
  height: number;
  /** The stage's drawing scale: hits are in layout coordinates, the tooltip in CSS pixels. */
  scale: number;
  time(ms: number): string;
}

type Row = [label: string, value: string];

export function TimelineTooltip({ model, hit, details, width, height, scale, time }: TooltipProps) {
  const { t } = useTranslation('timeline');
  const { t: tRun } = useTranslation('run');
  const range = (w: WindowFacts) =>
    Number.isFinite(w.start) ? `[${time(w.start)}, ${time(w.end)})` : t('tooltip.noRange');
  const where = (operator: string, subtask: number) => t('tooltip.subtask', { operator, subtask });
  const key = (k: unknown): Row[] => (k === undefined ? [] : [[t('tooltip.key'), formatValue(k)]]);

  let title: string;
  let rows: Row[] = [];
  const notes: string[] = [];
  let fields = false;
  switch (hit.kind) {
    case 'record':
    case 'late': {
      const late = hit.kind === 'late' ? lateFacts(model, hit.index) : null;
      const f = late ?? recordFacts(model, hit.index);
      title = t(hit.kind === 'record' ? 'tooltip.record' : 'tooltip.late');
      rows = [
        [t('tooltip.operator'), where(f.operator, f.subtask)],
        ...key(f.key),
        [t('tooltip.eventTime'), time(f.eventTime)],
        [t('tooltip.processingTime'), time(f.processingTime)],
        ...f.windows.map((w): Row => [t('tooltip.inWindow'), range(w)]),
      ];
      if (late !== null) {
        notes.push(
          t('tooltip.lateWhy', {
            eventTime: time(late.eventTime),
            watermark: time(late.watermark),
            behindBy: time(late.behindBy),
          }),
          t(late.outcome === 'dropped' ? 'tooltip.dropped' : 'tooltip.sideOutput'),
        );
      }
      fields = true;
      break;
    }
    case 'window': {
      const f = windowFacts(model, hit.index);
      title = t('tooltip.window');
      rows = [
        [t('tooltip.operator'), where(f.operator, f.subtask)],
        ...key(f.key),
        [t('tooltip.range'), range(f)],
        [t('tooltip.records'), String(f.records)],
        [t('tooltip.created'), time(f.createdPt)],
      ];
      if (f.firedPt !== null && f.firedWatermark !== null) {
        rows.push([t('tooltip.firedAt'), time(f.firedPt)]);
        // Processing-time windows fire by the clock, not by a watermark.
        if (model.windowTime === 'event') rows.push([t('tooltip.firedBy'), time(f.firedWatermark)]);
        if (f.firings > 1) rows.push([t('tooltip.firings'), String(f.firings)]);
        if (f.hasResult) rows.push([t('tooltip.result'), formatValue(f.result, 40)]);
        notes.push(t('tooltip.clickToHighlight'));
      } else {
        notes.push(t('tooltip.open', { end: time(f.end) }));
      }
      break;
    }
    case 'watermark': {
      const f = watermarkFacts(model, hit.index);
      title = t('tooltip.watermark');
      rows = [
        [t('tooltip.operator'), where(f.operator, f.subtask)],
        [t('tooltip.processingTime'), time(f.processingTime)],
      ];
      notes.push(t('tooltip.watermarkRose', { watermark: time(f.watermark) }));
      break;
    }
    case 'barrier': {
      const f = barrierFacts(model, hit.index);
      title = t('tooltip.barrier', { checkpoint: f.checkpoint });
      rows = [
        [t('tooltip.operator'), where(f.operator, f.subtask)],
        [t('tooltip.processingTime'), time(f.processingTime)],
      ];
      notes.push(t(f.aligned ? 'tooltip.aligned' : 'tooltip.receivedOne'));
      break;
    }
    case 'breakpoint': {
      // The banner's words: the timeline knows the operators' labels, not their parameters.
      const hit = model.breakpoint?.hit;
      const nodes = model.operators.map(({ uid, label }) => ({ uid, label, params: {} }));
      const words = hit === undefined ? null : breakpointWords(hit, { nodes }, tRun);
      title = words?.title ?? t('legend.breakpoint');
      if (words !== null) notes.push(words.detail);
      break;
    }
  }

  // Beside the mark, on whichever side has room.
  const style: CSSProperties = {};
  const x = hit.x * scale;
  const y = hit.y * scale;
  if (x > width * 0.6) style.right = width - x + 14;
  else style.left = x + 14;
  if (y > height * 0.55) style.bottom = height - y + 10;
  else style.top = y + 10;

  return (
    <div className="timeline-tooltip" role="tooltip" style={style}>
      <div className="timeline-tooltip__title">{title}</div>
      <dl>
        {rows.map(([label, value], i) => (
          <div key={i}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {fields && (
        <Fields details={details} loading={t('tooltip.loading')} label={t('tooltip.fields')} />
      )}
      {notes.map((note, i) => (
        <p key={i} className="timeline-tooltip__note">
          {note}
        </p>
      ))}
    </div>
  );
}

function Fields({
  details,
  loading,
  label,
}: {
  details: RecordDescription | null | undefined;
  loading: string;
  label: string;
}) {
  if (details === null) return null;
  if (details === undefined) return <p className="timeline-tooltip__note">{loading}</p>;
  const value = details.value;
  const entries =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.entries(value as Record<string, unknown>)
      : [['', value] as const];
  return (
    <div className="timeline-tooltip__fields">
      <div className="timeline-tooltip__subtitle">{label}</div>
      <dl>
        {entries.slice(0, 8).map(([name, field]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{formatValue(field, 32)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
