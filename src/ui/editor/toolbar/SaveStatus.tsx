import { Check, CloudOff, LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useEditor } from '../store/editor-store';
import { selectSaveStatus, selectStorageError } from '../store/selectors';

/** Whether the latest edit is in IndexedDB yet. */
export function SaveStatus() {
  const { t } = useTranslation('editor');
  const status = useEditor(selectSaveStatus);
  const error = useEditor(selectStorageError);
  return (
    <span
      className={`save-status save-status--${status}`}
      role="status"
      data-testid="save-status"
      data-status={status}
      title={error === null ? undefined : t(error.key, error.values)}
    >
      {status === 'error' ? (
        <CloudOff size={14} aria-hidden="true" />
      ) : status === 'saved' ? (
        <Check size={14} aria-hidden="true" />
      ) : (
        <LoaderCircle size={14} aria-hidden="true" className="spin" />
      )}
      {t(`save.${status}`)}
    </span>
  );
}
