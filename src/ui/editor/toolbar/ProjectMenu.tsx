import { ChevronDown, CopyPlus, FilePlus2, FolderOpen, PencilLine, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePopover } from '../../common/use-popover';
import type { ProjectSummary } from '../../persistence/projects';
import { projects } from '../projects/project-lifecycle';
import { useEditor } from '../store/editor-store';
import { selectProjectId } from '../store/selectors';

export interface ProjectMenuActions {
  newProject(): void;
  open(id: string): void;
  rename(): void;
  duplicate(): void;
  remove(project: { id: string; name: string }): void;
}

/** The project menu: the saved pipelines, newest first, and what can be done with them. */
export function ProjectMenu({ actions }: { actions: ProjectMenuActions }) {
  const { t, i18n } = useTranslation('editor');
  const projectId = useEditor(selectProjectId);
  const { open, toggle, close, rootRef, onKeyDown, buttonRef } = usePopover();
  const [list, setList] = useState<ProjectSummary[] | null>(null);

  useEffect(() => {
    if (!open) return;
    let live = true;
    projects()
      .then((store) => store.list())
      .then((items) => live && setList(items))
      .catch(() => live && setList([]));
    return () => {
      live = false;
    };
  }, [open]);

  const run = (action: () => void) => () => {
    close();
    action();
  };
  const when = (ms: number) =>
    new Intl.DateTimeFormat(i18n.resolvedLanguage, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(ms);
  const current = list?.find((p) => p.id === projectId);

  return (
    <div className="project-menu" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="icon-button project-menu__trigger"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('projects.menu')}
        title={t('projects.menu')}
        data-testid="project-menu"
        onClick={toggle}
      >
        <FolderOpen size={16} aria-hidden="true" />
        <ChevronDown size={12} aria-hidden="true" />
      </button>
      {open && (
        <div
          className="project-menu__popover popover-panel"
          role="menu"
          aria-label={t('projects.menu')}
        >
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={run(actions.newProject)}
            data-testid="project-new"
          >
            <FilePlus2 size={14} aria-hidden="true" /> {t('projects.new')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={run(actions.rename)}
            disabled={projectId === null}
          >
            <PencilLine size={14} aria-hidden="true" /> {t('projects.rename')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            onClick={run(actions.duplicate)}
            disabled={projectId === null}
          >
            <CopyPlus size={14} aria-hidden="true" /> {t('projects.duplicate')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item menu-item--danger"
            disabled={projectId === null}
            onClick={run(() => {
              if (projectId !== null)
                actions.remove({
                  id: projectId,
                  name: current?.name ?? useEditor.getState().doc.name,
                });
            })}
          >
            <Trash2 size={14} aria-hidden="true" /> {t('projects.delete')}
          </button>
          <div className="menu-separator" role="separator" />
          <p className="menu-heading">{t('projects.recent')}</p>
          {list !== null && list.length === 0 && <p className="menu-note">{t('projects.empty')}</p>}
          <div className="project-menu__list">
            {list?.map((p) => (
              <button
                key={p.id}
                type="button"
                role="menuitemradio"
                aria-checked={p.id === projectId}
                className="menu-item project-menu__project"
                onClick={run(() => actions.open(p.id))}
              >
                <span className="project-menu__name">{p.name || t('projects.untitled')}</span>
                <span className="project-menu__meta">
                  {p.id === projectId
                    ? t('projects.current')
                    : t('projects.updated', { when: when(p.updatedAt) })}
                </span>
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
