import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editor-store';
import { selectDocName } from '../store/selectors';

/** The pipeline's name, edited in place; committed as one change on Enter or blur. */
export function PipelineName() {
  const { t } = useTranslation('editor');
  const name = useEditor(selectDocName);
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft === null) return;
    const next = draft.trim();
    setDraft(null);
    if (next !== '' && next !== name)
      useEditor.getState().apply({ type: 'renamePipeline', name: next });
  };
  return (
    <input
      className="pipeline-name"
      aria-label={t('toolbar.pipelineName')}
      data-testid="pipeline-name"
      value={draft ?? name}
      placeholder={t('projects.untitled')}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        if (e.key === 'Escape') {
          setDraft(null);
          e.currentTarget.blur();
        }
      }}
      size={Math.min(Math.max((draft ?? name).length, 12), 32)}
    />
  );
}
