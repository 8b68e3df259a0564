/**
 * "Copy embed link": the link that presents a demo or pipeline, and an <iframe> snippet for a
 * course page or a slide, each copied to the clipboard.
 */
import { Check, Code2, Link2, MonitorPlay } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PopoverPanel } from '../common/PopoverPanel';
import { besideButton, usePopover } from '../common/use-popover';
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

/** Below the button, unless there is clearly more room above (a card low in the gallery). */
const PLACEMENT = besideButton(120);

type Copied = 'link' | 'iframe' | 'failed' | null;

export function EmbedMenu({ link, title, testId, className = '' }: EmbedMenuProps) {
  const { t } = useTranslation('present');
  const { open, panelId, style, toggle, rootRef, onKeyDown, buttonRef } = usePopover(PLACEMENT);
  const [copied, setCopied] = useState<Copied>(null);

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
      ref={rootRef}
      onKeyDown={onKeyDown}
      // On a gallery card, a click here is not a click on the card.
      onClick={(event) => event.stopPropagation()}
    >
      <button
        ref={buttonRef}
        type="button"
        className="icon-button"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t('embed.button')}
        title={t('embed.button')}
        data-testid={testId}
        onClick={() => {
          setCopied(null);
          toggle();
        }}
      >
        <MonitorPlay size={16} aria-hidden="true" />
      </button>
      {open && (
        <PopoverPanel
          id={panelId}
          className="embed-menu__popover"
          style={style}
          label={t('embed.button')}
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
        </PopoverPanel>
      )}
    </div>
  );
}
