import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from './Modal';

export function RenameDialog({
  name,
  onRename,
  onClose,
}: {
  name: string;
  onRename(name: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation('editor');
  const [draft, setDraft] = useState(name);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.trim() === '') return;
    onRename(draft.trim());
    onClose();
  };
  return (
    <Modal
      title={t('projects.renameTitle')}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common:actions.cancel')}
          </button>
          <button type="submit" form="rename-form" className="button button--primary">
            {t('common:actions.rename')}
          </button>
        </>
      }
    >
      <form id="rename-form" onSubmit={submit} className="form-row">
        <label htmlFor="rename-input">{t('projects.nameLabel')}</label>
        <input
          id="rename-input"
          className="text-input"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          data-autofocus
          required
        />
      </form>
    </Modal>
  );
}
