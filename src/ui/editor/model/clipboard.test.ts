import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { applyChange } from './changes';
import { copySelection, PASTE_OFFSET, pasteChange } from './clipboard';

const doc: PipelineDocument = {
  version: 1,
  name: 'p',
  nodes: [
    { uid: 'generator-1', kind: 'source.generator', params: {}, position: { x: 0, y: 0 } },
    { uid: 'keyby-1', kind: 'keyBy', params: { field: 'user' }, position: { x: 200, y: 10 } },
    { uid: 'window-1', kind: 'window', params: { sizeMs: 5_000 }, position: { x: 400, y: 20 } },
  ],
  edges: [
    { id: 'e1', source: 'generator-1', target: 'keyby-1' },
    { id: 'e2', source: 'keyby-1', target: 'window-1', partitioning: 'forward' },
  ],
};

describe('clipboard', () => {
  it('copies the selected nodes and only the edges between them', () => {
    const content = copySelection(doc, ['keyby-1', 'window-1']);
    expect(content?.nodes.map((n) => n.uid)).toEqual(['keyby-1', 'window-1']);
    expect(content?.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('copies nothing for an empty selection', () => {
    expect(copySelection(doc, [])).toBeNull();
  });

  it('pastes with fresh uids and edge ids, offset, and rewired edges', () => {
    const content = copySelection(doc, ['keyby-1', 'window-1'])!;
    const { change, uids } = pasteChange(doc, content);
    const pasted = applyChange(doc, change).doc;
    expect(uids).toEqual(['keyby-2', 'window-2']);
    expect(pasted.nodes.slice(3)).toEqual([
      { uid: 'keyby-2', kind: 'keyBy', params: { field: 'user' }, position: { x: 240, y: 50 } },
      { uid: 'window-2', kind: 'window', params: { sizeMs: 5_000 }, position: { x: 440, y: 60 } },
    ]);
    expect(pasted.edges.slice(2)).toEqual([
      { id: 'e3', source: 'keyby-2', target: 'window-2', partitioning: 'forward' },
    ]);
    expect(new Set(pasted.nodes.map((n) => n.uid)).size).toBe(pasted.nodes.length);
  });

  it('steps further away on repeated pastes and never shares parameter objects', () => {
    const content = copySelection(doc, ['window-1'])!;
    const once = applyChange(doc, pasteChange(doc, content, 1).change).doc;
    const twice = applyChange(once, pasteChange(once, content, 2).change).doc;
    expect(twice.nodes.map((n) => n.uid)).toEqual([
      'generator-1',
      'keyby-1',
      'window-1',
      'window-2',
      'window-3',
    ]);
    expect(twice.nodes[4]?.position).toEqual({
      x: 400 + 2 * PASTE_OFFSET,
      y: 20 + 2 * PASTE_OFFSET,
    });
    expect(twice.nodes[3]?.params).not.toBe(doc.nodes[2]?.params);
  });
});
