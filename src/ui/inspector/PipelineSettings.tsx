/** With nothing selected: the pipeline's own settings and how to get going. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { commitKeys } from './commit-keys';
import { FieldFrame } from './FieldFrame';
import type { InspectorProps } from './types';
import { useDraft } from './use-draft';

interface PipelineSettingsProps {
  doc: PipelineDocument;
  onPipelineChange: InspectorProps['onPipelineChange'];
}

export function PipelineSettings({ doc, onPipelineChange }: PipelineSettingsProps) {
  const { t } = useTranslation('inspector');
  const titleId = useId();
  const startId = useId();
  const nameId = useId();
  const [draft, setDraft] = useDraft(doc.name);
  // A pipeline always has a name: clearing the field keeps the old one.
  const commit = () => {
    const name = draft.trim();
    if (name === '' || name === doc.name) setDraft(doc.name);
    else onPipelineChange({ name });
  };
  return (
    <>
      <section className="insp-section" aria-labelledby={titleId}>
        <h2 className="insp-title" id={titleId}>
          {t('pipeline.section')}
        </h2>
        <FieldFrame id={nameId} label={t('pipeline.name')}>
          <input
            id={nameId}
            className="insp-input"
            data-testid="inspector-pipeline-name"
            type="text"
            autoComplete="off"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={commitKeys(commit, () => setDraft(doc.name))}
          />
        </FieldFrame>
        <p className="insp-hint">
          {t('pipeline.summary', {
            nodes: t('pipeline.nodes', { count: doc.nodes.length }),
            edges: t('pipeline.edges', { count: doc.edges.length }),
          })}
        </p>
      </section>
      <section className="insp-section" aria-labelledby={startId}>
        <h3 className="insp-heading" id={startId}>
          {t('pipeline.startTitle')}
        </h3>
        <ol className="insp-steps">
          <li>{t('pipeline.startSteps.drag')}</li>
          <li>{t('pipeline.startSteps.connect')}</li>
          <li>{t('pipeline.startSteps.select')}</li>
        </ol>
      </section>
    </>
  );
}
