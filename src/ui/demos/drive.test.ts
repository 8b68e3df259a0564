import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { runController } from '../run';
import { demoById } from './catalogue';
import type { Demo } from './demo';
import { demoRunConfig, driveTo, paramChanges, variantAt, type DemoHost } from './drive';
import { withParams } from './variant';

/** The app's run controller, as the moves use it. */
type RunController = ReturnType<typeof runController>;

const demo = (id: string): Demo => {
  const found = demoById(id);
  if (found === undefined) throw new Error(`No demo ${id}`);
  return found;
};

/** A run controller that writes down what it is asked, and a host over a document. */
function fakes(start: PipelineDocument) {
  const calls: string[] = [];
  let config: Record<string, unknown> = {};
  let doc = start;
  const controller = {
    store: { getState: () => ({ setConfig: (c: Record<string, unknown>) => (config = c) }) },
    start: (d: PipelineDocument) => {
      calls.push(`start ${d.nodes.find((n) => n.uid === 'window')?.params.lateOutput}`);
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
  return { calls, controller, host, config: () => config };
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
    const { calls, controller, host, config } = fakes(late.pipeline);
    await driveTo(late, null, 0, host, controller);
    await driveTo(late, 0, 1, host, controller);
    await driveTo(late, 1, 2, host, controller);
    expect(calls).toEqual(['start true', 'step firing', 'seek 4500']);

    calls.length = 0;
    await driveTo(late, 2, 3, host, controller);
    expect(calls).toEqual(['start false', 'play']);
    expect(config()).toMatchObject({ time: 'event' });

    calls.length = 0;
    await driveTo(late, 3, 1, host, controller);
    expect(calls).toEqual(['start true', 'step firing']);
  });
});
