import { AlertTriangle, CircleCheck, OctagonAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../engine/pipeline/problems';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import { ProblemMessage } from '../../i18n/ProblemMessage';
import { operatorKey } from '../operator-look';

/** Errors first, then warnings; a click selects the node or edge the problem is about. */
export function ProblemsList({
  problems,
  doc,
  onReveal,
}: {
  problems: readonly Problem[];
  doc: PipelineDocument;
  onReveal(problem: Problem): void;
}) {
  const { t } = useTranslation('editor');
  if (doc.nodes.length === 0) {
    return <p className="dock__empty">{t('problems.emptyPipeline')}</p>;
  }
  if (problems.length === 0) {
    return (
      <p className="dock__empty" data-testid="no-problems">
        <CircleCheck size={16} aria-hidden="true" className="ok-icon" />
        {t('problems.none')}
      </p>
    );
  }
  const sorted = [...problems].sort(
    (a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'),
  );
  const where = (p: Problem) => {
    const node = doc.nodes.find((n) => n.uid === p.nodeUid);
    if (node) return node.label || `${t(`${operatorKey(node.kind)}.label`)} ${node.uid}`;
    if (p.edgeId !== undefined) return t('problems.edge', { id: p.edgeId });
    return t('problems.pipeline');
  };
  return (
    <ul className="problems" data-testid="problems-list" aria-label={t('bottom.problems')}>
      {sorted.map((p, index) => {
        const clickable = p.nodeUid !== undefined || p.edgeId !== undefined;
        return (
          <li key={`${p.code}-${p.nodeUid ?? ''}-${p.edgeId ?? ''}-${index}`}>
            <button
              type="button"
              className={`problem problem--${p.severity}`}
              onClick={() => onReveal(p)}
              disabled={!clickable}
            >
              {p.severity === 'error' ? (
                <OctagonAlert size={15} aria-label={t('problems.error')} />
              ) : (
                <AlertTriangle size={15} aria-label={t('problems.warning')} />
              )}
              <span className="problem__code">{p.code}</span>
              <span className="problem__where">{where(p)}</span>
              <span className="problem__headline">{t(`problems.codes.${p.code}`)}</span>
              <ProblemMessage className="problem__message" problem={p} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
