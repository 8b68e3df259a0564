import { describe, expect, it } from 'vitest';
import { i18n, prerenderMarkup } from '../test-support/render';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { problem, type Problem } from '../../engine/pipeline/problems';
import { Inspector, type InspectorProps } from './index';

const doc: PipelineDocument = {
  version: 1,
  name: 'Clicks per user',
  nodes: [
    { uid: 'gen', kind: 'source.generator', params: {} },
    { uid: 'key', kind: 'keyBy', params: { field: 'user' } },
    { uid: 'win', kind: 'window', params: { sizeMs: 60_000, offsetMs: 60_000 }, parallelism: 2 },
    { uid: 'double', kind: 'map', label: 'Double it', params: { mode: 'code', code: '(r) => ({' } },
    { uid: 'out', kind: 'sink', params: {} },
  ],
  edges: [
    { id: 'e1', source: 'gen', target: 'key' },
    { id: 'e2', source: 'key', target: 'win', partitioning: 'rebalance' },
  ],
};

const problems: Problem[] = [
  problem(
    'E014',
    { nodeUid: 'win', param: 'offsetMs' },
    { type: 'node', uid: 'win', kind: 'window' },
    {
      kind: 'offsetTooLarge',
      offsetMs: 60_000,
      limitMs: 60_000,
      limitName: 'size',
    },
  ),
  problem(
    'E015',
    { nodeUid: 'double', param: 'code' },
    { type: 'node', uid: 'double', kind: 'map', label: 'Double it' },
    { type: 'param', kind: 'map', name: 'code' },
    { type: 'parser', parser: 'javascript', text: 'Unexpected end' },
  ),
  problem(
    'E021',
    { edgeId: 'e2' },
    { type: 'edge', id: 'e2' },
    { type: 'node', uid: 'key', kind: 'keyBy' },
    'rebalance',
  ),
];

const ignore = () => undefined;

/** The panel's HTML once everything lazy (the code editor) has loaded, as a browser would show it. */
async function render(selection: Partial<InspectorProps['selection']>): Promise<string> {
  return prerenderMarkup(
    <Inspector
      doc={doc}
      selection={{ nodes: [], edges: [], ...selection }}
      problems={problems}
      onParamChange={ignore}
      onNodeChange={ignore}
      onEdgeChange={ignore}
      onPipelineChange={ignore}
    />,
  );
}

const testIds = (html: string) => [...html.matchAll(/data-testid="([^"]+)"/g)].map((m) => m[1]);

describe('Inspector', () => {
  it("shows a window's applicable parameters with durations in their units", async () => {
    const html = await render({ nodes: ['win'] });
    expect(testIds(html)).toEqual([
      'inspector',
      'inspector-label',
      'inspector-uid',
      'inspector-parallelism',
      'param-assigner',
      'param-sizeMs',
      'param-sizeMs-unit',
      'param-offsetMs',
      'param-offsetMs-unit',
      'param-allowedLatenessMs',
      'param-allowedLatenessMs-unit',
      'param-aggregate',
      'param-lateOutput',
    ]);
    expect(html).toMatch(/data-testid="param-sizeMs"[^>]*value="1"/);
    expect(html).toMatch(/data-testid="param-sizeMs-unit"[^>]*>.*<option value="min" selected=""/);
    expect(html).toMatch(/data-testid="inspector-parallelism"[^>]*value="2"/);
  });

  it('puts a validator problem under its field and offers a reset for set values only', async () => {
    const html = await render({ nodes: ['win'] });
    const offset = html.slice(html.indexOf('Offset'), html.indexOf('Allowed lateness'));
    expect(offset).toContain('E014');
    expect(offset).toContain('has offset 60000 ms, but the offset');
    expect(offset).toContain('aria-label="Reset Offset to its default"');
    const lateness = html.slice(html.indexOf('Allowed lateness'), html.indexOf('Aggregate'));
    expect(lateness).not.toContain('Reset');
  });

  it('shows a code editor with the signature for a map in code mode, and its E015', async () => {
    const html = await render({ nodes: ['double'] });
    expect(testIds(html)).toContain('code-code');
    expect(testIds(html)).not.toContain('param-expression');
    expect(html).toContain('(r) =&gt; record');
    expect(html).toContain('E015');
    expect(html).toContain('Syntax error at line 1, column 10.');
    expect(html).not.toContain('code-editor--loading');
    expect(html).toMatch(/data-testid="inspector-label"[^>]*value="Double it"/);
  });

  it('translates the form', async () => {
    await i18n.changeLanguage('zh-CN');
    try {
      const html = await render({ nodes: ['win'] });
      expect(html).toContain('窗口大小');
      expect(html).toContain('滚动窗口');
      expect(html).toContain('分钟');
      expect(html).toContain('的偏移量为 60000 毫秒，但偏移量的绝对值');
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it("edits an edge's partitioning and shows why a keyed edge needs none", async () => {
    const html = await render({ edges: ['e2'] });
    expect(testIds(html)).toEqual(['inspector', 'inspector-partitioning']);
    expect(html).toMatch(/<option value="rebalance" selected=""/);
    expect(html).toContain('A KeyBy already partitions by key');
    expect(html).toContain('E021');
  });

  it('summarises a multi-selection instead of showing a form', async () => {
    const html = await render({ nodes: ['gen', 'key', 'win'], edges: ['e1'] });
    expect(html).toContain('3 operators selected · 1 connection selected');
    expect(testIds(html)).not.toContain('inspector-label');
  });

  it("shows the pipeline's settings when nothing (or something gone) is selected", async () => {
    for (const selection of [{}, { nodes: ['deleted'] }]) {
      const html = await render(selection);
      expect(html).toMatch(/data-testid="inspector-pipeline-name"[^>]*value="Clicks per user"/);
      expect(html).toContain('5 operators, 2 connections');
    }
  });
});
