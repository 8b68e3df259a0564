/**
 * Presentation mode: what an embed link opens. No editor chrome (toolbar, palette, inspector,
 * problems, dock), a read-only canvas, large type for a projector (`data-presentation` on
 * <html>), and nothing written to the user's projects.
 */
import { useEffect } from 'react';
import i18n, { showInLanguage } from '../i18n';
import { useResolvedTheme } from '../editor/hooks/use-theme';
import { installTestApi } from '../editor/test-api';
import { connectRecovery } from '../recovery';
import type { PresentTarget } from './present-link';
import { PresentDemo } from './PresentDemo';
import { PresentPipeline } from './PresentPipeline';
import './present.css';

export function Presentation({ target }: { target: PresentTarget }) {
  const colorMode = useResolvedTheme();

  useEffect(() => {
    const root = document.documentElement;
    root.dataset.presentation = '';
    installTestApi();
    connectRecovery();
    return () => {
      delete root.dataset.presentation;
    };
  }, []);

  useEffect(() => {
    if (target.language !== null && i18n.resolvedLanguage !== target.language) {
      void showInLanguage(target.language);
    }
  }, [target.language]);

  return target.kind === 'demo' ? (
    <PresentDemo id={target.demo} step={target.step} colorMode={colorMode} />
  ) : (
    <PresentPipeline hash={target.hash} colorMode={colorMode} />
  );
}
