import { useTranslation } from 'react-i18next';
import { Modal } from '../editor/dialogs/Modal';
import { demos } from './catalogue';
import type { Demo } from './demo';
import { selectGalleryOpen, useDemos } from './demo-store';
import { DemoIcon } from './DemoIcon';
import { pick } from './localized';
import { EmbedMenu } from '../present/EmbedMenu';
import { demoEmbedLink } from '../present/present-link';

/** The gallery of guided demos: the first screen for a new user, and the toolbar's Demos. */
export function DemoGallery({ onOpen }: { onOpen(demo: Demo): void }) {
  const { t, i18n } = useTranslation('demos');
  const open = useDemos(selectGalleryOpen);
  if (!open) return null;
  return (
    <Modal
      title={t('gallery.title')}
      onClose={() => useDemos.getState().showGallery(false)}
      wide
      testId="demo-gallery"
    >
      <p className="modal__lede">{t('gallery.lede')}</p>
      <ul className="demo-gallery">
        {demos.map((demo) => (
          <li key={demo.id} className="demo-gallery__item">
            <DemoCard demo={demo} onOpen={() => onOpen(demo)} />
            <EmbedMenu
              link={() =>
                demoEmbedLink(location.href, demo.id, { language: i18n.resolvedLanguage })
              }
              title={pick(demo.title, i18n.resolvedLanguage)}
              testId={`demo-embed-${demo.id}`}
              className="embed-menu--corner"
            />
          </li>
        ))}
      </ul>
    </Modal>
  );
}

function DemoCard({ demo, onOpen }: { demo: Demo; onOpen(): void }) {
  const { t, i18n } = useTranslation('demos');
  const lng = i18n.resolvedLanguage;
  return (
    <button
      type="button"
      className="demo-card"
      onClick={onOpen}
      data-testid={`demo-card-${demo.id}`}
      aria-label={t('gallery.start', { title: pick(demo.title, lng) })}
    >
      <span className="demo-card__icon">
        <DemoIcon name={demo.icon} />
      </span>
      <span className="demo-card__text">
        <span className="demo-card__title">{pick(demo.title, lng)}</span>
        <span className="demo-card__summary">{pick(demo.summary, lng)}</span>
        <span className="demo-card__tags" aria-label={t('gallery.tags')}>
          {demo.tags.map((tag) => (
            <span key={tag} className="demo-tag">
              {t(`tags.${tag}`)}
            </span>
          ))}
          <span className="demo-card__steps">
            {t('gallery.steps', { count: demo.steps.length })}
          </span>
        </span>
      </span>
    </button>
  );
}
