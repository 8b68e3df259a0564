import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { runController } from '../run';
import { demoById } from './catalogue';
import type { Demo } from './demo';
import {
  demoRunConfig,
  driveTo,
  paramChanges,
  variantAt,
  type DemoDriver,
  type DemoHost,
  type DemoNotes,
} from './drive';
import { withParams } from './variant';

/** The app's run controller, as the moves use it. */
type RunController = ReturnType<typeof runController>;

const demo = (id: string): Demo => {
  const found = demoById(id);
  if (found === undefined) throw new Error(`No demo ${id}`);
  return found;
};

/**
 * A run controller and recovery calls that write down what they are asked, a host over a
 * document, and notes.
 */
const param = (d: PipelineDocument) => d.nodes.find((n) => n.uid === 'big')?.params.value;

function fakes(start: PipelineDocument): DemoDriver & {
  calls: string[];
  config(): Record<string, unknown>;
} {
  const calls: string[] = [];
  let config: Record<string, unknown> = {};
  let doc = start;
  const controller = {
    store: { getState: () => ({ setConfig: (c: Record<string, unknown>) => (config = c) }) },
    start: (d: PipelineDocument) => {
      const big = param(d) === undefined ? '' : ` big ${param(d)}`;
      calls.push(`start ${d.nodes.find((n) => n.uid === 'window')?.params.lateOutput}${big}`);
      return Promise.resolve(true);
    },
    seek: (pt: number) => (calls.push(`seek ${pt}`), Promise.resolve()),
    step: (kind: string) => (calls.push(`step ${kind}`), Promise.resolve()),
    play: () => (calls.push('play'), Promise.resolve()),
  } as unknown as RunController;
  const host: DemoHost = {
    open: () => Promise.resolve(),
    showPanel: () => undefined,
    document: () => doc,
    setParams: (changes) => {
      const patch: Record<string, Record<string, never>> = {};
      for (const c of changes) (patch[c.uid] ??= {})[c.param] = c.value as never;
      doc = withParams(doc, patch);
    },
  };
  const savepoint = new Uint8Array([1]);
  const recovery: DemoDriver['recovery'] = {
    failJob: (onRecord) => (calls.push(`fail on ${onRecord}`), Promise.resolve()),
    takeSavepoint: () => (calls.push('savepoint'), Promise.resolve(savepoint)),
    checkRestore: (d) => {
      calls.push(`check ${param(d)}`);
      return Promise.resolve({ ok: false, error: { reason: 'empty', message: '' } });
    },
    restoreSavepoint: (d, file) => {
      calls.push(`restore ${param(d)} ${file === savepoint}`);
      return Promise.resolve(null);
    },
  };
  let kept: DemoNotes = { savepoint: null, dryRun: null };
  const notes = {
    getState: () => kept,
    setState: (patch: Partial<DemoNotes>) => (kept = { ...kept, ...patch }),
  };
  const compareTimes = () => void calls.push('compare');
  return { calls, controller, host, recovery, compareTimes, notes, config: () => config };
}

describe('driving a demo run', () => {
  it('knows the variant in force at each step', () => {
    const late = demo('late-data');
    expect(late.steps.map((_, i) => variantAt(late, i)?.name)).toEqual([
      undefined,
      undefined,
      undefined,
      'dropped',
    ]);
  });

  it('sets every parameter a variant touches, to the variant or back to the demo', () => {
    const late = demo('late-data');
    expect(paramChanges(late, variantAt(late, 3))).toEqual([
      { uid: 'window', param: 'lateOutput', value: false },
    ]);
    expect(paramChanges(late, undefined)).toEqual([
      { uid: 'window', param: 'lateOutput', value: true },
    ]);
  });

  it('configures the run from the run defaults, the demo and its variant', () => {
    const pt = demo('processing-vs-event-time');
    expect(demoRunConfig(pt, variantAt(pt, 3))).toMatchObject({ time: 'processing' });
    expect(demoRunConfig(demo('key-groups'), undefined)).toMatchObject({
      time: 'event',
      parallelism: 2,
      stateBackend: 'heap',
      checkpointing: undefined,
    });
  });

  it('goes on from where the run is to the next step, and replays for any other move', async () => {
    const late = demo('late-data');
    const driver = fakes(late.pipeline);
    const { calls, config } = driver;
    await driveTo(late, null, 0, driver);
    await driveTo(late, 0, 1, driver);
    await driveTo(late, 1, 2, driver);
    expect(calls).toEqual(['start true', 'step firing', 'seek 4500']);

    calls.length = 0;
    await driveTo(late, 2, 3, driver);
    expect(calls).toEqual(['start false', 'play']);
    expect(config()).toMatchObject({ time: 'event' });

    calls.length = 0;
    await driveTo(late, 3, 1, driver);
    expect(calls).toEqual(['start true', 'step firing']);
  });

  it("arms the exactly-once demo's failure before the run moves, as its outcome test does", async () => {
    const once = demo('exactly-once');
    const driver = fakes(once.pipeline);
    for (let i = 0; i < once.steps.length; i++)
      await driveTo(once, i - 1 < 0 ? null : i - 1, i, driver);
    expect(driver.calls).toEqual(['start true', 'fail on 5', 'step firing', 'play']);
  });

  it('opens compare mode at the step that asks for it', async () => {
    const pt = demo('processing-vs-event-time');
    const driver = fakes(pt.pipeline);
    const last = pt.steps.length - 1;
    await driveTo(pt, last - 1, last, driver);
    expect(driver.calls).toEqual(['compare']);
  });

  it('takes a savepoint, changes the job, restores the savepoint into it, and replays it all', async () => {
    const sp = demo('savepoint');
    const driver = fakes(sp.pipeline);
    const last = sp.steps.length - 1;
    for (let i = 0; i <= last; i++) await driveTo(sp, i === 0 ? null : i - 1, i, driver);
    const played = ['seek 3500', 'savepoint', 'check 3', 'restore 3 true', 'play'];
    expect(driver.calls).toEqual(['start true big 1', ...played]);
    expect(driver.notes.getState().dryRun).not.toBeNull();

    // Back from the end: the job is the demo's own again, and the steps before replay.
    driver.calls.length = 0;
    await driveTo(sp, last, last - 1, driver);
    expect(driver.calls).toEqual(['start true big 1', ...played.slice(0, -1)]);
    expect(driver.host.document().nodes.find((n) => n.uid === 'big')?.params.value).toBe(3);
    expect(driver.notes.getState().dryRun).not.toBeNull();
  });
});
