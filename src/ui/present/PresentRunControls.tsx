/** The run's controls in presentation mode, large: play or pause, start over, and the clock. */
import { Pause, Play, RotateCcw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  formatTime,
  runController,
  selectInfo,
  selectPhase,
  selectProgress,
  useRunStore,
} from '../run';

export interface PresentRunControlsProps {
  /** Starts a run when there is no session yet (a presented pipeline); demos start their own. */
  onStart?(): void;
  /** Starts over from the beginning. */
  onReset(): void;
}

export function PresentRunControls({ onStart, onReset }: PresentRunControlsProps) {
  const { t } = useTranslation('present');
  const phase = useRunStore(selectPhase);
  const hasSession = useRunStore(selectInfo) !== null;
  const progress = useRunStore(selectProgress);
  const controller = runController();
  const playing = phase === 'running';
  const over = phase === 'finished' || phase === 'failed' || phase === 'canceled';
  const canPlay = playing || (hasSession && !over) || (!hasSession && onStart !== undefined);

  const onPlay = () => {
    if (playing) void controller.pause();
    else if (hasSession && !over) void controller.play();
    else onStart?.();
  };

  return (
    <div
      className="present-run"
      role="toolbar"
      aria-label={t('run.label')}
      data-testid="present-run"
    >
      <button
        type="button"
        className="present-run__play"
        onClick={onPlay}
        disabled={!canPlay}
        data-testid={playing ? 'present-pause' : 'present-play'}
      >
        {playing ? <Pause size={22} aria-hidden /> : <Play size={22} aria-hidden />}
        {playing ? t('run.pause') : t('run.play')}
      </button>
      <button
        type="button"
        className="present-run__reset"
        onClick={onReset}
        data-testid="present-reset"
      >
        <RotateCcw size={20} aria-hidden />
        {t('run.reset')}
      </button>
      <p className="present-run__clock" data-testid="present-clock" data-phase={phase}>
        <span>{t('run.processingTime')}</span>
        <strong>{progress === null ? '–' : formatTime(progress.processingTime)}</strong>
        <span className="present-run__phase">{t(`run.phase.${phaseWord(phase)}`)}</span>
      </p>
    </div>
  );
}

/** The phases worded in the presentation: the engine's, with the app's own folded in. */
function phaseWord(phase: string): 'ready' | 'running' | 'paused' | 'finished' | 'failed' {
  if (phase === 'running' || phase === 'paused' || phase === 'finished') return phase;
  if (phase === 'failed' || phase === 'error' || phase === 'hung' || phase === 'canceled') {
    return 'failed';
  }
  return 'ready';
}
