import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { BreakpointHit } from '../../worker/breakpoints';
import { i18n, renderMarkup as render } from '../test-support/render';
import { BreakpointBanner } from './BreakpointNotice';

const doc = {
  version: 1,
  name: 'notice',
  nodes: [{ uid: 'w', kind: 'window', label: 'Per 10 s', params: { aggregate: 'sum' } }],
  edges: [],
} as unknown as PipelineDocument;

const hit: BreakpointHit = {
  kind: 'windowFires',
  operatorUid: 'w',
  subtask: 1,
  key: 7,
  start: 0,
  end: 10_000,
  watermark: 10_000,
  result: { key: 7, value: 42.5 },
  processingTime: 11_300,
  recordsProcessed: 87,
};

const none = () => undefined;
const banner = (
  <BreakpointBanner hit={hit} doc={doc} onContinue={none} onShow={none} onDismiss={none} />
);

describe('the breakpoint banner', () => {
  it('says what the run paused at, where, and offers Continue and Show in timeline', () => {
    const html = render(banner);
    expect(html).toContain('Paused: window [0 ms, 10 s) for key “7” fired with sum 42.5');
    expect(html).toContain('In “Per 10 s”, subtask 1, at processing time 11.3 s, after 87 records');
    expect(html).toContain('data-kind="windowFires"');
    expect(html).toContain('>Continue<');
    expect(html).toContain('>Show in timeline<');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    const html = render(banner);
    await i18n.changeLanguage('en');
    expect(html).toContain('已暂停：键“7”的窗口 [0 ms, 10 s)已触发，总和为 42.5');
    expect(html).toContain('位于“Per 10 s”的子任务 1，处理时间 11.3 s，已读入 87 条记录');
    expect(html).toContain('>继续<');
    expect(html).toContain('>在时间线中显示<');
  });
});
