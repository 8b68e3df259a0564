/**
 * Moving a demo's run to a step: the configuration and parameters of the step's variant, a
 * fresh session when needed, the step's action, and its pause point, all through the run
 * controller and the recovery's public calls.
 */
import type { JsonValue, PipelineDocument } from '../../engine/pipeline/document';
import type { DryRunResult, SavepointFileError } from '../../worker/recovery-types';
import type { runController } from '../run';
import type { Demo, DemoAction, DemoPanel, DemoPause, DemoVariant } from './demo';

/** The app's run controller, as the moves use it. */
type RunController = ReturnType<typeof runController>;

/** What the player needs from the editor around it. */
export interface DemoHost {
  /** Opens a pipeline as a new project. */
  open(doc: PipelineDocument): Promise<void>;
  /** Brings a bottom panel into view, for a step that points at it. */
  showPanel(panel: DemoPanel): void;
  /** The pipeline in the editor now. */
  document(): PipelineDocument;
  /** Sets parameters of the open pipeline as edits (undoable, saved). */
  setParams(changes: readonly { uid: string; param: string; value: JsonValue | undefined }[]): void;
}

/** The recovery calls a step's action makes (src/ui/recovery's public API). */
export interface DemoRecovery {
  failJob(onRecord?: number): Promise<void>;
  takeSavepoint(): Promise<Uint8Array>;
  checkRestore(doc: PipelineDocument, file: Uint8Array): Promise<DryRunResult>;
  restoreSavepoint(
    doc: PipelineDocument,
    file: Uint8Array,
    allowNonRestoredState: boolean,
  ): Promise<SavepointFileError | null>;
}

/** What a demo's actions leave behind for later steps and for the step card. */
export interface DemoNotes {
  /** The savepoint this demo took, to restore. */
  savepoint: Uint8Array | null;
  /** The compatibility dry run before the restore. */
  dryRun: DryRunResult | null;
}

/**
 * Everything a move uses: the editor, the run, the recovery calls, compare mode (event time
 * against processing time) and where notes are kept.
 */
export interface DemoDriver {
  host: DemoHost;
  controller: RunController;
  recovery: DemoRecovery;
  compareTimes(): void;
  notes: { getState(): DemoNotes; setState(patch: Partial<DemoNotes>): void };
}

/** The variant in force at a step: the last one a step up to it switched to. */
export function variantAt(demo: Demo, step: number): DemoVariant | undefined {
  for (let i = step; i >= 0; i--) {
    const name = demo.steps[i]?.variant;
    if (name !== undefined) return demo.outcome.variants?.find((v) => v.name === name);
  }
  return undefined;
}

/** The first step of the stretch run under the same variant as `step`. */
function stretchStart(demo: Demo, step: number): number {
  for (let i = step; i > 0; i--) if (demo.steps[i]?.variant !== undefined) return i;
  return 0;
}

/**
 * Parameter edits that bring the pipeline to `variant`: every parameter any variant or the
 * savepoint's job change touches is set to the variant's value or back to the demo's own.
 */
export function paramChanges(demo: Demo, variant: DemoVariant | undefined) {
  const changes: { uid: string; param: string; value: JsonValue | undefined }[] = [];
  const patches = [...(demo.outcome.variants ?? []), { params: demo.savepoint?.params }];
  for (const v of patches) {
    for (const [uid, params] of Object.entries(v.params ?? {})) {
      const own = demo.pipeline.nodes.find((n) => n.uid === uid)?.params ?? {};
      for (const param of Object.keys(params)) {
        if (changes.some((c) => c.uid === uid && c.param === param)) continue;
        changes.push({ uid, param, value: variant?.params?.[uid]?.[param] ?? own[param] });
      }
    }
  }
  return changes;
}

/** The run configuration of a demo under a variant, over the run defaults it relies on. */
export function demoRunConfig(demo: Demo, variant: DemoVariant | undefined) {
  return {
    time: 'event',
    stateBackend: 'heap',
    parallelism: 1,
    checkpointing: undefined,
    restart: undefined,
    ...demo.config,
    ...variant?.config,
  } as const;
}

/** The job change a savepoint demo teaches, as parameter edits. */
export function jobChange(demo: Demo) {
  return Object.entries(demo.savepoint?.params ?? {}).flatMap(([uid, params]) =>
    Object.entries(params).map(([param, value]) => ({ uid, param, value })),
  );
}

async function perform(demo: Demo, action: DemoAction, driver: DemoDriver): Promise<void> {
  const { host, recovery, notes } = driver;
  switch (action) {
    case 'injectFailure':
      return recovery.failJob(demo.failAfterRecords);
    case 'takeSavepoint':
      return notes.setState({ savepoint: await recovery.takeSavepoint() });
    case 'changeParam':
      return host.setParams(jobChange(demo));
    case 'restoreSavepoint': {
      const file = notes.getState().savepoint;
      if (file === null) throw new Error('The demo restores a savepoint before it took one');
      const doc = host.document();
      notes.setState({ dryRun: await recovery.checkRestore(doc, file) });
      const refused = await recovery.restoreSavepoint(doc, file, false);
      if (refused !== null) throw new Error(refused.message);
      return;
    }
    case 'openCompare':
      return driver.compareTimes();
  }
}

/** A step's action, then its pause point. */
async function reach(demo: Demo, step: number, driver: DemoDriver): Promise<void> {
  const { action, pause } = demo.steps[step] ?? {};
  if (action !== undefined) await perform(demo, action, driver);
  await pauseAt(driver.controller, pause);
}

async function pauseAt(controller: RunController, pause: DemoPause | undefined): Promise<void> {
  if (pause === undefined) return;
  if (pause === 'firing') await controller.step('firing');
  else if (pause === 'end') await controller.play();
  else await controller.seek(pause);
}

/**
 * Brings the run to step `to`, coming from step `from` (null when the demo just opened). The
 * next step under the same variant goes on from where the run is; any other move starts a
 * fresh session from the demo's own pipeline and replays the actions and pause points of the
 * steps before it, so it is deterministic.
 */
export async function driveTo(
  demo: Demo,
  from: number | null,
  to: number,
  driver: DemoDriver,
): Promise<void> {
  const { host, controller, notes } = driver;
  const variant = variantAt(demo, to);
  const onward = from !== null && to === from + 1 && demo.steps[to]?.variant === undefined;
  if (onward) return reach(demo, to, driver);
  notes.setState({ dryRun: null });
  const changes = paramChanges(demo, variant);
  if (changes.length > 0) host.setParams(changes);
  controller.store.getState().setConfig(demoRunConfig(demo, variant));
  if (!(await controller.start(host.document()))) return;
  for (let i = stretchStart(demo, to); i <= to; i++) await reach(demo, i, driver);
}
