/**
 * Key parameters at a glance, for the canvas nodes: "tumbling 10 s, lateness 2 s",
 * "bounded 1 s out-of-order", "key: user". Values come with defaults filled in, so the
 * summary shows what will run.
 */
import type { JsonValue, PipelineNode } from '../../../engine/pipeline/document';
import { withDefaults } from '../../../engine/pipeline/params';
import { operatorRegistry } from '../../../engine/pipeline/registry';
import { summarizeScript } from '../../input/script-steps';

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** 250 -> "250 ms", 10000 -> "10 s", 1500 -> "1.5 s", 120000 -> "2 min", 5400000 -> "1.5 h". */
export function formatDuration(ms: number): string {
  const units: [number, string][] = [
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1_000, 's'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(ms) >= size) return `${trim(ms / size)} ${unit}`;
  }
  return `${trim(ms)} ms`;
}

const trim = (n: number) => String(Math.round(n * 100) / 100);

const num = (v: JsonValue | undefined) => (typeof v === 'number' ? v : 0);
const text = (v: JsonValue | undefined) => (typeof v === 'string' ? v : JSON.stringify(v ?? null));

/** One or two short lines describing the node's configuration. */
export function summarize(node: PipelineNode, t: Translate): string[] {
  const meta = operatorRegistry.get(node.kind);
  if (meta === undefined) return [];
  const p = withDefaults(meta.params, node.params);
  switch (node.kind) {
    case 'source.list':
    case 'source.generator': {
      const first =
        node.kind === 'source.generator'
          ? p.count === null
            ? t('summary.generatorEndless', { generator: text(p.generator) })
            : t('summary.generator', { generator: text(p.generator), count: num(p.count) })
          : t('summary.records', { count: Array.isArray(p.records) ? p.records.length : 0 });
      // A bound of 0 is monotonous in all but name.
      const watermarks =
        p.watermarks === 'monotonous' || num(p.outOfOrdernessMs) === 0
          ? t('summary.monotonous')
          : t('summary.bounded', { bound: formatDuration(num(p.outOfOrdernessMs)) });
      return [first, watermarks];
    }
    case 'source.script': {
      const { records, watermarks } = summarizeScript(Array.isArray(p.steps) ? p.steps : []);
      return [t('summary.script', { records, watermarks })];
    }
    case 'map':
      return [
        p.mode === 'code'
          ? t('summary.code')
          : t('summary.assign', { field: text(p.field), expression: text(p.expression) }),
      ];
    case 'filter':
      return [
        p.mode === 'code'
          ? t('summary.code')
          : `${text(p.field)} ${text(p.op)} ${JSON.stringify(p.value ?? null)}`,
      ];
    case 'flatMap':
      return [t('summary.code')];
    case 'keyBy':
      return [
        p.mode === 'code' ? t('summary.keyCode') : t('summary.key', { field: text(p.field) }),
      ];
    case 'window':
    case 'windowAll':
      return [windowShape(p, t), aggregate(p, t)];
    case 'union':
      return [];
    case 'sink':
      return [t('summary.sink', { name: text(p.name) })];
  }
}

function windowShape(p: Record<string, JsonValue>, t: Translate): string {
  const lateness = num(p.allowedLatenessMs);
  const shape = (() => {
    switch (p.assigner) {
      case 'sliding':
        return t('summary.sliding', {
          size: formatDuration(num(p.sizeMs)),
          slide: formatDuration(num(p.slideMs)),
        });
      case 'session':
        return t('summary.session', { gap: formatDuration(num(p.gapMs)) });
      case 'count':
        return t('summary.countWindow', { count: num(p.count) });
      default:
        return t('summary.tumbling', { size: formatDuration(num(p.sizeMs)) });
    }
  })();
  return lateness > 0
    ? `${shape}${t('summary.separator')}${t('summary.lateness', { lateness: formatDuration(lateness) })}`
    : shape;
}

function aggregate(p: Record<string, JsonValue>, t: Translate): string {
  const fn = text(p.aggregate);
  if (fn === 'count' || fn === 'reduce') return t(`summary.aggregate.${fn}`);
  return t('summary.aggregateField', { fn: t(`summary.aggregate.${fn}`), field: text(p.field) });
}
