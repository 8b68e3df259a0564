/**
 * The player's commands: open a demo as a new project and move between its steps, each move
 * driving the run to the step's pause point. Moves run one after another.
 */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { openCompare } from '../compare';
import { checkRestore, failJob, restoreSavepoint, takeSavepoint } from '../recovery';
import { runController } from '../run';
import { isDemoPanel, type Demo } from './demo';
import { useDemos } from './demo-store';
import { driveTo, type DemoHost, type DemoRecovery } from './drive';
import { pick } from './localized';

let moves: Promise<void> = Promise.resolve();

const recovery: DemoRecovery = { failJob, takeSavepoint, checkRestore, restoreSavepoint };

export interface DemoPlayer {
  open(demo: Demo): Promise<void>;
  goTo(step: number): Promise<void>;
  close(): void;
}

export function useDemoPlayer(host: DemoHost): DemoPlayer {
  const { i18n } = useTranslation('demos');
  const move = useCallback(
    (demo: Demo, from: number | null, to: number) => {
      const state = useDemos.getState();
      state.goTo(to);
      const area = demo.steps[to]?.highlight;
      if (area !== undefined && isDemoPanel(area)) host.showPanel(area);
      state.setMoving(true);
      moves = moves
        .then(() =>
          driveTo(demo, from, to, {
            host,
            controller: runController(),
            recovery,
            compareTimes: () => openCompare('time'),
            notes: useDemos,
          }),
        )
        .catch((error: unknown) => console.warn('The demo run did not reach its step', error))
        .finally(() => {
          if (useDemos.getState().demo === demo) useDemos.getState().setMoving(false);
        });
      return moves;
    },
    [host],
  );

  return useMemo(
    () => ({
      open: async (demo) => {
        // The project takes the demo's title in the language it was opened in.
        await host.open({ ...demo.pipeline, name: pick(demo.title, i18n.resolvedLanguage) });
        useDemos.getState().play(demo);
        await move(demo, null, 0);
      },
      goTo: async (step) => {
        const { demo, step: from } = useDemos.getState();
        if (demo === null || step < 0 || step >= demo.steps.length || step === from) return;
        await move(demo, from, step);
      },
      close: () => useDemos.getState().close(),
    }),
    [host, move, i18n],
  );
}
