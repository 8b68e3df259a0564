import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HiddenFileInput } from '../common/HiddenFileInput';
import { CompareView } from '../compare';
import { DemoGallery, DemoStepCard, useDemoPlayer, useDemos } from '../demos';
import { Inspector } from '../inspector';
import { RunBar } from '../run';
import { EmbedMenu, openLinkedDemo, pipelineEmbedLink } from '../present';
import { encodeShareLink } from '../share/share-link';
import { BottomPanel } from './bottom/BottomPanel';
import { Canvas } from './canvas/Canvas';
import { EditorDialogs, type EditorDialog } from './dialogs/EditorDialogs';
import { download } from './files';
import { useCommands } from './hooks/use-commands';
import { useDemoHost } from './hooks/use-demo-host';
import { useIncoming } from './hooks/use-incoming';
import { useInspectorHandlers } from './hooks/use-inspector-handlers';
import { useNotice } from './hooks/use-notice';
import { useRun } from './hooks/use-run';
import { useShortcuts } from './hooks/use-shortcuts';
import { useResolvedTheme } from './hooks/use-theme';
import { useValidation } from './hooks/use-validation';
import { Palette } from './palette/Palette';
import {
  deleteProject,
  duplicateProject,
  flushAutosave,
  newProject,
  openInitialProject,
  openProject,
  startAutosave,
  storageFailure,
} from './projects/project-lifecycle';
import { starterPipeline } from './projects/starter';
import { useEditor } from './store/editor-store';
import { selectApply, selectDoc, selectProblems, selectSelection } from './store/selectors';
import { connectRecovery } from '../recovery';
import { installTestApi } from './test-api';
import { ProjectMenu, type ProjectMenuActions } from './toolbar/ProjectMenu';
import { Toolbar, type ToolbarActions } from './toolbar/Toolbar';
import './editor.css';

/** Opening the first project happens once per page, even when React mounts twice. */
let startup: Promise<void> | undefined;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The editor: toolbar, palette, canvas, inspector and the bottom panel, and their dialogs. */
export function Editor() {
  const { t, i18n } = useTranslation('editor');
  const commands = useCommands();
  const colorMode = useResolvedTheme();
  const doc = useEditor(selectDoc);
  const selection = useEditor(selectSelection);
  const problems = useEditor(selectProblems);
  const apply = useEditor(selectApply);
  const inspectorHandlers = useInspectorHandlers();
  const [dialog, setDialog] = useState<EditorDialog | null>(null);
  const [notice, notify] = useNotice();
  const fileInput = useRef<HTMLInputElement>(null);
  const runner = useRun();
  const demoPlayer = useDemoPlayer(useDemoHost(commands.fitView));
  const incoming = useIncoming({ show: setDialog, notify, opened: commands.fitView });

  useValidation();

  const reportStorage = useCallback(
    (error: unknown) => {
      const failure = storageFailure(error);
      notify(t(failure.key, failure.values));
    },
    [notify, t],
  );

  // Start: the last project (or the starter), then a shared link if the URL carries one.
  useEffect(() => {
    installTestApi();
    connectRecovery();
    const stopAutosave = startAutosave();
    // Leaving the page writes the last edit rather than waiting out the autosave pause.
    const flush = () => void flushAutosave();
    window.addEventListener('pagehide', flush);
    // A first visit (no project yet) opens on the demo gallery.
    let firstVisit = false;
    startup ??= openInitialProject(() => {
      firstVisit = true;
      return starterPipeline(t('projects.starterName'));
    }).then(() => {
      commands.fitView();
      if (firstVisit) useDemos.getState().showGallery(true);
      return incoming.openSharedLink().then(() => openLinkedDemo(demoPlayer));
    });
    return () => {
      stopAutosave();
      window.removeEventListener('pagehide', flush);
    };
    // Runs once, at start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
          .catch((error: unknown) => notify(t('files.linkFailed', { message: message(error) })));
      },
      run: () => void runner.run(),
      help: () => setDialog({ kind: 'help' }),
      demos: () => useDemos.getState().showGallery(true),
    }),
    [commands, notify, runner, t],
  );

  const shortcutActions = useMemo(
    () => ({ run: runner.runIfAllowed, help: () => setDialog({ kind: 'help' }) }),
    [runner.runIfAllowed],
  );
  useShortcuts(commands, shortcutActions);

  const projectActions: ProjectMenuActions = useMemo(
    () => ({
      newProject: () =>
        void newProject(t('projects.newName')).then(commands.fitView, reportStorage),
      open: (id) => void openProject(id).then(commands.fitView, reportStorage),
      rename: () => setDialog({ kind: 'rename', name: useEditor.getState().doc.name }),
      duplicate: () => void duplicateProject().then(commands.fitView, reportStorage),
      remove: (project) => setDialog({ kind: 'delete', project }),
    }),
    [commands, reportStorage, t],
  );

  return (
    <div className="editor" data-testid="app">
      <Toolbar
        actions={toolbarActions}
        projectMenu={<ProjectMenu actions={projectActions} />}
        runBlockedReason={runner.blockedReason}
        running={runner.running}
        embed={
          <EmbedMenu
            link={() =>
              encodeShareLink(useEditor.getState().doc, location.origin + location.pathname).then(
                (url) => pipelineEmbedLink(url, i18n.resolvedLanguage),
              )
            }
            title={doc.name}
            testId="pipeline-embed"
          />
        }
      />
      <RunBar
        doc={doc}
        blockedReason={runner.blockedReason}
        onShowTimeline={() =>
          useEditor.getState().setPrefs({ bottomTab: 'timeline', bottomOpen: true })
        }
      />
      <div className="editor__body">
        <Palette onAdd={commands.addOperatorAtCentre} />
        <main className="editor__centre">
          <Canvas
            commands={commands}
            colorMode={colorMode}
            onDropFile={(file) => void incoming.importFile(file)}
          />
          <BottomPanel onReveal={commands.reveal} />
          <CompareView doc={doc} />
        </main>
        <aside className="editor__inspector" aria-label={t('inspector.label')}>
          <Inspector doc={doc} selection={selection} problems={problems} {...inspectorHandlers} />
        </aside>
      </div>

      <HiddenFileInput
        ref={fileInput}
        accept=".json,application/json"
        testId="import-input"
        onFile={(file) => void incoming.importFile(file)}
      />
      <div className="toast" role="status" aria-live="polite" data-testid="toast">
        {notice !== null && <span className="toast__message">{notice}</span>}
      </div>

      <EditorDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        onRename={(name) => apply({ type: 'renamePipeline', name })}
        onDelete={(id) =>
          void deleteProject(id, t('projects.newName')).then(commands.fitView, reportStorage)
        }
        onTrust={incoming.trust}
      />
      <DemoGallery onOpen={(demo) => void demoPlayer.open(demo)} />
      <DemoStepCard player={demoPlayer} />
    </div>
  );
}
