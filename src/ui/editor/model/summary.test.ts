import { describe, expect, it } from 'vitest';
import type { OperatorKind, PipelineNode } from '../../../engine/pipeline/document';
import { operatorRegistry } from '../../../engine/pipeline/registry';
import english from '../../i18n/locales/en/editor.json';
import { formatDuration, summarize, type Translate } from './summary';

/** i18next's lookup and interpolation, over the English file. */
const t: Translate = (key, values = {}) => {
  const template = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], english);
  if (typeof template !== 'string') throw new Error(`missing message ${key}`);
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
};

const node = (kind: OperatorKind, params: PipelineNode['params'] = {}): PipelineNode => ({
  uid: 'n',
  kind,
  params,
});

describe('formatDuration', () => {
  it('picks the largest unit that keeps the number at least 1', () => {
    expect(formatDuration(250)).toBe('250 ms');
    expect(formatDuration(1_000)).toBe('1 s');
    expect(formatDuration(1_500)).toBe('1.5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(5_400_000)).toBe('1.5 h');
    expect(formatDuration(0)).toBe('0 ms');
  });
});

describe('summarize', () => {
  it('describes windows by shape, lateness and aggregate', () => {
    expect(summarize(node('window', { sizeMs: 10_000, allowedLatenessMs: 2_000 }), t)).toEqual([
      'tumbling 10 s, lateness 2 s',
      'count',
    ]);
    expect(
      summarize(node('windowAll', { assigner: 'sliding', aggregate: 'sum', field: 'amount' }), t),
    ).toEqual(['sliding 10 s every 5 s', 'sum of amount']);
    expect(summarize(node('window', { assigner: 'session', gapMs: 30_000 }), t)[0]).toBe(
      'session, gap 30 s',
    );
    expect(summarize(node('window', { assigner: 'count', count: 4 }), t)[0]).toBe(
      'every 4 records',
    );
  });

  it('describes sources by events and watermarks', () => {
    expect(summarize(node('source.generator', { outOfOrdernessMs: 1_000 }), t)).toEqual([
      'clickstream, 1000 records',
      'bounded 1 s out-of-order',
    ]);
    expect(summarize(node('source.generator', { count: null }), t)).toEqual([
      'clickstream, endless',
      'monotonous watermarks',
    ]);
    expect(summarize(node('source.list', { records: [{}, {}] }), t)[0]).toBe('2 records');
  });

  it('describes keys, filters, maps and sinks', () => {
    expect(summarize(node('keyBy', { field: 'user' }), t)).toEqual(['key: user']);
    expect(summarize(node('keyBy', { mode: 'code' }), t)).toEqual(['key: custom function']);
    expect(summarize(node('filter', { field: 'action', op: '!=', value: 'buy' }), t)).toEqual([
      'action != "buy"',
    ]);
    expect(summarize(node('map'), t)).toEqual(['value = r.value * 2']);
    expect(summarize(node('sink', { name: 'counts' }), t)).toEqual(['→ counts']);
  });

  it('has a summary for every operator kind without throwing', () => {
    for (const kind of operatorRegistry.keys()) {
      expect(() => summarize(node(kind), t)).not.toThrow();
    }
  });
});
