import { CircleX, TriangleExclamationPoint } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../engine/pipeline/problems';
import { ProblemMessage } from '../i18n/ProblemMessage';

/** The validator's problems as they read in the problems list: icon, code, message. */
export function ProblemList({ problems, id }: { problems: readonly Problem[]; id?: string }) {
  const { t } = useTranslation('inspector');
  if (problems.length === 0) return null;
  return (
    <ul className="insp-problems" id={id}>
      {problems.map((p, i) => {
        const Icon = p.severity === 'error' ? CircleX : TriangleExclamationPoint;
        return (
          <li key={`${p.code}-${i}`} className={`insp-problem insp-problem--${p.severity}`}>
            <Icon size={13} aria-label={t(`problem.${p.severity}`)} className="insp-problem-icon" />
            <span className="insp-problem-code">{p.code}</span>
            <ProblemMessage className="insp-problem-text" problem={p} />
          </li>
        );
      })}
    </ul>
  );
}
