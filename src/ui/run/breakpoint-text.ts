/**
 * A breakpoint hit in words: what happened ("window [10 s, 20 s) for key “a” fired with count
 * 3") and where (operator, subtask, processing time, records read). Strings in the `run`
 * namespace.
 */
import type { TFunction } from 'i18next';
import type { PipelineNode } from '../../engine/pipeline/document';
import type { BreakpointHit } from '../../worker/breakpoints';
import { formatBytes, formatExactTime } from './format';

export interface HitWords {
  /** What happened, starting "Paused:". */
  title: string;
  /** Where and when. */
  detail: string;
}

const AGGREGATES = ['count', 'sum', 'min', 'max', 'avg'] as const;
type Aggregate = (typeof AGGREGATES)[number];

/** What the words read of the pipeline: its operators' labels and aggregates. */
export interface Operators {
  nodes: readonly Pick<PipelineNode, 'uid' | 'label' | 'params'>[];
}

export function breakpointWords(
  hit: BreakpointHit,
  doc: Operators | null,
  t: TFunction<'run'>,
): HitWords {
  const records = hit.recordsProcessed;
  const time = formatExactTime(hit.processingTime);
  if (hit.kind === 'checkpointCompletes') {
    const c = hit.checkpoint;
    return {
      title: t('breakpoint.checkpoint', { id: c.id, size: formatBytes(c.bytes) }),
      detail: t('breakpoint.checkpointWhere', {
        time,
        records,
        written: formatBytes(c.writtenBytes),
        subtasks: c.subtasks.length,
      }),
    };
  }
  const node = doc?.nodes.find((n) => n.uid === hit.operatorUid);
  const detail = t('breakpoint.where', {
    operator: node?.label || hit.operatorUid,
    subtask: hit.subtask,
    time,
    records,
  });
  if (hit.kind === 'lateRecord') {
    const words = {
      position: records,
      eventTime: formatExactTime(hit.eventTime),
      watermark: formatExactTime(hit.watermark),
    };
    return {
      title:
        hit.outcome === 'side-output'
          ? t('breakpoint.lateSideOutput', words)
          : t('breakpoint.lateDropped', words),
      detail,
    };
  }
  const window =
    hit.start === null || hit.end === null
      ? t('breakpoint.globalWindow')
      : t('breakpoint.window', {
          start: formatExactTime(hit.start),
          end: formatExactTime(hit.end),
        });
  const aggregate = node?.params.aggregate;
  const result = resultWords(hit.result, isAggregate(aggregate) ? aggregate : null, t);
  return {
    title:
      hit.key === null
        ? t('breakpoint.firedUnkeyed', { window, result })
        : t('breakpoint.fired', { window, key: String(hit.key), result }),
    detail,
  };
}

function isAggregate(value: unknown): value is Aggregate {
  return (AGGREGATES as readonly unknown[]).includes(value);
}

/** "count 3" for a built-in aggregate's value; the emitted value itself otherwise. */
function resultWords(result: unknown, aggregate: Aggregate | null, t: TFunction<'run'>): string {
  const value =
    typeof result === 'object' && result !== null && 'value' in result ? result.value : result;
  if (aggregate !== null && typeof value === 'number') {
    return t(`breakpoint.result.${aggregate}`, { value: Number(value.toFixed(3)) });
  }
  return t('breakpoint.result.other', { value: shortText(result) });
}

function shortText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
