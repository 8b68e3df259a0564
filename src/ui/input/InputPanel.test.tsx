import { describe, expect, it } from 'vitest';
import { i18n, renderMarkup } from '../test-support/render';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { InputPanel } from './InputPanel';

const doc: PipelineDocument = {
  version: 1,
  name: 'input',
  nodes: [
    {
      uid: 'clicks',
      kind: 'source.list',
      label: 'Clicks',
      params: {
        records: [
          { ts: 2000, at: 2000, user: 'ana' },
          { ts: 4000, at: 5000, user: 'bo' },
          { ts: 7000, at: 7000, user: 'ana' },
        ],
      },
    },
    { uid: 'key', kind: 'keyBy', params: { field: 'user' } },
  ],
  edges: [{ id: 'e', source: 'clicks', target: 'key' }],
};

const render = (d: PipelineDocument) =>
  renderMarkup(
    <InputPanel doc={d} onRecordsChange={() => undefined} onStepsChange={() => undefined} />,
  );

describe('the Input tab', () => {
  it('draws a marble per record, coloured per key and labelled with event time and key', () => {
    const html = render(doc);
    expect(html.match(/data-testid="marble-clicks-\d"/g)).toHaveLength(3);
    expect(html.match(/marble--k0/g)).toHaveLength(2);
    expect(html.match(/marble--k1/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Record with event time 4s, arriving at 5s, key bo"');
    expect(html).toContain('3 records');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      const html = render(doc);
      expect(html).toContain('3 条记录');
      expect(html).toContain('记录：事件时间 4s，到达时间 5s，键 bo');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('says how to get a lane when there is no list source', () => {
    expect(render({ ...doc, nodes: [doc.nodes[1]], edges: [] })).toContain(
      'Add a Records or Scripted input source to edit its input here.',
    );
  });
});

describe('the Input tab for a scripted input', () => {
  const script: PipelineDocument = {
    version: 1,
    name: 'script',
    nodes: [
      {
        uid: 'script',
        kind: 'source.script',
        params: {
          steps: [
            { add: [{ ts: 1_000, key: 'a' }] },
            { advanceProcessingTime: 1_500 },
            { advanceWatermark: 9_999 },
            { add: [{ ts: 2_000, key: 'a' }] },
          ],
        },
      },
    ],
    edges: [],
  };

  it('lists each step with the processing time and watermark after it', () => {
    const html = render(script);
    expect(html.match(/data-testid="script-step-script-\d"/g)).toHaveLength(4);
    expect(html).toContain('4 steps, 2 records');
    expect(html).toContain('then pt 1.5s · wm 9.999s');
    expect(html).toContain('1 behind the watermark');
    expect(html.match(/class="script-preview__record/g)).toHaveLength(2);
    expect(html).toContain('script-preview__record--behind');
  });

  it('speaks Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      const html = render(script);
      expect(html).toContain('推进水位线');
      expect(html).toContain('1 条落后于水位线');
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
