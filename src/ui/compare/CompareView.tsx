/**
 * Compare mode: over the editor's centre while open. The controls choose what differs
 * between A and B; below, A's and B's timelines on one processing-time axis and their
 * results joined per window, a picked row highlighted in both timelines.
 */
import { GitCompareArrows, LoaderCircle, RotateCcw, TriangleAlert, X } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { CompareSide } from '../../worker/engine-api';
import { Timeline } from '../timeline';
import { compareRunner } from './app-compare';
import { SIDES, type SideRun } from './compare-runner';
import {
  selectComparison,
  selectFailure,
  selectPhase,
  selectRan,
  selectRunning,
  selectSelected,
  selectSetup,
  selectSides,
  useCompare,
} from './compare-store';
import { displayUnit } from '../inspector/duration';
import { CompareTable } from './CompareTable';
import { DurationInput } from './DurationInput';
import { durationText, sideSetting, summaryText } from './labels';
import { windowOfRow } from './outcomes';
import { useComparison } from './use-comparison';
import {
  availableKinds,
  COMPARE_KINDS,
  hasUnboundedInput,
  type CompareKind,
  type CompareSetup,
} from './variants';
import './compare.css';

export function CompareView({ doc }: { doc: PipelineDocument }) {
  useComparison(doc);
  const { t } = useTranslation('compare');
  const setup = useCompare(selectSetup);
  const phase = useCompare(selectPhase);
  const running = useCompare(selectRunning);
  const failure = useCompare(selectFailure);
  const ran = useCompare(selectRan);
  const comparison = useCompare(selectComparison);
  const sides = useCompare(selectSides);
  const selected = useCompare(selectSelected);
  const viewRef = useRef<HTMLElement>(null);
  const runner = compareRunner();

  // Opened: focus moves in; Escape (not taken by a field) closes, and focus goes back.
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    viewRef.current?.focus({ preventScroll: true });
    // Captured before the editor's own Escape (which clears the canvas selection).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || keepsEscape(e.target)) return;
      e.preventDefault();
      useCompare.getState().close();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      opener?.focus({ preventScroll: true });
    };
  }, []);

  const operators = useMemo(
    () => new Map(doc.nodes.map((n) => [n.uid, n.label ?? n.uid] as const)),
    [doc],
  );
  const highlights = useMemo(
    () =>
      Object.fromEntries(
        SIDES.map((side) => [
          side,
          selected === null || comparison === null
            ? null
            : windowOfRow(runner.models[side], selected),
        ]),
      ) as Record<CompareSide, number | null>,
    // The models were filled before the comparison that names the rows was stored.
    [selected, comparison, runner],
  );

  const shown = ran ?? setup;
  const settings =
    shown === null ? null : { a: sideSetting(t, shown, 'a'), b: sideSetting(t, shown, 'b') };
  return (
    <section
      ref={viewRef}
      className="compare"
      aria-label={t('label')}
      data-testid="compare"
      data-phase={phase}
      tabIndex={-1}
    >
      <header className="compare__head">
        <button
          type="button"
          className="compare__close"
          aria-label={t('close')}
          aria-keyshortcuts="Escape"
          title={`${t('close')} (Esc)`}
          data-testid="compare-close"
          onClick={() => useCompare.getState().close()}
        >
          <X size={18} aria-hidden="true" />
        </button>
        <h2 className="compare__title">
          <GitCompareArrows size={18} aria-hidden="true" />
          {t('title')}
        </h2>
        {setup !== null && <CompareControls doc={doc} setup={setup} busy={phase === 'running'} />}
      </header>

      <p className="compare__summary" role="status" data-testid="compare-summary">
        {phase === 'running' && running !== null && (
          <>
            <LoaderCircle size={16} aria-hidden="true" className="spin" />
            {t('status.running', { side: t(`side.${running}`) })}
          </>
        )}
        {phase === 'failed' && failure !== null && (
          <>
            <TriangleAlert size={16} aria-hidden="true" className="compare__warning" />
            {t('status.failed', { side: t(`side.${failure.side}`), message: failure.message })}
          </>
        )}
        {phase === 'done' && comparison !== null && summaryText(t, comparison.summary)}
      </p>

      <div className="compare__body">
        {comparison !== null && settings !== null && (
          <div className="compare__results">
            <CompareTable
              comparison={comparison}
              settings={settings}
              operators={operators}
              selected={selected}
              onSelect={(row) => useCompare.getState().select(row)}
            />
          </div>
        )}
        <div className="compare__timelines">
          {SIDES.map((side) => (
            <div
              key={side}
              className={`compare__side compare__side--${side}`}
              data-testid={`compare-side-${side}`}
            >
              <h3 className="compare__side-title">
                <span className={`compare-badge compare-badge--${side}`}>{t(`side.${side}`)}</span>
                <span data-testid={`compare-setting-${side}`}>{settings?.[side] ?? ''}</span>
                {phase === 'done' && sides !== null && <Ended run={sides[side]} />}
              </h3>
              <div
                className="compare__timeline"
                aria-label={t('timeline.label', {
                  side: t(`side.${side}`),
                  setting: settings?.[side] ?? '',
                })}
                role="group"
              >
                <Timeline
                  model={runner.models[side]}
                  link={runner.link}
                  highlightWindow={phase === 'done' ? highlights[side] : null}
                  onRequestDetails={(id) => runner.describe(side, id)}
                  onViewChange={ignoreView}
                />
              </div>
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}

/** Fields, menus and dialogs use Escape themselves (to undo an edit, to close). */
function keepsEscape(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  return (
    target.closest('input, select, textarea, dialog[open], [role="dialog"], [role="menu"]') !== null
  );
}

/** The compared runs are sent whole: no view asks for more detail. */
function ignoreView(): void {}

function Ended({ run }: { run: SideRun }) {
  const { t } = useTranslation('compare');
  const time = durationText(t, run.processingTime);
  const key =
    run.state === 'finished' || run.state === 'failed' || run.state === 'canceled'
      ? run.state
      : 'horizon';
  return (
    <span className={`compare__ended${run.failure !== null ? ' compare__ended--failed' : ''}`}>
      {t(`ended.${key}`, { time })}
      {run.failure !== null && `: ${run.failure}`}
    </span>
  );
}

function CompareControls({
  doc,
  setup,
  busy,
}: {
  doc: PipelineDocument;
  setup: CompareSetup;
  busy: boolean;
}) {
  const { t } = useTranslation('compare');
  const kinds = availableKinds(doc);
  const update = (patch: Partial<CompareSetup>) =>
    useCompare.getState().setSetup({ ...setup, ...patch });
  const pair =
    setup.kind === 'watermark'
      ? setup.watermark
      : setup.kind === 'lateness'
        ? setup.lateness
        : null;
  return (
    <div className="compare__controls">
      <label className="compare__kind">
        <span className="visually-hidden">{t('kind.label')}</span>
        <select
          value={setup.kind}
          data-testid="compare-kind"
          title={t('kind.label')}
          onChange={(e) => update({ kind: e.target.value as CompareKind })}
        >
          {COMPARE_KINDS.map((kind) => (
            <option key={kind} value={kind} disabled={!kinds.includes(kind)}>
              {t(`kind.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      {pair !== null &&
        SIDES.map((side) => (
          <DurationInput
            key={side}
            label={t(`side.${side}`)}
            name={t(setup.kind === 'watermark' ? 'field.watermark' : 'field.lateness', {
              side: t(`side.${side}`),
            })}
            value={pair[side]}
            unitHint={pair[side] === 0 ? displayUnit(pair[side === 'a' ? 'b' : 'a']) : undefined}
            testId={`compare-value-${side}`}
            onCommit={(ms) =>
              update(
                setup.kind === 'watermark'
                  ? { watermark: { ...setup.watermark, [side]: ms } }
                  : { lateness: { ...setup.lateness, [side]: ms } },
              )
            }
          />
        ))}
      {hasUnboundedInput(doc) && (
        <DurationInput
          label={t('field.horizonShort')}
          name={t('field.horizon')}
          value={setup.horizonMs}
          min={1}
          testId="compare-horizon"
          onCommit={(ms) => update({ horizonMs: ms })}
        />
      )}
      <button
        type="button"
        className="compare__rerun"
        disabled={busy}
        data-testid="compare-rerun"
        onClick={() => update({})}
      >
        <RotateCcw size={14} aria-hidden="true" />
        {t('rerun')}
      </button>
    </div>
  );
}
