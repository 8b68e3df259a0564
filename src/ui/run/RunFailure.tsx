/** Why the run failed or could not start, naming the operator when one failed. */
import { OctagonAlert } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useRunStore } from './store/run-store';
import { selectFailure, selectInfo } from './store/selectors';

export function RunFailure() {
  const { t } = useTranslation('run');
  const failure = useRunStore(selectFailure);
  const info = useRunStore(selectInfo);
  if (failure === null) return null;
  const operator =
    failure.operatorUid === null
      ? null
      : (info?.operators.find((o) => o.uid === failure.operatorUid)?.label ?? failure.operatorUid);
  return (
    <p className="run-failure-note" role="alert" data-testid="run-failure">
      <OctagonAlert size={16} aria-hidden="true" />
      {operator === null
        ? t('failure.job', { message: failure.message })
        : t('failure.at', { operator, message: failure.message })}
    </p>
  );
}
