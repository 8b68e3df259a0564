import { describe, expect, it } from 'vitest';
import { i18n } from '../test-support/render';
import { compareOutcomes } from './diff';
import { durationText, sideSetting, summaryText, windowText } from './labels';
import { defaultSetup } from './variants';

const en = i18n.getFixedT('en', 'compare');
const zh = i18n.getFixedT('zh-CN', 'compare');

const w = (start: number, value: number) => ({
  operator: 'window',
  key: 'a',
  start,
  end: start + 10_000,
  value,
  firings: 1,
});

describe('compare wording', () => {
  it('words windows and durations in the inspector’s units', () => {
    expect(windowText(en, 0, 10_000)).toBe('[0 s, 10 s)');
    expect(windowText(en, 1500, 2500)).toBe('[1.5 s, 2.5 s)');
    expect(windowText(zh, 0, 10_000)).toBe('[0 秒, 10 秒)');
    expect(windowText(en, Number.NaN, Number.NaN)).toBe('global');
    expect(durationText(en, 250)).toBe('250 ms');
  });

  it('says what each side runs with', () => {
    const doc = { version: 1 as const, name: '', nodes: [], edges: [] };
    const setup = defaultSetup(doc, 'watermark');
    expect(sideSetting(en, { ...setup, watermark: { a: 0, b: 2000 } }, 'b')).toBe(
      'Watermark delay 2 s',
    );
    expect(sideSetting(en, { ...setup, kind: 'time', watermark: { a: 1000, b: 0 } }, 'a')).toBe(
      'Event time, watermark 1 s',
    );
    expect(sideSetting(zh, { ...setup, kind: 'time' }, 'b')).toBe('处理时间');
    const lateness = { ...setup, kind: 'lateness' as const, lateness: { a: 5000, b: 0 } };
    expect(sideSetting(en, lateness, 'b')).toBe('Allowed lateness 0 s');
  });

  it('sums a comparison up with who drops what', () => {
    const late = { operator: 'window', key: 'a', ts: 3000, outcome: 'dropped' as const };
    const { summary } = compareOutcomes(
      { windows: [w(0, 4), w(10_000, 1)], late: [] },
      { windows: [w(0, 3), w(10_000, 1)], late: [late, { ...late, ts: 4000 }] },
    );
    expect(summaryText(en, summary)).toBe(
      '1 of 2 windows differ; B drops 2 late records that A counts',
    );
    expect(summaryText(zh, summary)).toBe(
      '2 个窗口中有 1 个不同；B 丢弃了 2 条迟到记录，A 则将其计入了窗口',
    );
    const none = compareOutcomes({ windows: [], late: [] }, { windows: [], late: [] }).summary;
    expect(summaryText(en, none)).toBe('No window fired on either side');
  });
});
