/** The last run of the pipeline from the Run button and what its sinks received. */
import type { StateCreator } from 'zustand';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { RunOutcome } from '../../../worker/client';
import type { EditorState } from './editor-store';

export type RunState =
  | { status: 'idle' }
  | { status: 'running' }
  /** `doc` is the document that ran, so results can say when they are out of date. */
  | { status: 'done'; outcome: RunOutcome; doc: PipelineDocument }
  /** The engine itself could not be reached or threw. */
  | { status: 'error'; message: string };

export interface RunSlice {
  run: RunState;
  setRun(run: RunState): void;
}

export const createRunSlice: StateCreator<EditorState, [], [], RunSlice> = (set) => ({
  run: { status: 'idle' },
  setRun(run) {
    set({ run });
  },
});
