/** The timeline toolbar's Export: the current view as an SVG or a PNG, optionally for slides. */
import { Download } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PopoverPanel } from '../common/PopoverPanel';
import { besideButton, usePopover } from '../common/use-popover';
import type { PictureFormat } from './export-name';
import './timeline-export.css';

export interface ExportMenuProps {
  /** Saves the picture; resolves to the file's name. */
  onExport(format: PictureFormat, forSlides: boolean): Promise<string>;
  /** Nothing is drawn yet. */
  disabled: boolean;
}

const FORMATS: readonly PictureFormat[] = ['svg', 'png'];

/** Above the button when there is more room above (the timeline usually sits low on the page). */
const PLACEMENT = besideButton();

type Status = { kind: 'saved'; file: string } | { kind: 'failed'; message: string } | null;

export function TimelineExportMenu({ onExport, disabled }: ExportMenuProps) {
  const { t } = useTranslation('timeline');
  const { open, panelId, style, toggle, rootRef, onKeyDown, buttonRef } = usePopover(PLACEMENT);
  const [forSlides, setForSlides] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const save = (format: PictureFormat) => {
    setStatus(null);
    onExport(format, forSlides).then(
      (file) => setStatus({ kind: 'saved', file }),
      (error: unknown) =>
        setStatus({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  };

  return (
    <div className="timeline-export" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="timeline-export__trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={disabled}
        title={t('export.label')}
        data-testid="timeline-export"
        onClick={toggle}
      >
        <Download size={15} aria-hidden />
        <span>{t('export.button')}</span>
      </button>
      {open && (
        <PopoverPanel
          id={panelId}
          className="timeline-export__popover"
          style={style}
          label={t('export.label')}
        >
          <p className="timeline-export__lede">{t('export.lede')}</p>
          <div className="timeline-export__formats">
            {FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="timeline-export__format"
                data-testid={`timeline-export-${format}`}
                onClick={() => save(format)}
              >
                <strong>{t(`export.${format}`)}</strong>
                <span>{t(`export.${format}Hint`)}</span>
              </button>
            ))}
          </div>
          <label className="timeline-export__slides">
            <input
              type="checkbox"
              checked={forSlides}
              data-testid="timeline-export-slides"
              onChange={(event) => setForSlides(event.target.checked)}
            />
            <span>
              {t('export.forSlides')}
              <small>{t('export.forSlidesHint')}</small>
            </span>
          </label>
          <p className="timeline-export__status" role="status" data-testid="timeline-export-status">
            {status?.kind === 'saved' && t('export.saved', { file: status.file })}
            {status?.kind === 'failed' && t('export.failed', { message: status.message })}
          </p>
        </PopoverPanel>
      )}
    </div>
  );
}
