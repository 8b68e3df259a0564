/** Compare mode's part of the test-only `window.__tidemark`: plain data, no pixels. */
import { summarizeTimeline, type TimelineSummary } from '../timeline/summary';
import type { SideRun } from './compare-runner';
import { useCompare, type ComparePhase } from './compare-store';
import type { Comparison } from './diff';
import type { CompareKind, CompareSetup } from './variants';

export interface CompareTestApi {
  open(kind?: CompareKind): void;
  state(): {
    open: boolean;
    phase: ComparePhase;
    setup: CompareSetup | null;
    ran: CompareSetup | null;
    comparison: Comparison | null;
    sides: { a: SideRun; b: SideRun } | null;
    selected: string | null;
  };
  /**
   * What each side's timeline holds, and the processing times both show (the runner loads with
   * the view, so this waits for it if compare mode has not been opened yet).
   */
  timelines(): Promise<{
    a: TimelineSummary;
    b: TimelineSummary;
    shown: { from: number; to: number } | null;
  }>;
}

export function compareTestApi(): CompareTestApi {
  return {
    open: (kind = 'time') => useCompare.getState().openWith(kind),
    state: () => {
      const s = useCompare.getState();
      return structuredClone({
        open: s.open,
        phase: s.phase,
        setup: s.setup,
        ran: s.ran,
        comparison: s.comparison,
        sides: s.sides,
        selected: s.selected,
      });
    },
    timelines: async () => {
      const runner = (await import('./app-compare')).compareRunner();
      return structuredClone({
        a: summarizeTimeline(runner.models.a),
        b: summarizeTimeline(runner.models.b),
        shown: runner.link.shown,
      });
    },
  };
}
