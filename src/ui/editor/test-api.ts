/**
 * A small read-only window into the editor for end-to-end tests, so they check the model
 * rather than pixels: `window.__tidemark`.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { Problem } from '../../engine/pipeline/problems';
import { compareTestApi, type CompareTestApi } from '../compare';
import { recoveryTestApi, type RecoveryTestApi } from '../recovery';
import { runTestApi, type RunTestApi } from '../run';
import { useEditor } from './store/editor-store';
import type { Selection } from './store/selection-slice';

export interface TidemarkTestApi {
  document(): PipelineDocument;
  problems(): readonly Problem[];
  selection(): Selection;
  /** True once the current document is validated and saved. */
  settled(): boolean;
  /** The run: its phase, progress, results and what the timeline holds. */
  run: RunTestApi;
  /** Checkpoints, job events and the state of every result. */
  recovery: RecoveryTestApi;
  /** Compare mode: its setup, the joined results and both timelines. */
  compare: CompareTestApi;
}

declare global {
  interface Window {
    __tidemark?: TidemarkTestApi;
  }
}

export function installTestApi() {
  const copy = <T>(value: T): T => structuredClone(value);
  window.__tidemark = {
    document: () => copy(useEditor.getState().doc),
    problems: () => copy(useEditor.getState().problems),
    selection: () => copy(useEditor.getState().selection),
    settled: () => {
      const s = useEditor.getState();
      return (
        s.validatedRevision === s.revision &&
        (s.projectId === null || (s.saveStatus === 'saved' && s.savedRevision === s.revision))
      );
    },
    run: runTestApi(),
    recovery: recoveryTestApi(),
    compare: compareTestApi(),
  };
}
