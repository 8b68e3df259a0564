import { OctagonAlert, AlertTriangle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../engine/pipeline/problems';
import { ProblemMessage } from '../../i18n/ProblemMessage';
import { Modal } from './Modal';

/** Why an imported file or a shared link could not be opened. */
export function FileProblemsDialog({
  title,
  body,
  problems,
  onClose,
}: {
  title: string;
  body: string;
  problems: readonly Problem[];
  onClose(): void;
}) {
  const { t } = useTranslation('editor');
  return (
    <Modal
      title={title}
      onClose={onClose}
      wide
      testId="file-problems"
      footer={
        <button type="button" className="button button--primary" onClick={onClose} data-autofocus>
          {t('common:actions.close')}
        </button>
      }
    >
      <p>{body}</p>
      <ul className="file-problems">
        {problems.map((p, i) => (
          <li key={i} className={`problem problem--${p.severity}`}>
            {p.severity === 'error' ? (
              <OctagonAlert size={15} aria-label={t('problems.error')} />
            ) : (
              <AlertTriangle size={15} aria-label={t('problems.warning')} />
            )}
            <span className="problem__code">{p.code}</span>
            <span className="problem__headline">{t(`problems.codes.${p.code}`)}</span>
            <ProblemMessage className="problem__message" problem={p} />
          </li>
        ))}
      </ul>
    </Modal>
  );
}
