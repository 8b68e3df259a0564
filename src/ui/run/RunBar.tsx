/**
 * The run controls under the toolbar: play/pause, the three steps, reset, cancel, speed, the
 * scrubber that re-runs to a moment, progress, and the run configuration's switches.
 */
import {
  ChevronsRight,
  Pause,
  Play,
  RotateCcw,
  Settings2,
  Square,
  StepForward,
  Waves,
  Zap,
} from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { IconButton } from '../common/IconButton';
import { PopoverPanel } from '../common/PopoverPanel';
import { usePopover } from '../common/use-popover';
import { WholeNumberField } from '../common/WholeNumberField';
import { CheckpointSettings } from '../recovery/CheckpointSettings';
import type { StepKind } from '../../worker/client';
import type { Speed } from '../../worker/trace-batch';
import { runController } from './app-run';
import { BreakpointNotice } from './BreakpointNotice';
import { BreakpointsMenu } from './BreakpointsMenu';
import { MAX_PARALLELISM, SPEEDS, type RunConfig } from './config';
import { formatSpeed, formatTime } from './format';
import { HangNotice } from './HangNotice';
import { RunProgress } from './RunProgress';
import { useRunStore } from './store/run-store';
import {
  selectBusy,
  selectConfig,
  selectHasSession,
  selectHorizon,
  selectPhase,
  selectProgress,
  selectSetConfig,
  selectSpeed,
} from './store/selectors';
import './run.css';

const STEPS: { kind: StepKind; icon: ReactNode; label: string }[] = [
  { kind: 'record', icon: <StepForward size={16} aria-hidden="true" />, label: 'bar.stepRecord' },
  { kind: 'watermark', icon: <Waves size={16} aria-hidden="true" />, label: 'bar.stepWatermark' },
  { kind: 'firing', icon: <Zap size={16} aria-hidden="true" />, label: 'bar.stepFiring' },
];

export interface RunBarProps {
  /** The editor's document: what a run started here runs. */
  doc: PipelineDocument;
  /** Why the pipeline cannot run now (validation errors), or null. */
  blockedReason: string | null;
  /** Opens the Timeline tab (a breakpoint's "Show in timeline"). */
  onShowTimeline?(): void;
}

