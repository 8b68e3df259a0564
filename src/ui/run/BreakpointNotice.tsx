/**
 * The banner of a run paused at a breakpoint: what happened, in words, and where; Continue
 * plays on to the next hit, "Show in timeline" brings the event into the timeline's view.
 */
import { OctagonPause, Play, ScanSearch, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { BreakpointHit } from '../../worker/breakpoints';
import { runController } from './app-run';
import { breakpointWords } from './breakpoint-text';
import { hitKey } from './reveal';
import { useRunStore } from './store/run-store';
import { selectPausedAt, selectPhase, selectRunDoc } from './store/selectors';

export function BreakpointNotice({ onShowTimeline }: { onShowTimeline?(): void }) {
  const hit = useRunStore(selectPausedAt);
  const phase = useRunStore(selectPhase);
  const doc = useRunStore(selectRunDoc);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (hit === null || phase !== 'paused' || dismissed === hitKey(hit)) return null;
  return (
    <BreakpointBanner
      hit={hit}
      doc={doc}
      onContinue={() => void runController().play()}
      onShow={() => {
        onShowTimeline?.();
        useRunStore.getState().reveal();
      }}
      onDismiss={() => setDismissed(hitKey(hit))}
    />
  );
}

export interface BreakpointBannerProps {
  hit: BreakpointHit;
  /** The document the run runs: operator labels and aggregates. */
  doc: PipelineDocument | null;
  onContinue(): void;
  onShow(): void;
  onDismiss(): void;
}

export function BreakpointBanner({
  hit,
  doc,
  onContinue,
  onShow,
  onDismiss,
}: BreakpointBannerProps) {
  const { t } = useTranslation('run');
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
        onClick={onContinue}
      >
        <Play size={14} aria-hidden="true" />
        {t('breakpoint.continue')}
      </button>
      <button
        type="button"
        className="breakpoint-notice__show"
        data-testid="breakpoint-show"
        onClick={onShow}
      >
        <ScanSearch size={14} aria-hidden="true" />
        {t('breakpoint.show')}
      </button>
      <button
        type="button"
        className="icon-button breakpoint-notice__dismiss"
        aria-label={t('breakpoint.dismiss')}
        title={t('breakpoint.dismiss')}
        onClick={onDismiss}
      >
        <X size={14} aria-hidden="true" />
      </button>
    </div>
  );
}
