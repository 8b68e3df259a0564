/** Several things selected: what they are, rather than a form. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorKind, PipelineDocument } from '../../engine/pipeline/document';
import { operatorIcons } from '../editor/operator-look';
import { kindTextKey } from './param-text';

interface MultiSelectionProps {
  doc: PipelineDocument;
  nodes: readonly string[];
  edges: readonly string[];
}

export function MultiSelection({ doc, nodes, edges }: MultiSelectionProps) {
  const { t } = useTranslation('inspector');
  const titleId = useId();
  const kinds = new Map<OperatorKind, number>();
  for (const node of doc.nodes) {
    if (nodes.includes(node.uid)) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
  }
  return (
    <section className="insp-section" aria-labelledby={titleId}>
      <h2 className="insp-title" id={titleId}>
        {t('multi.section')}
      </h2>
      <p className="insp-summary" data-testid="inspector-selection">
        {[
          nodes.length > 0 ? t('multi.nodes', { count: nodes.length }) : undefined,
          edges.length > 0 ? t('multi.edges', { count: edges.length }) : undefined,
        ]
          .filter((s) => s !== undefined)
          .join(' · ')}
      </p>
      {kinds.size > 0 && (
        <ul className="insp-chips">
          {[...kinds].map(([kind, count]) => {
            const Icon = operatorIcons[kind];
            return (
              <li key={kind} className="insp-chip">
                {Icon !== undefined && <Icon size={12} aria-hidden="true" />}
                <span>{t(kindTextKey(kind, 'label'))}</span>
                <span className="insp-chip-count">×{count}</span>
              </li>
            );
          })}
        </ul>
      )}
      <p className="insp-hint">{t('multi.hint')}</p>
    </section>
  );
}
