/**
 * The presentation's frame: a slim bar (the title, the language, "Open in editor"), the
 * read-only pipeline over a large timeline, and a side column: the step card and controls, then
 * what the sinks received.
 */
import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSelect } from '../common/LanguageSelect';
import { useEditor } from '../editor/store/editor-store';
import { selectDoc } from '../editor/store/selectors';
import { ResultsPanel, useRunTimeline } from '../run';
import { Timeline } from '../timeline';
import { PresentCanvas } from './PresentCanvas';
import { useTextScale } from './use-text-scale';

export interface PresentLayoutProps {
  title: string;
  /** Where "Open in editor" goes. */
  editorHref: string;
  colorMode: 'light' | 'dark';
  /** The step card and run controls. */
  side: ReactNode;
}

export function PresentLayout({ title, editorHref, colorMode, side }: PresentLayoutProps) {
  const { t } = useTranslation('present');
  const doc = useEditor(selectDoc);
  const scale = useTextScale();
  const timeline = useRunTimeline();
  return (
    <div className="present" data-testid="presentation">
      <header className="present__bar">
        <span className="present__brand">{t('common:appName')}</span>
        <h1 className="present__title" data-testid="present-title">
          {title}
        </h1>
        <LanguageSelect className="present__language" testId="present-language" />
        <a
          className="present__editor-link"
          href={editorHref}
          target="_blank"
          rel="noopener"
          data-testid="present-open-editor"
        >
          <ExternalLink size={14} aria-hidden />
          {t('openInEditor')}
        </a>
      </header>
      <div className="present__body">
        <main className="present__main">
          <PresentCanvas colorMode={colorMode} />
          <div className="present__timeline" data-testid="timeline-panel">
            <Timeline {...timeline} exportName={title} scale={scale} />
          </div>
        </main>
        <aside className="present__side" aria-label={t('side')}>
          {side}
          <section className="present__results" aria-label={t('results')}>
            <ResultsPanel doc={doc} />
          </section>
        </aside>
      </div>
    </div>
  );
}
