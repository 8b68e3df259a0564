import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { useEditor } from '../store/editor-store';
import {
  AUTOSAVE_DELAY_MS,
  deleteProject,
  duplicateProject,
  flushAutosave,
  newProject,
  openInitialProject,
  openProject,
  projects,
  startAutosave,
} from './project-lifecycle';

const starter = (): PipelineDocument => ({
  version: 1,
  name: 'Starter',
  nodes: [{ uid: 'src', kind: 'source.generator', params: {} }],
  edges: [],
});

const state = () => useEditor.getState();
const saved = () =>
  new Promise<void>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error('not saved in time')), 5_000);
    const check = () => {
      const s = state();
      if (s.saveStatus === 'saved' && s.savedRevision === s.revision) {
        clearTimeout(deadline);
        resolve();
      } else setTimeout(check, 20);
    };
    check();
  });

// One database for the whole file: each step builds on the last, as a visitor's would.
describe('project lifecycle', () => {
  const stop = startAutosave();

  it('gives a first visit the starter, laid out, saved and reopened next time', async () => {
    await openInitialProject(starter);
    const id = state().projectId;
    expect(id).not.toBeNull();
    expect(state().doc.nodes[0]?.position).toBeDefined();
    expect(state().saveStatus).toBe('saved');
    const store = await projects();
    expect(await store.lastOpened()).toBe(id);
    expect(await store.load(id!)).toEqual(state().doc);
  });

  it('saves an edit after a pause, and only then', async () => {
    const id = state().projectId!;
    state().apply({ type: 'renamePipeline', name: 'Edited' });
    expect(state().saveStatus).toBe('pending');
    expect((await (await projects()).load(id))?.name).toBe('Starter');
    await new Promise((r) => setTimeout(r, AUTOSAVE_DELAY_MS / 2));
    expect(state().saveStatus).toBe('pending');
    await saved();
    expect((await (await projects()).load(id))?.name).toBe('Edited');
  });

  it('writes pending edits before switching to another project', async () => {
    const first = state().projectId!;
    state().apply({ type: 'setParam', uid: 'src', param: 'count', value: 7 });
    await newProject('Second');
    expect(state().doc.name).toBe('Second');
    expect((await (await projects()).load(first))?.nodes[0]?.params).toEqual({ count: 7 });
    await openProject(first);
    expect(state().doc.name).toBe('Edited');
    expect(state().past).toEqual([]);
  });

  it('reopens the last opened project', async () => {
    const last = state().projectId;
    state().load(starter(), null);
    await openInitialProject(() => {
      throw new Error('the starter is only for a first visit');
    });
    expect(state().projectId).toBe(last);
    expect(state().doc.name).toBe('Edited');
  });

  it('duplicates the open project and opens the copy', async () => {
    const original = state().projectId;
    await duplicateProject();
    expect(state().projectId).not.toBe(original);
    expect(state().doc.name).toBe('Edited (copy)');
  });

  it('deleting the open project opens the newest one left', async () => {
    const copy = state().projectId!;
    await flushAutosave();
    await deleteProject(copy, 'Empty');
    const names = (await (await projects()).list()).map((p) => p.name);
    expect(names).not.toContain('Edited (copy)');
    expect(names).toContain(state().doc.name);
    expect(state().projectId).not.toBe(copy);
  });

  it('stops saving once stopped', async () => {
    stop();
    const id = state().projectId!;
    const before = await (await projects()).load(id);
    state().apply({ type: 'renamePipeline', name: 'Never saved' });
    await new Promise((r) => setTimeout(r, AUTOSAVE_DELAY_MS * 2));
    expect(await (await projects()).load(id)).toEqual(before);
  });
});
