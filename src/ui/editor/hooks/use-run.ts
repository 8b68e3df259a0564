/**
 * The Run button: runs the document in the engine worker with event time, parallelism 1 and
 * seed 1, and says why it cannot run while the validator reports errors.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { engine } from '../../../worker/client';
import { useEditor } from '../store/editor-store';
import { selectErrors, selectRun } from '../store/selectors';

const selectIsEmpty = (s: ReturnType<typeof useEditor.getState>) => s.doc.nodes.length === 0;

export function useRun() {
  const { t } = useTranslation('editor');
  const errors = useEditor(useShallow(selectErrors));
  const empty = useEditor(selectIsEmpty);
  const running = useEditor(selectRun).status === 'running';

  const blockedReason = empty
    ? t('toolbar.runEmpty')
    : errors.length > 0
      ? t('toolbar.runBlocked', { count: errors.length, first: errors[0]?.message ?? '' })
      : null;

  const run = useCallback(async () => {
    const { doc, setRun, setPrefs } = useEditor.getState();
    setPrefs({ bottomOpen: true, bottomTab: 'results' });
    setRun({ status: 'running' });
    try {
      const outcome = await engine().run(doc, { time: 'event', parallelism: 1, seed: 1 });
      setRun({ status: 'done', outcome, doc });
    } catch (error) {
      setRun({ status: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }, []);

  /** Runs unless blocked or already running (the keyboard shortcut's check). */
  const runIfAllowed = useCallback(() => {
    if (blockedReason === null && !running) void run();
  }, [blockedReason, running, run]);

  return { run, runIfAllowed, blockedReason, running };
}
