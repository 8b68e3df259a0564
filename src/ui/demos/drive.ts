/**
 * Moving a demo's run to a step: the configuration and parameters of the step's variant, a
 * fresh session when needed, and the step's pause point, all through the run controller.
 */
import type { JsonValue, PipelineDocument } from '../../engine/pipeline/document';
import type { runController } from '../run';
import type { Demo, DemoPause, DemoVariant } from './demo';

/** The app's run controller, as the moves use it. */
type RunController = ReturnType<typeof runController>;

/** What the player needs from the editor around it. */
export interface DemoHost {
  /** Opens a pipeline as a new project. */
  open(doc: PipelineDocument): Promise<void>;
  /** Brings a bottom panel into view, for a step that points at it. */
  showPanel(panel: 'timeline' | 'results'): void;
  /** The pipeline in the editor now. */
  document(): PipelineDocument;
  /** Sets parameters of the open pipeline as edits (undoable, saved). */
  setParams(changes: readonly { uid: string; param: string; value: JsonValue | undefined }[]): void;
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
 * Parameter edits that bring the pipeline to `variant`: every parameter any variant touches is
 * set to the variant's value or back to the demo's own.
 */
export function paramChanges(demo: Demo, variant: DemoVariant | undefined) {
  const changes: { uid: string; param: string; value: JsonValue | undefined }[] = [];
  for (const v of demo.outcome.variants ?? []) {
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

async function pauseAt(controller: RunController, pause: DemoPause | undefined): Promise<void> {
  if (pause === undefined) return;
  if (pause === 'firing') await controller.step('firing');
  else if (pause === 'end') await controller.play();
  else await controller.seek(pause);
}

/**
 * Brings the run to step `to`, coming from step `from` (null when the demo just opened). The
 * next step under the same variant goes on from where the run is; any other move starts a
 * fresh session and replays the pause points of the steps before it, so it is deterministic.
 */
export async function driveTo(
  demo: Demo,
  from: number | null,
  to: number,
  host: DemoHost,
  controller: RunController,
): Promise<void> {
  const variant = variantAt(demo, to);
  const onward = from !== null && to === from + 1 && demo.steps[to]?.variant === undefined;
  if (onward) {
    await pauseAt(controller, demo.steps[to]?.pause);
    return;
  }
  const changes = paramChanges(demo, variant);
  if (changes.length > 0) host.setParams(changes);
  controller.store.getState().setConfig(demoRunConfig(demo, variant));
  if (!(await controller.start(host.document()))) return;
  for (let i = stretchStart(demo, to); i <= to; i++) {
    await pauseAt(controller, demo.steps[i]?.pause);
  }
}
