/** The timeline toolbar's Export: the current view as an SVG or a PNG, optionally for slides. */
import { Download } from 'lucide-react';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { PictureFormat } from './export-name';
import './timeline-export.css';

export interface ExportMenuProps {
  /** Saves the picture; resolves to the file's name. */
  onExport(format: PictureFormat, forSlides: boolean): Promise<string>;
  /** Nothing is drawn yet. */
  disabled: boolean;
}

const FORMATS: readonly PictureFormat[] = ['svg', 'png'];

/**
 * Where the menu opens: fixed to the viewport, so the dock's scrolling does not clip it; above
 * the button when there is more room above (the timeline usually sits low on the page).
 */
function placeBeside(button: HTMLElement): CSSProperties {
  const rect = button.getBoundingClientRect();
  const right = window.innerWidth - rect.right;
  return rect.top > window.innerHeight - rect.bottom
    ? { right, bottom: window.innerHeight - rect.top + 6 }
    : { right, top: rect.bottom + 6 };
}

type Status = { kind: 'saved'; file: string } | { kind: 'failed'; message: string } | null;

export function TimelineExportMenu({ onExport, disabled }: ExportMenuProps) {
  const { t } = useTranslation('timeline');
  const [open, setOpen] = useState(false);
  const [forSlides, setForSlides] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [place, setPlace] = useState<CSSProperties>({});
  const root = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const close = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    return () => window.removeEventListener('pointerdown', close);
  }, [open]);

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
    <div
      className="timeline-export"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('.timeline-export__trigger')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="timeline-export__trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        disabled={disabled}
        title={t('export.label')}
        data-testid="timeline-export"
        onClick={(event) => {
          setPlace(placeBeside(event.currentTarget));
          setOpen((o) => !o);
        }}
      >
        <Download size={15} aria-hidden />
        <span>{t('export.button')}</span>
      </button>
      {open && (
        <div
          className="timeline-export__popover"
          id={menuId}
          style={place}
          role="group"
          aria-label={t('export.label')}
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
        </div>
      )}
    </div>
  );
}
