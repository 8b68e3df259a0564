/**
 * The banner of a run paused at a breakpoint: what happened, in words, and where; Continue
 * plays on to the next hit, "Show in timeline" brings the event into the timeline's view.
 */
import { OctagonPause, Play, ScanSearch, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runController } from './app-run';
import { breakpointWords } from './breakpoint-text';
import { hitKey } from './reveal';
import { useRunStore } from './store/run-store';
import { selectPausedAt, selectPhase, selectRunDoc } from './store/selectors';

export function BreakpointNotice({ onShowTimeline }: { onShowTimeline?(): void }) {
  const { t } = useTranslation('run');
  const hit = useRunStore(selectPausedAt);
  const phase = useRunStore(selectPhase);
  const doc = useRunStore(selectRunDoc);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (hit === null || phase !== 'paused' || dismissed === hitKey(hit)) return null;
  const words = breakpointWords(hit, doc, t);
  return (
    <div
      className="breakpoint-notice"
      role="status"
      aria-label={t('breakpoint.label')}
      data-testid="breakpoint-notice"
      data-kind={hit.kind}
    >
      <OctagonPause size={18} aria-hidden="true" className="breakpoint-notice__icon" />
      <div className="breakpoint-notice__text">
        <strong data-testid="breakpoint-title">{words.title}</strong>
        <span data-testid="breakpoint-detail">{words.detail}</span>
      </div>
      <button
        type="button"
        className="breakpoint-notice__continue"
        data-testid="breakpoint-continue"
        onClick={() => void runController().play()}
      >
        <Play size={14} aria-hidden="true" />
        {t('breakpoint.continue')}
      </button>
      <button
        type="button"
        className="breakpoint-notice__show"
        data-testid="breakpoint-show"
        onClick={() => {
          onShowTimeline?.();
          useRunStore.getState().reveal();
        }}
      >
        <ScanSearch size={14} aria-hidden="true" />
        {t('breakpoint.show')}
      </button>
      <button
        type="button"
        className="icon-button breakpoint-notice__dismiss"
        aria-label={t('breakpoint.dismiss')}
        title={t('breakpoint.dismiss')}
        onClick={() => setDismissed(hitKey(hit))}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
