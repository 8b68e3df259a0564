import { useCallback, useEffect, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { JsonValue, Partitioning, PipelineDocument } from '../../engine/pipeline/document';
import type { Problem } from '../../engine/pipeline/problems';
import { Inspector } from '../inspector';
import { userCodeIn } from '../share/user-code';
import { decodeShareLink, encodeShareLink, ShareLinkError } from '../share/share-link';
import { engine } from '../../worker/client';
import { BottomPanel } from './bottom/BottomPanel';
import { Canvas } from './canvas/Canvas';
import { ConfirmDialog } from './dialogs/ConfirmDialog';
import { FileProblemsDialog } from './dialogs/FileProblemsDialog';
import { HelpDialog } from './dialogs/HelpDialog';
import { RenameDialog } from './dialogs/RenameDialog';
import { TrustDialog, type CodeItem } from './dialogs/TrustDialog';
import { download } from './files';
import { useCommands } from './hooks/use-commands';
import { useShortcuts } from './hooks/use-shortcuts';
import { useResolvedTheme } from './hooks/use-theme';
import { useValidation } from './hooks/use-validation';
import { withoutCode } from './model/without-code';
import { Palette } from './palette/Palette';
import {
  createProject,
  deleteProject,
  duplicateProject,
  newProject,
  openInitialProject,
  openProject,
  startAutosave,
  storageFailure,
} from './projects/project-session';
import { starterPipeline } from './projects/starter';
import { useEditor } from './store/editor-store';
import {
  selectApply,
  selectDoc,
  selectErrors,
  selectProblems,
  selectRun,
  selectSelection,
} from './store/selectors';
import { installTestApi } from './test-api';
import { Toolbar, type ToolbarActions } from './toolbar/Toolbar';
import { ProjectMenu, type ProjectMenuActions } from './toolbar/ProjectMenu';
import './editor.css';

type Dialog =
  | { kind: 'help' }
  | { kind: 'rename' }
  | { kind: 'delete'; project: { id: string; name: string } }
  | { kind: 'trust'; doc: PipelineDocument; code: CodeItem[] }
  | { kind: 'fileProblems'; title: string; body: string; problems: readonly Problem[] };

const TOAST_MS = 4_000;

/** Opening the first project happens once per page, even when React mounts twice. */
let startup: Promise<void> | undefined;

/** The editor: toolbar, palette, canvas, inspector and the bottom panel, and their dialogs. */
export function Editor() {
  const { t } = useTranslation('editor');
  const commands = useCommands();
  const colorMode = useResolvedTheme();
  const doc = useEditor(selectDoc);
  const selection = useEditor(selectSelection);
  const problems = useEditor(selectProblems);
  const errors = useEditor(useShallow(selectErrors));
  const run = useEditor(selectRun);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  useValidation();

  const notify = useCallback((message: string) => setToast(message), []);
  useEffect(() => {
    if (toast === null) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const reportStorage = useCallback(
    (error: unknown) => {
      const failure = storageFailure(error);
      notify(t(failure.key, failure.values));
    },
    [notify, t],
  );

  /** Opens a document from a file or a link as a new project, asking first if it has code. */
  const openIncoming = useCallback(
    (incoming: PipelineDocument) => {
      const open = (d: PipelineDocument) =>
        createProject(d)
          .then(() => {
            notify(t('files.imported', { name: d.name }));
            commands.fitView();
          })
          .catch(reportStorage);
      const code = userCodeIn(incoming);
      if (code.length === 0) void open(incoming);
      else setDialog({ kind: 'trust', doc: incoming, code });
    },
    [commands, notify, reportStorage, t],
  );

  // Start: the last project (or the starter), then a shared link if the URL carries one.
  useEffect(() => {
    installTestApi();
    const stopAutosave = startAutosave();
    startup ??= (async () => {
      await openInitialProject(() => starterPipeline(t('projects.starterName')));
      commands.fitView();
      if (!location.hash.startsWith('#p=')) return;
      const hash = location.hash;
      history.replaceState(null, '', location.pathname + location.search);
      const linkFailed = (body: string, found: readonly Problem[]) =>
        setDialog({
          kind: 'fileProblems',
          title: t('files.linkFailedTitle'),
          body,
          problems: found,
        });
      try {
        const value = await decodeShareLink(hash);
        if (value === undefined) return;
        const parsed = await engine().parse(JSON.stringify(value));
        if (parsed.ok) openIncoming(parsed.doc);
        else linkFailed(t('files.linkFailedBody'), parsed.problems);
      } catch (error) {
        linkFailed(
          error instanceof ShareLinkError
            ? t(error.i18nKey, error.values)
            : t('files.linkFailedBody'),
          [],
        );
      }
    })();
    return stopAutosave;
    // Runs once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const importFile = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.target.files?.[0];
      event.target.value = '';
      if (file === undefined) return;
      const parsed = await engine().parse(await file.text());
      if (parsed.ok) openIncoming(parsed.doc);
      else
        setDialog({
          kind: 'fileProblems',
          title: t('files.importFailedTitle'),
          body: t('files.importFailedBody', { file: file.name }),
          problems: parsed.problems,
        });
    },
    [openIncoming, t],
  );

  const runPipeline = useCallback(async () => {
    const { doc: current, setRun, setPrefs } = useEditor.getState();
    setPrefs({ bottomOpen: true, bottomTab: 'results' });
    setRun({ status: 'running' });
    try {
      const outcome = await engine().run(current, { time: 'event', parallelism: 1, seed: 1 });
      setRun({ status: 'done', outcome, doc: current });
    } catch (error) {
      setRun({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  const runBlockedReason =
    doc.nodes.length === 0
      ? t('toolbar.runEmpty')
      : errors.length > 0
        ? t('toolbar.runBlocked', { count: errors.length, first: errors[0]?.message ?? '' })
        : null;
  const running = run.status === 'running';

  const toolbarActions: ToolbarActions = useMemo(
    () => ({
      undo: commands.undo,
      redo: commands.redo,
      autoLayout: commands.autoLayout,
      fitView: commands.fitView,
      importFile: () => fileInput.current?.click(),
      exportFile: () => notify(t('files.exported', { file: download(useEditor.getState().doc) })),
      share: () => {
        void encodeShareLink(useEditor.getState().doc, location.origin + location.pathname)
          .then((url) => navigator.clipboard.writeText(url))
          .then(() => notify(t('files.linkCopied')))
          .catch((error: unknown) =>
            notify(
              t('files.linkFailed', {
                message: error instanceof Error ? error.message : String(error),
              }),
            ),
          );
      },
      run: () => void runPipeline(),
      help: () => setDialog({ kind: 'help' }),
    }),
    [commands, notify, runPipeline, t],
  );

  const shortcutActions = useMemo(
    () => ({
      run: () => {
        if (runBlockedReason === null && !running) void runPipeline();
      },
      help: () => setDialog({ kind: 'help' }),
    }),
    [runBlockedReason, running, runPipeline],
  );
  useShortcuts(commands, shortcutActions);

  const projectActions: ProjectMenuActions = useMemo(
    () => ({
      newProject: () =>
        void newProject(t('projects.newName')).then(commands.fitView, reportStorage),
      open: (id) => void openProject(id).then(commands.fitView, reportStorage),
      rename: () => setDialog({ kind: 'rename' }),
      duplicate: () => void duplicateProject().then(commands.fitView, reportStorage),
      remove: (project) => setDialog({ kind: 'delete', project }),
    }),
    [commands, reportStorage, t],
  );

  const apply = useEditor(selectApply);
  const inspectorHandlers = useMemo(
    () => ({
      onParamChange: (uid: string, param: string, value: JsonValue | undefined) =>
        apply({ type: 'setParam', uid, param, value }),
      // An empty label is no label: the node shows its kind again.
      onNodeChange: (
        uid: string,
        { label, parallelism }: { label?: string; parallelism?: number | null },
      ) =>
        apply({
          type: 'updateNode',
          uid,
          patch: {
            ...(label === undefined ? {} : { label: label === '' ? null : label }),
            ...(parallelism === undefined ? {} : { parallelism }),
          },
        }),
      onEdgeChange: (id: string, patch: { partitioning?: Partitioning | null }) =>
        apply({ type: 'updateEdge', id, patch }),
      onPipelineChange: (patch: { name?: string }) => {
        if (patch.name !== undefined) apply({ type: 'renamePipeline', name: patch.name });
      },
    }),
    [apply],
  );

  const closeDialog = useCallback(() => setDialog(null), []);

  return (
    <div className="editor" data-testid="app">
      <Toolbar
        actions={toolbarActions}
        projectMenu={<ProjectMenu actions={projectActions} />}
        runBlockedReason={runBlockedReason}
        running={running}
      />
      <div className="editor__body">
        <Palette onAdd={commands.addOperatorAtCentre} />
        <main className="editor__centre">
          <Canvas commands={commands} colorMode={colorMode} />
          <BottomPanel onReveal={commands.reveal} />
        </main>
        <aside className="editor__inspector" aria-label={t('inspector.label')}>
          <Inspector doc={doc} selection={selection} problems={problems} {...inspectorHandlers} />
        </aside>
      </div>

      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-input"
        onChange={(e) => void importFile(e)}
      />
      <div className="toast" role="status" aria-live="polite" data-testid="toast">
        {toast !== null && <span className="toast__message">{toast}</span>}
      </div>

      {dialog?.kind === 'help' && <HelpDialog onClose={closeDialog} />}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          name={doc.name}
          onRename={(name) => apply({ type: 'renamePipeline', name })}
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('projects.deleteTitle')}
          body={t('projects.deleteBody', { name: dialog.project.name })}
          confirmLabel={t('common:actions.delete')}
          onConfirm={() =>
            void deleteProject(dialog.project.id, t('projects.newName')).then(
              commands.fitView,
              reportStorage,
            )
          }
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'trust' && (
        <TrustDialog
          doc={dialog.doc}
          code={dialog.code}
          onAllow={() => void createProject(dialog.doc).then(commands.fitView, reportStorage)}
          onStrip={() =>
            void createProject(withoutCode(dialog.doc, dialog.code)).then(
              commands.fitView,
              reportStorage,
            )
          }
          onClose={closeDialog}
        />
      )}
      {dialog?.kind === 'fileProblems' && (
        <FileProblemsDialog
          title={dialog.title}
          body={dialog.body}
          problems={dialog.problems}
          onClose={closeDialog}
        />
      )}
    </div>
  );
}
