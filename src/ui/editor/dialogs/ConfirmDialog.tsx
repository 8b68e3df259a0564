import { useTranslation } from 'react-i18next';
import { ChoiceButtons } from './ChoiceButtons';
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
        <ChoiceButtons
          cancelLabel={t('actions.cancel')}
          choices={[{ label: confirmLabel, danger: true, act: onConfirm }]}
          onClose={onClose}
        />
      }
    >
      <p>{body}</p>
    </Modal>
  );
}
