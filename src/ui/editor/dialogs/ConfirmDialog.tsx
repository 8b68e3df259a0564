import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

/** Asks before something that cannot be undone. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirmLabel: string;
  onConfirm(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('common');
  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} data-autofocus>
            {t('actions.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              onClose();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{body}</p>
    </Modal>
  );
}
