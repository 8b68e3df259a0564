import { beforeEach, describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { HISTORY_LIMIT } from './document-slice';
import { createEditorStore } from './editor-store';

const doc: PipelineDocument = {
  version: 1,
  name: 'p',
  nodes: [
    { uid: 'a', kind: 'source.generator', params: {}, position: { x: 0, y: 0 } },
    { uid: 'b', kind: 'sink', params: {}, position: { x: 200, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'a', target: 'b' }],
};

describe('editor store', () => {
  let store = createEditorStore();
  beforeEach(() => {
    store = createEditorStore();
    store.getState().load(doc, 'project-1');
  });

  it('opens a document as saved, with an empty history', () => {
    const s = store.getState();
    expect(s.doc).toBe(doc);
    expect(s.projectId).toBe('project-1');
    expect(s.savedRevision).toBe(s.revision);
    expect(s.past).toEqual([]);
  });

  it('undoes and redoes edits in order, bumping the revision each time', () => {
    const s = store.getState();
    const start = s.revision;
    s.apply({ type: 'renamePipeline', name: 'q' });
    s.apply({ type: 'setParam', uid: 'a', param: 'count', value: 5 });
    expect(store.getState().revision).toBe(start + 2);
    store.getState().undo();
    expect(store.getState().doc.nodes[0]?.params).toEqual({});
    expect(store.getState().doc.name).toBe('q');
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
    store.getState().redo();
    store.getState().redo();
    expect(store.getState().doc.name).toBe('q');
    expect(store.getState().doc.nodes[0]?.params).toEqual({ count: 5 });
    expect(store.getState().revision).toBe(start + 6);
  });

  it('a new edit clears the redo stack', () => {
    store.getState().apply({ type: 'renamePipeline', name: 'q' });
    store.getState().undo();
    store.getState().apply({ type: 'renamePipeline', name: 'r' });
    store.getState().redo();
    expect(store.getState().doc.name).toBe('r');
    expect(store.getState().future).toEqual([]);
  });

  it('ignores changes that change nothing, so they leave no undo step', () => {
    store.getState().apply({ type: 'removeNodes', uids: ['nope'] });
    expect(store.getState().past).toEqual([]);
  });

  it('keeps a bounded history', () => {
    for (let i = 0; i < HISTORY_LIMIT + 10; i++) {
      store.getState().apply({ type: 'renamePipeline', name: `n${i}` });
    }
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('drops deleted nodes and edges from the selection, and restores nothing on undo', () => {
    store.getState().select({ nodes: ['a', 'b'], edges: ['e1'] });
    store.getState().apply({ type: 'removeNodes', uids: ['b'] });
    expect(store.getState().selection).toEqual({ nodes: ['a'], edges: [] });
    store.getState().undo();
    expect(store.getState().doc).toEqual(doc);
    expect(store.getState().selection).toEqual({ nodes: ['a'], edges: [] });
  });
});
