import { ChevronDown, ChevronUp } from 'lucide-react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InputPanel } from '../../input';
import { RECOVERY_TABS, RecoveryTabLabel, RecoveryTabPanel, isRecoveryTab } from '../../recovery';
import { MetricsPanel, ResultsPanel, TimelinePanel } from '../../run';
import type { Problem } from '../../../engine/pipeline/problems';
import { useEditor } from '../store/editor-store';
import type { BottomTab } from '../store/prefs-slice';
import {
  selectApply,
  selectBottomOpen,
  selectBottomTab,
  selectDockHeight,
  selectDoc,
  selectProblems,
  selectSetPrefs,
} from '../store/selectors';
import { clampDock, DockResizer } from './DockResizer';
import { ProblemsList } from './ProblemsList';
import './bottom.css';

const TABS: readonly BottomTab[] = [
  'problems',
  'input',
  'timeline',
  'results',
  'metrics',
  ...RECOVERY_TABS,
];

/** The area under the canvas: problems, and the run's timeline, results and metrics. */
export function BottomPanel({ onReveal }: { onReveal(problem: Problem): void }) {
  const { t } = useTranslation('editor');
  const open = useEditor(selectBottomOpen);
  const tab = useEditor(selectBottomTab);
  const height = useEditor(selectDockHeight);
  const problems = useEditor(selectProblems);
  const doc = useEditor(selectDoc);
  const setPrefs = useEditor(selectSetPrefs);
  const apply = useEditor(selectApply);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const next =
      TABS[(TABS.indexOf(tab) + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (next) {
      setPrefs({ bottomTab: next, bottomOpen: true });
      document.getElementById(`bottom-tab-${next}`)?.focus();
    }
  };

  return (
    <section
      className={`dock${open ? '' : ' dock--closed'}`}
      aria-label={t('bottom.label')}
      style={open ? { height: clampDock(height) } : undefined}
    >
      {open && <DockResizer height={height} onResize={(h) => setPrefs({ dockHeight: h })} />}
      <div className="dock__bar">
        <div
          role="tablist"
          aria-label={t('bottom.label')}
          className="dock__tabs"
          onKeyDown={onTabKey}
        >
          {TABS.map((id) => (
            <button
              key={id}
              id={`bottom-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={tab === id}
              aria-controls="bottom-panel"
              tabIndex={tab === id ? 0 : -1}
              className="dock__tab"
              data-testid={`tab-${id}`}
              onClick={() => setPrefs({ bottomTab: id, bottomOpen: true })}
            >
              {isRecoveryTab(id) ? <RecoveryTabLabel tab={id} /> : t(`bottom.${id}`)}
              {id === 'problems' && errors > 0 && (
                <span className="count-badge count-badge--error">{errors}</span>
              )}
              {id === 'problems' && warnings > 0 && (
                <span className="count-badge count-badge--warning">{warnings}</span>
              )}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="icon-button"
          aria-expanded={open}
          aria-controls="bottom-panel"
          aria-label={open ? t('bottom.collapse') : t('bottom.expand')}
          title={open ? t('bottom.collapse') : t('bottom.expand')}
          onClick={() => setPrefs({ bottomOpen: !open })}
        >
          {open ? (
            <ChevronDown size={16} aria-hidden="true" />
          ) : (
            <ChevronUp size={16} aria-hidden="true" />
          )}
        </button>
      </div>
      {open && (
        <div
          id="bottom-panel"
          role="tabpanel"
          aria-labelledby={`bottom-tab-${tab}`}
          className="dock__content"
        >
          {tab === 'problems' && <ProblemsList problems={problems} doc={doc} onReveal={onReveal} />}
          {tab === 'input' && (
            <InputPanel
              doc={doc}
              onRecordsChange={(uid, records) =>
                apply({ type: 'setParam', uid, param: 'records', value: records })
              }
              onStepsChange={(uid, steps) =>
                apply({ type: 'setParam', uid, param: 'steps', value: steps })
              }
            />
          )}
          {tab === 'timeline' && <TimelinePanel />}
          {tab === 'results' && <ResultsPanel doc={doc} />}
          {tab === 'metrics' && <MetricsPanel />}
          {isRecoveryTab(tab) && <RecoveryTabPanel tab={tab} doc={doc} />}
        </div>
      )}
    </section>
  );
}
