/**
 * The run bar's Breakpoints control: a toggle showing how many kinds are on, and a small menu
 * with a checkbox per kind and the operator they may be narrowed to. Changes reach a session
 * that is playing at once.
 */
import { OctagonPause } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import { PopoverPanel } from '../common/PopoverPanel';
import { usePopover } from '../common/use-popover';
import { activeBreakpoints, BREAKPOINT_KINDS } from '../../worker/breakpoints';
import type { BreakpointKind } from '../../worker/breakpoints';
import { runController } from './app-run';
import { useRunStore } from './store/run-store';
import { selectBreakpoints, selectConfig } from './store/selectors';

/** Operators whose events breakpoints see: windows fire and find records late. */
const WINDOWED = new Set(['window', 'windowAll']);

export function BreakpointsMenu({ doc }: { doc: PipelineDocument }) {
  const { t } = useTranslation('run');
  const breakpoints = useRunStore(selectBreakpoints);
  const checkpointing = useRunStore(selectConfig).checkpointing;
  const { open, panelId, toggle: toggleMenu, rootRef, onKeyDown, buttonRef } = usePopover();
  const count = activeBreakpoints(breakpoints);
  const checkpointsOn = checkpointing !== undefined && checkpointing.mode !== 'off';
  const windows = doc.nodes.filter((n) => WINDOWED.has(n.kind));
  // A narrowing to an operator the pipeline no longer has stops nothing: show it as all.
  const operator = windows.some((n) => n.uid === breakpoints.operatorUid)
    ? breakpoints.operatorUid
    : null;

  const toggle = (kind: BreakpointKind, on: boolean) =>
    void runController().setBreakpoints({ ...breakpoints, operatorUid: operator, [kind]: on });

  return (
    <div className="breakpoints" ref={rootRef} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="breakpoints__toggle"
        data-testid="breakpoints"
        data-count={count}
        aria-expanded={open}
        aria-controls={panelId}
        aria-pressed={count > 0}
        aria-label={t('breakpoints.button')}
        title={t('breakpoints.button')}
        onClick={toggleMenu}
      >
        <OctagonPause size={14} aria-hidden="true" />
        <span className="breakpoints__label">{t('breakpoints.button')}</span>
        {count > 0 && (
          <span className="breakpoints__count" data-testid="breakpoints-count">
            {count}
          </span>
        )}
      </button>
      {open && (
        <PopoverPanel id={panelId} className="breakpoints__menu" label={t('breakpoints.button')}>
          <p className="breakpoints__heading">{t('breakpoints.menu')}</p>
          {BREAKPOINT_KINDS.map((kind) => (
            <label key={kind} className="breakpoints__kind">
              <input
                type="checkbox"
                data-testid={`breakpoint-${kind}`}
                checked={breakpoints[kind]}
                onChange={(e) => toggle(kind, e.target.checked)}
              />
              <span>
                {t(`breakpoints.${kind}`)}
                {kind === 'checkpointCompletes' && !checkpointsOn && (
                  <small className="breakpoints__hint">{t('breakpoints.checkpointOff')}</small>
                )}
              </span>
            </label>
          ))}
          {windows.length > 1 && (
            <label className="setting run-bar__field breakpoints__operator">
              <span>{t('breakpoints.operator')}</span>
              <select
                data-testid="breakpoint-operator"
                value={operator ?? ''}
                onChange={(e) =>
                  void runController().setBreakpoints({
                    ...breakpoints,
                    operatorUid: e.target.value === '' ? null : e.target.value,
                  })
                }
              >
                <option value="">{t('breakpoints.allOperators')}</option>
                {windows.map((n) => (
                  <option key={n.uid} value={n.uid}>
                    {n.label || n.uid}
                  </option>
                ))}
              </select>
            </label>
          )}
          <p className="run-settings__note">{t('breakpoints.note')}</p>
        </PopoverPanel>
      )}
    </div>
  );
}
