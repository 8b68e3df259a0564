/**
 * "Copy embed link": the link that presents a demo or pipeline, and an <iframe> snippet for a
 * course page or a slide, each copied to the clipboard.
 */
import { Check, Code2, Link2, MonitorPlay } from 'lucide-react';
import { useEffect, useId, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { iframeSnippet } from './present-link';
import './embed.css';

export interface EmbedMenuProps {
  /** The embed link, made when the menu opens (it follows the step and language). */
  link(): string | Promise<string>;
  /** What the embedded page shows, for the iframe's title. */
  title: string;
  testId: string;
  className?: string;
}

/**
 * Where the menu opens: fixed to the viewport, so a scrolling dialog or panel does not clip it,
 * below the button unless there is more room above.
 */
function placeBeside(button: HTMLElement): CSSProperties {
  const rect = button.getBoundingClientRect();
  const right = window.innerWidth - rect.right;
  return rect.top > window.innerHeight - rect.bottom + 120
    ? { right, bottom: window.innerHeight - rect.top + 6 }
    : { right, top: rect.bottom + 6 };
}

type Copied = 'link' | 'iframe' | 'failed' | null;

export function EmbedMenu({ link, title, testId, className = '' }: EmbedMenuProps) {
  const { t } = useTranslation('present');
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState<Copied>(null);
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

  const copy = (what: 'link' | 'iframe') => {
    Promise.resolve(link())
      .then((url) =>
        navigator.clipboard.writeText(what === 'link' ? url : iframeSnippet(url, title)),
      )
      .then(
        () => setCopied(what),
        () => setCopied('failed'),
      );
  };

  return (
    <div
      className={`embed-menu ${className}`}
      ref={root}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          // Inside a dialog (the gallery), Escape closes only this menu.
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          root.current?.querySelector<HTMLButtonElement>('button')?.focus();
        }
      }}
    >
      <button
        type="button"
        className="icon-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={menuId}
        aria-label={t('embed.button')}
        title={t('embed.button')}
        data-testid={testId}
        onClick={(event) => {
          setPlace(placeBeside(event.currentTarget));
          setCopied(null);
          setOpen((o) => !o);
        }}
      >
        <MonitorPlay size={16} aria-hidden="true" />
      </button>
      {open && (
        <div
          className="embed-menu__popover"
          id={menuId}
          style={place}
          role="group"
          aria-label={t('embed.button')}
        >
          <p className="embed-menu__lede">{t('embed.lede')}</p>
          <button
            type="button"
            className="embed-menu__item"
            data-testid={`${testId}-link`}
            onClick={() => copy('link')}
          >
            {copied === 'link' ? <Check size={15} aria-hidden /> : <Link2 size={15} aria-hidden />}
            {t('embed.copyLink')}
          </button>
          <button
            type="button"
            className="embed-menu__item"
            data-testid={`${testId}-iframe`}
            onClick={() => copy('iframe')}
          >
            {copied === 'iframe' ? (
              <Check size={15} aria-hidden />
            ) : (
              <Code2 size={15} aria-hidden />
            )}
            {t('embed.copyIframe')}
          </button>
          <p className="embed-menu__status" role="status">
            {copied === 'link' || copied === 'iframe' ? t('embed.copied') : ''}
            {copied === 'failed' ? t('embed.failed') : ''}
          </p>
        </div>
      )}
    </div>
  );
}
