/** The watchdog's report of a hung engine (which operator) and the way out: a restart. */
import { OctagonAlert, RefreshCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { restartEngine } from './app-run';
import { useRunStore } from './store/run-store';
import { selectHang, selectInfo, selectPhase } from './store/selectors';

export function HangNotice() {
  const { t } = useTranslation('run');
  const phase = useRunStore(selectPhase);
  const hang = useRunStore(selectHang);
  const info = useRunStore(selectInfo);
  if (phase !== 'hung') return null;
  const operator =
    hang?.operatorUid == null
      ? null
      : (info?.operators.find((o) => o.uid === hang.operatorUid)?.label ?? hang.operatorUid);
  // Until the watchdog's replay names the operator (or when it cannot), the message is general.
  const message = operator === null ? t('hang.unknown') : t('hang.operator', { operator });
  return (
    <div
      className="hang-notice"
      role="alert"
      data-testid="hang-notice"
      data-operator={hang?.operatorUid ?? ''}
    >
      <OctagonAlert size={16} aria-hidden="true" />
      <span>{message}</span>
      <button type="button" data-testid="engine-restart" onClick={restartEngine}>
        <RefreshCw size={14} aria-hidden="true" />
        {t('hang.restart')}
      </button>
    </div>
  );
}
