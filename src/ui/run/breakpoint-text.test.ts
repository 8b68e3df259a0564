import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { BreakpointHit } from '../../worker/breakpoints';
import { resources } from '../i18n/resources';
import { breakpointWords } from './breakpoint-text';

const doc: PipelineDocument = {
  version: 1,
  name: 'words',
  nodes: [
    { uid: 'w', kind: 'window', label: 'Per 10 s', params: { aggregate: 'count' } },
    { uid: 'r', kind: 'window', params: { aggregate: 'reduce' } },
  ],
  edges: [],
} as unknown as PipelineDocument;

const at = { processingTime: 21_250, recordsProcessed: 286 };
const fired: BreakpointHit = {
  kind: 'windowFires',
  operatorUid: 'w',
  subtask: 0,
  key: 'a',
  start: 10_000,
  end: 20_000,
  watermark: 20_100,
  result: { key: 'a', value: 3 },
  ...at,
};
const late: BreakpointHit = {
  kind: 'lateRecord',
  operatorUid: 'w',
  subtask: 1,
  recordId: 40,
  key: 'a',
  eventTime: 4_200,
  watermark: 9_999,
  outcome: 'side-output',
  value: { user: 'a' },
  processingTime: 12_000,
  recordsProcessed: 12,
};
const checkpoint: BreakpointHit = {
  kind: 'checkpointCompletes',
  checkpoint: {
    status: 'completed',
    attempt: 0,
    id: 3,
    kind: 'checkpoint',
    triggeredAt: 15_000,
    durationMs: 2,
    alignmentMs: 0,
    bytes: 2_140,
    writtenBytes: 800,
    sharedKeyGroups: 0,
    subtasks: [{ uid: 'w', subtask: 0, stateEntries: 4, timers: 4, bytes: 2_140 }],
    offsets: [],
  },
  processingTime: 15_000,
  recordsProcessed: 120,
};

const translators: Record<string, TFunction<'run'>> = {};
beforeAll(async () => {
  for (const lng of ['en', 'zh-CN']) {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, fallbackLng: false, interpolation: { escapeValue: false } });
    translators[lng] = i18n.getFixedT(lng, 'run');
  }
});

describe('a breakpoint in words', () => {
  it('says which window fired for which key, with the aggregate it emitted', () => {
    expect(breakpointWords(fired, doc, translators.en!)).toEqual({
      title: 'Paused: window [10 s, 20 s) for key “a” fired with count 3',
      detail: 'In “Per 10 s”, subtask 0, at processing time 21.25 s, after 286 records',
    });
    expect(breakpointWords(fired, doc, translators['zh-CN']!).title).toBe(
      '已暂停：键“a”的窗口 [10 s, 20 s)已触发，计数为 3',
    );
    const reduced = { ...fired, operatorUid: 'r', key: null, start: null, end: null };
    expect(breakpointWords(reduced, doc, translators.en!).title).toBe(
      'Paused: the global window fired with result {"key":"a","value":3}',
    );
  });

  it('says which record was late, against which watermark, and where it went', () => {
    expect(breakpointWords(late, doc, translators.en!).title).toBe(
      'Paused: record #12 (event time 4.2 s) is late: the watermark was 9.999 s; it went to the late side output',
    );
    expect(breakpointWords({ ...late, outcome: 'dropped' }, doc, translators.en!).title).toMatch(
      /; it was dropped$/,
    );
    expect(breakpointWords(late, doc, translators['zh-CN']!).title).toBe(
      '已暂停：第 12 条记录（事件时间 4.2 s）迟到了：当时的水位线是 9.999 s；它被送往迟到侧输出',
    );
  });

  it('says which checkpoint completed and its size', () => {
    expect(breakpointWords(checkpoint, doc, translators.en!)).toEqual({
      title: 'Paused: checkpoint 3 completed, 2.1 kB',
      detail: 'Taken at processing time 15 s, after 120 records: 800 B written; subtasks: 1',
    });
    expect(breakpointWords(checkpoint, doc, translators['zh-CN']!).title).toBe(
      '已暂停：检查点 3 已完成，大小 2.1 kB',
    );
  });
});
