/**
 * The Run button: starts a run session of the document in the engine worker, with the run
 * bar's configuration, and plays it; says why it cannot run while the validator reports errors.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useProblemText } from '../../i18n/problem-text';
import { runController, selectPhase, useRunStore } from '../../run';
import { useEditor } from '../store/editor-store';
import { selectErrors } from '../store/selectors';

const selectIsEmpty = (s: ReturnType<typeof useEditor.getState>) => s.doc.nodes.length === 0;

export function useRun() {
  const { t } = useTranslation('editor');
  const problemText = useProblemText();
  const errors = useEditor(useShallow(selectErrors));
  const empty = useEditor(selectIsEmpty);
  // A run that plays can be started over; one still being set up cannot.
  const running = useRunStore(selectPhase) === 'starting';

  const blockedReason = empty
    ? t('toolbar.runEmpty')
    : errors.length > 0
      ? t('toolbar.runBlocked', { count: errors.length, first: problemText(errors[0]) })
      : null;

  const run = useCallback(async () => {
    const { doc, setPrefs, bottomTab } = useEditor.getState();
    // Show the run: the timeline, unless a panel of the run is open already.
    setPrefs({ bottomOpen: true, ...(bottomTab === 'problems' ? { bottomTab: 'timeline' } : {}) });
    await runController().run(doc);
  }, []);

  /** Runs unless blocked or already starting (the keyboard shortcut's check). */
  const runIfAllowed = useCallback(() => {
    if (blockedReason === null && !running) void run();
  }, [blockedReason, running, run]);

  return { run, runIfAllowed, blockedReason, running };
}
