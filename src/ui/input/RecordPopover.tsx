import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InputRecord } from './records-io';

/** The selected record's fields as JSON, applied as one edit; and its delete action. */
export function RecordPopover({
  record,
  index,
  onApply,
  onDelete,
  onClose,
}: {
  record: InputRecord;
  index: number;
  onApply(record: InputRecord): void;
  onDelete(): void;
  onClose(): void;
}) {
  const { t } = useTranslation('input');
  const [text, setText] = useState(() => JSON.stringify(record, null, 2));
  const [error, setError] = useState(false);
  const apply = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = undefined;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      setError(true);
      return;
    }
    setError(false);
    onApply(value as InputRecord);
  };
  return (
    <div
      className="record-popover"
      role="dialog"
      aria-label={t('record.title', { index: index + 1 })}
      data-testid="record-popover"
    >
      <div className="record-popover__head">
        <strong>{t('record.title', { index: index + 1 })}</strong>
        <button type="button" className="button" onClick={onDelete} data-testid="record-delete">
          <Trash2 size={14} aria-hidden="true" />
          {t('record.delete')}
        </button>
      </div>
      <textarea
        className="record-popover__fields"
        value={text}
        spellCheck={false}
        aria-label={t('record.fields')}
        aria-invalid={error}
        rows={Math.min(8, text.split('\n').length)}
        onChange={(e) => setText(e.target.value)}
        data-testid="record-fields"
      />
      {error && <p className="record-popover__error">{t('record.invalid')}</p>}
      <div className="record-popover__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('record.close')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={apply}
          data-testid="record-apply"
        >
          {t('record.apply')}
        </button>
      </div>
    </div>
  );
}
