import {
  CircleHelp,
  Download,
  GraduationCap,
  LayoutGrid,
  Link2,
  Maximize,
  Play,
  Redo2,
  Undo2,
  Upload,
} from 'lucide-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../../common/BusyIcon';
import { IconButton } from '../../common/IconButton';
import { LanguageSelect } from '../../common/LanguageSelect';
import { CompareButton } from '../../compare';
import { FlinkExportButton } from '../../export';
import { useEditor } from '../store/editor-store';
import type { ThemeChoice } from '../store/prefs-slice';
import { selectCanRedo, selectCanUndo, selectSetPrefs, selectTheme } from '../store/selectors';
import { PipelineName } from './PipelineName';
import { SaveStatus } from './SaveStatus';
import './toolbar.css';

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  autoLayout(): void;
  fitView(): void;
  importFile(): void;
  exportFile(): void;
  share(): void;
  run(): void;
  help(): void;
  demos(): void;
}

const THEMES: readonly ThemeChoice[] = ['light', 'dark', 'system'];

/** The top bar: the pipeline's name and project, editing, files, Run, and preferences. */
export function Toolbar({
  actions,
  projectMenu,
  runBlockedReason,
  running,
  embed,
}: {
  actions: ToolbarActions;
  projectMenu: ReactNode;
  /** "Copy embed link" for the pipeline, beside Share. */
  embed?: ReactNode;
  /** Why Run is disabled, or null when it can run. */
  runBlockedReason: string | null;
  running: boolean;
}) {
  const { t } = useTranslation('editor');
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const theme = useEditor(selectTheme);
  const setPrefs = useEditor(selectSetPrefs);
  const runReasonId = useId();
  const runDisabled = runBlockedReason !== null || running;

  return (
    <header className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar__brand">
        <img src="/favicon.svg" alt="" width={24} height={24} />
        <span className="toolbar__app">{t('common:appName')}</span>
      </div>
      <PipelineName />
      {projectMenu}
      <SaveStatus />
      <span className="toolbar__divider" aria-hidden="true" />
      <IconButton
        label={t('toolbar.undo')}
        shortcut="Ctrl+Z"
        onClick={actions.undo}
        disabled={!canUndo}
      >
        <Undo2 size={16} />
      </IconButton>
      <IconButton
        label={t('toolbar.redo')}
        shortcut="Shift+Ctrl+Z"
        onClick={actions.redo}
        disabled={!canRedo}
      >
        <Redo2 size={16} />
      </IconButton>
      <span className="toolbar__divider" aria-hidden="true" />
      <IconButton label={t('toolbar.autoLayout')} shortcut="Shift+L" onClick={actions.autoLayout}>
        <LayoutGrid size={16} />
      </IconButton>
      <IconButton label={t('toolbar.fitView')} shortcut="Shift+F" onClick={actions.fitView}>
        <Maximize size={16} />
      </IconButton>
      <span className="toolbar__divider" aria-hidden="true" />
      <IconButton label={t('toolbar.import')} onClick={actions.importFile} testId="import">
        <Upload size={16} />
      </IconButton>
      <IconButton label={t('toolbar.export')} onClick={actions.exportFile} testId="export">
        <Download size={16} />
      </IconButton>
      <IconButton label={t('toolbar.share')} onClick={actions.share} testId="share">
        <Link2 size={16} />
      </IconButton>
      {embed}
      <FlinkExportButton />
      <CompareButton />
      <span className="toolbar__spacer" />
      <button
        type="button"
        className="run-button"
        data-testid="run"
        aria-disabled={runDisabled}
        aria-describedby={runBlockedReason === null ? undefined : runReasonId}
        title={runBlockedReason ?? `${t('toolbar.run')} (Ctrl+Enter)`}
        onClick={() => {
          if (!runDisabled) actions.run();
        }}
      >
        <BusyIcon busy={running} icon={Play} size={16} />
        {running ? t('toolbar.running') : t('toolbar.run')}
      </button>
      {runBlockedReason !== null && (
        <span id={runReasonId} className="visually-hidden">
          {runBlockedReason}
        </span>
      )}
      <span className="toolbar__divider" aria-hidden="true" />
      <label className="toolbar__select">
        <span className="visually-hidden">{t('common:theme.label')}</span>
        <select
          value={theme}
          onChange={(e) => setPrefs({ theme: e.target.value as ThemeChoice })}
          data-testid="theme"
          title={t('common:theme.label')}
        >
          {THEMES.map((choice) => (
            <option key={choice} value={choice}>
              {t(`common:theme.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <LanguageSelect className="toolbar__select" testId="language" />
      <IconButton label={t('demos:open')} onClick={actions.demos} testId="demos">
        <GraduationCap size={16} />
      </IconButton>
      <IconButton label={t('toolbar.help')} shortcut="?" onClick={actions.help}>
        <CircleHelp size={16} />
      </IconButton>
    </header>
  );
}