export function RunBar({ doc, blockedReason, onShowTimeline }: RunBarProps) {
  const { t } = useTranslation('run');
  const phase = useRunStore(selectPhase);
  const hasSession = useRunStore(selectHasSession);
  const busy = useRunStore(selectBusy);
  const speed = useRunStore(selectSpeed);
  const setConfig = useRunStore(selectSetConfig);
  const controller = runController();

  const playing = phase === 'running';
  const over = phase === 'finished' || phase === 'failed' || phase === 'canceled';
  // After a hang only a restart of the engine (the notice's button) runs again.
  const canStart = blockedReason === null && phase !== 'starting' && phase !== 'hung';
  const canControl = hasSession && !busy && phase !== 'starting';

  const onPlay = () => {
    if (playing) void controller.pause();
    else if (hasSession && !over) void controller.play();
    else if (canStart) void controller.run(doc);
  };

  return (
    <div className="run-bar" role="toolbar" aria-label={t('bar.label')} data-testid="run-bar">
      <button
        type="button"
        className="run-bar__play"
        data-testid={playing ? 'run-pause' : 'run-play'}
        aria-label={playing ? t('bar.pause') : t('bar.play')}
        title={blockedReason !== null && !hasSession ? blockedReason : undefined}
        aria-disabled={!playing && !(hasSession && !over) && !canStart}
        onClick={onPlay}
      >
        {playing ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
      </button>
      {STEPS.map((step) => (
        <IconButton
          key={step.kind}
          label={t(step.label)}
          testId={`step-${step.kind}`}
          disabled={!canControl || over}
          onClick={() => void controller.step(step.kind)}
        >
          {step.icon}
        </IconButton>
      ))}
      <IconButton
        label={t('bar.reset')}
        testId="run-reset"
        disabled={!canControl}
        onClick={() => void controller.reset()}
      >
        <RotateCcw size={16} aria-hidden="true" />
      </IconButton>
      <IconButton
        label={t('bar.cancel')}
        testId="run-cancel"
        disabled={!hasSession || over || phase === 'idle'}
        onClick={() => void controller.cancel()}
      >
        <Square size={14} aria-hidden="true" />
      </IconButton>
      <label className="setting run-bar__field" title={t('bar.speed')}>
        <ChevronsRight size={14} aria-hidden="true" />
        <span className="visually-hidden">{t('bar.speed')}</span>
        <select
          className="run-bar__speed"
          data-testid="run-speed"
          value={String(speed)}
          title={speed === 'max' ? t('bar.max') : t('bar.speed')}
          onChange={(e) => {
            const value = e.target.value;
            void controller.setSpeed(value === 'max' ? 'max' : Number(value));
          }}
        >
          {SPEEDS.map((speed: Speed) => (
            <option key={speed} value={String(speed)}>
              {speed === 'max' ? t('bar.maxShort') : formatSpeed(speed)}
            </option>
          ))}
        </select>
      </label>
      <BreakpointsMenu doc={doc} />
      <Scrubber disabled={!canControl} />
      <RunProgress />
      <RunSettings
        disabled={busy || playing}
        onChange={(patch) => {
          setConfig(patch);
          // A session that exists is set up again with the new switches.
          if (hasSession && canStart) void controller.start(doc);
        }}
      />
      <HangNotice />
      <BreakpointNotice onShowTimeline={onShowTimeline} />
    </div>
  );
}

/** The run configuration's switches, in a panel the gear button opens. */
function RunSettings({
  disabled,
  onChange,
}: {
  disabled: boolean;
  onChange(patch: Partial<RunConfig>): void;
}) {
  const { t } = useTranslation('run');
  const config = useRunStore(selectConfig);
  const { open, panelId, toggle, rootRef, onKeyDown, buttonRef } = usePopover();

  const time = config.time === 'event' ? t('bar.timeEvent') : t('bar.timeProcessing');
  const backend = config.stateBackend === 'heap' ? t('bar.backendHeap') : t('bar.backendIndexedDb');
  return (
    <div className="run-settings" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="run-settings__toggle"
        data-testid="run-settings"
        aria-expanded={open}
        aria-controls={panelId}
        title={t('bar.settings')}
        onClick={toggle}
      >
        <Settings2 size={14} aria-hidden="true" />
        <span>
          {time} · {backend} · ×{config.parallelism} · {t('bar.seed')} {config.seed}
        </span>
      </button>
      {open && (
        <PopoverPanel id={panelId} className="run-settings__panel" label={t('bar.settings')}>
          <label className="setting run-bar__field">
            <span>{t('bar.time')}</span>
            <select
              data-testid="run-time"
              value={config.time}
              disabled={disabled}
              onChange={(e) => onChange({ time: e.target.value as RunConfig['time'] })}
            >
              <option value="event">{t('bar.timeEvent')}</option>
              <option value="processing">{t('bar.timeProcessing')}</option>
            </select>
          </label>
          <label className="setting run-bar__field">
            <span>{t('bar.backend')}</span>
            <select
              data-testid="run-backend"
              value={config.stateBackend}
              disabled={disabled}
              onChange={(e) =>
                onChange({ stateBackend: e.target.value as RunConfig['stateBackend'] })
              }
            >
              <option value="heap">{t('bar.backendHeap')}</option>
              <option value="indexeddb">{t('bar.backendIndexedDb')}</option>
            </select>
          </label>
          <WholeNumberField
            className="setting run-bar__field"
            inputClassName="setting-number run-bar__number"
            label={t('bar.parallelism')}
            testId="run-parallelism"
            value={config.parallelism}
            min={1}
            max={MAX_PARALLELISM}
            disabled={disabled}
            onCommit={(parallelism) => onChange({ parallelism })}
          />
          <WholeNumberField
            className="setting run-bar__field"
            inputClassName="setting-number run-bar__number"
            label={t('bar.seed')}
            testId="run-seed"
            value={config.seed}
            min={0}
            max={2 ** 31 - 1}
            disabled={disabled}
            onCommit={(seed) => onChange({ seed })}
          />
          <CheckpointSettings config={config} disabled={disabled} onChange={onChange} />
          <p className="run-settings__note">{t('bar.settingsApply')}</p>
        </PopoverPanel>
      )}
    </div>
  );
}

/** Processing time from 0 to the furthest the run has reached; letting go seeks there. */
function Scrubber({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation('run');
  const progress = useRunStore(selectProgress);
  const horizon = useRunStore(selectHorizon);
  const [dragged, setDragged] = useState<number | null>(null);
  const at = dragged ?? progress?.processingTime ?? 0;
  const commit = () => {
    if (dragged === null) return;
    setDragged(null);
    void runController().seek(dragged);
  };
  return (
    <label className="run-bar__scrubber">
      <span className="visually-hidden">{t('bar.scrubber')}</span>
      <input
        type="range"
        data-testid="run-scrubber"
        min={0}
        max={Math.max(horizon, 1)}
        step="any"
        value={at}
        disabled={disabled}
        title={t('bar.scrubber')}
        onChange={(e) => setDragged(Number(e.target.value))}
        onPointerUp={commit}
        onKeyUp={commit}
        onBlur={commit}
      />
      <output className="run-bar__time" data-testid="run-time-now">
        {formatTime(at)}
      </output>
    </label>
  );
}
