/** Compare mode's part of the test-only `window.__tidemark`: plain data, no pixels. */
import { summarizeTimeline, type TimelineSummary } from '../timeline';
import { compareRunner } from './app-compare';
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
  /** What each side's timeline holds, and the processing times both show. */
  timelines(): {
    a: TimelineSummary;
    b: TimelineSummary;
    shown: { from: number; to: number } | null;
  };
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
    timelines: () => {
      const runner = compareRunner();
      return structuredClone({
        a: summarizeTimeline(runner.models.a),
        b: summarizeTimeline(runner.models.b),
        shown: runner.link.shown,
      });
    },
  };
}
