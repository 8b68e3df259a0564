/**
 * A guided demo presented: the demo player over an unsaved copy of its pipeline, the step
 * card large, and the keys a presenter's clicker sends (Page Down / Page Up, the arrows) to
 * move between steps.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { DemoStepCard, demos, useDemoPlayer, useDemos, type DemoPlayer } from '../demos';
import type { Demo } from '../demos/demo';
import { selectStep } from '../demos/demo-store';
import { pick } from '../demos/localized';
import { demoEditorLink } from './present-link';
import { presentHost } from './present-host';
import { PresentLayout } from './PresentLayout';
import { PresentRunControls } from './PresentRunControls';
import { PresentMissing } from './PresentMissing';

export function PresentDemo({
  id,
  step,
  colorMode,
}: {
  id: string;
  step: number;
  colorMode: 'light' | 'dark';
}) {
  const { t, i18n } = useTranslation('present');
  const player = useDemoPlayer(presentHost);
  const demo = demos.find((d) => d.id === id);
  const current = useDemos(selectStep);
  useOpenDemo(demo, step, player);
  useStepKeys(player);

  if (demo === undefined) return <PresentMissing message={t('missingDemo', { id })} />;
  return (
    <PresentLayout
      title={pick(demo.title, i18n.resolvedLanguage)}
      editorHref={demoEditorLink(location.href, demo.id, current)}
      colorMode={colorMode}
      side={
        <>
          <DemoStepCard player={player} large />
          <PresentRunControls onReset={() => void player.open(demo)} />
        </>
      }
    />
  );
}

/** Opens the demo once, then moves to the step the link names. */
function useOpenDemo(demo: Demo | undefined, step: number, player: DemoPlayer) {
  const opened = useRef(false);
  useEffect(() => {
    if (demo === undefined || opened.current) return;
    opened.current = true;
    void player.open(demo).then(() => {
      const last = demo.steps.length - 1;
      if (step > 0) return player.goTo(Math.min(step, last));
    });
  }, [demo, step, player]);
}

const NEXT_KEYS = new Set(['PageDown', 'ArrowRight']);
const BACK_KEYS = new Set(['PageUp', 'ArrowLeft']);

/** A clicker's keys move between steps, unless a control has the focus. */
function useStepKeys(player: DemoPlayer) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, select, textarea, [role="img"]') != null) return;
      const forward = NEXT_KEYS.has(event.key);
      if (!forward && !BACK_KEYS.has(event.key)) return;
      event.preventDefault();
      const { step } = useDemos.getState();
      void player.goTo(forward ? step + 1 : step - 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [player]);
}
