/**
 * The open project's life: which project opens at start, autosave after edits, and the
 * project menu's commands. The store holds the document; IndexedDB holds the projects.
 */
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { openProjectsStore, StorageError, type ProjectsStore } from '../../persistence/projects';
import { useEditor } from '../store/editor-store';
import { emptyDocument } from '../store/document-slice';
import { withLayout } from '../model/layout';

export const AUTOSAVE_DELAY_MS = 400;

let opened: Promise<ProjectsStore> | null = null;

/** The projects database, opened once. */
export function projects(): Promise<ProjectsStore> {
  opened ??= openProjectsStore();
  return opened;
}

/** What to show for a storage failure: its translation key and values. */
export interface StorageFailure {
  key: string;
  values: Record<string, string | number>;
}

export function storageFailure(error: unknown): StorageFailure {
  if (error instanceof StorageError) return { key: error.i18nKey, values: error.values };
  return {
    key: 'editor:projects.storageFailed',
    values: { message: error instanceof Error ? error.message : String(error) },
  };
}

function reportStorageError(error: unknown) {
  const failure = storageFailure(error);
  useEditor.getState().setStorageError(failure);
  useEditor.getState().setSaveStatus('error');
}

/** Shows `doc` as project `id`, with a fresh history; it counts as saved. */
function show(id: string | null, doc: PipelineDocument) {
  useEditor.getState().load(withLayout(doc), id);
}

/**
 * Opens the last project, else the newest, else creates one from `starter` (a first visit).
 * Without storage the starter still opens, unsaved.
 */
export async function openInitialProject(starter: () => PipelineDocument): Promise<void> {
  try {
    const store = await projects();
    const last = await store.lastOpened();
    const lastDoc = last === undefined ? undefined : await store.load(last);
    if (last !== undefined && lastDoc !== undefined) {
      show(last, lastDoc);
      return;
    }
    const [newest] = await store.list();
    const newestDoc = newest === undefined ? undefined : await store.load(newest.id);
    if (newest !== undefined && newestDoc !== undefined) {
      show(newest.id, newestDoc);
      await store.setLastOpened(newest.id);
      return;
    }
    await createProject(starter());
  } catch (error) {
    show(null, starter());
    reportStorageError(error);
  }
}

/** Saves the open project and makes it the one that reopens on reload. */
export async function createProject(doc: PipelineDocument): Promise<void> {
  const laidOut = withLayout(doc);
  const store = await projects();
  const id = await store.create(laidOut);
  await store.setLastOpened(id);
  show(id, laidOut);
}

export async function openProject(id: string): Promise<void> {
  await flushAutosave();
  const store = await projects();
  const doc = await store.load(id);
  if (doc === undefined) return;
  await store.setLastOpened(id);
  show(id, doc);
}

export async function newProject(name: string): Promise<void> {
  await flushAutosave();
  await createProject(emptyDocument(name));
}

export async function duplicateProject(): Promise<void> {
  await flushAutosave();
  const id = useEditor.getState().projectId;
  if (id === null) return;
  const store = await projects();
  await openProject(await store.duplicate(id));
}

/** Deletes a project; deleting the open one opens the newest left, or a new empty one. */
export async function deleteProject(id: string, emptyName: string): Promise<void> {
  const store = await projects();
  await store.remove(id);
  if (useEditor.getState().projectId !== id) return;
  const [next] = await store.list();
  if (next !== undefined) await openProject(next.id);
  else await createProject(emptyDocument(emptyName));
}

let pendingSave: ReturnType<typeof setTimeout> | undefined;
let saving: Promise<void> = Promise.resolve();

async function saveNow(): Promise<void> {
  const { projectId, doc, revision } = useEditor.getState();
  if (projectId === null) return;
  useEditor.getState().setSaveStatus('saving');
  try {
    await (await projects()).save(projectId, doc);
    const state = useEditor.getState();
    if (state.projectId !== projectId) return;
    state.setStorageError(null);
    state.setSaveStatus(state.revision === revision ? 'saved' : 'pending', revision);
  } catch (error) {
    reportStorageError(error);
  }
}

/** Writes any pending edit now (before switching projects). */
export async function flushAutosave(): Promise<void> {
  if (pendingSave !== undefined) {
    clearTimeout(pendingSave);
    pendingSave = undefined;
    saving = saving.then(saveNow);
  }
  await saving;
}

/** Saves the document a short while after each edit; returns the unsubscribe. */
export function startAutosave(): () => void {
  const unsubscribe = useEditor.subscribe((state, previous) => {
    if (state.doc === previous.doc || state.revision === state.savedRevision) return;
    if (state.projectId === null || state.projectId !== previous.projectId) return;
    state.setSaveStatus('pending');
    clearTimeout(pendingSave);
    pendingSave = setTimeout(() => {
      pendingSave = undefined;
      saving = saving.then(saveNow);
    }, AUTOSAVE_DELAY_MS);
  });
  return unsubscribe;
}
