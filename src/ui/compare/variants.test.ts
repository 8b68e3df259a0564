import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { SessionConfig } from '../../worker/trace-batch';
import { availableKinds, defaultSetup, inputDisorder, variantsOf } from './variants';

const demo = (id: string) =>
  (
    JSON.parse(readFileSync(new URL(`../../../demos/${id}.json`, import.meta.url), 'utf8')) as {
      pipeline: PipelineDocument;
    }
  ).pipeline;

const config: SessionConfig = {
  time: 'processing',
  stateBackend: 'heap',
  parallelism: 2,
  seed: 9,
  speed: 10,
};

const param = (doc: PipelineDocument, uid: string, name: string) =>
  doc.nodes.find((n) => n.uid === uid)?.params[name];

describe('compare variants', () => {
  it('compares event time with processing time on the same document and run settings', () => {
    const doc = demo('processing-vs-event-time');
    const { a, b } = variantsOf(doc, config, defaultSetup(doc, 'time'));
    expect(a.doc).toBe(doc);
    expect(b.doc).toBe(doc);
    expect(a.config).toEqual({ ...config, time: 'event', speed: 'max' });
    expect(b.config).toEqual({ ...config, time: 'processing', speed: 'max' });
  });

  it('measures how far out of order the input comes', () => {
    expect(inputDisorder(demo('processing-vs-event-time'))).toBe(0);
    // 8 s arrives after 14 s.
    expect(inputDisorder(demo('watermarks'))).toBe(6000);
  });

  it('starts from the pipeline’s delay, and B lets the latest record in on time', () => {
    const doc = demo('watermarks');
    const setup = defaultSetup(doc, 'watermark');
    expect(setup.watermark).toEqual({ a: 2000, b: 6000 });
    const { a, b } = variantsOf(doc, config, setup);
    expect(param(a.doc, 'clicks', 'outOfOrdernessMs')).toBe(2000);
    expect(param(b.doc, 'clicks', 'outOfOrdernessMs')).toBe(6000);
    expect(a.config.time).toBe('event');
    // The editor's document is not touched.
    expect(param(doc, 'clicks', 'outOfOrdernessMs')).toBe(2000);
  });

  it('compares the window’s allowed lateness with none', () => {
    const doc = demo('allowed-lateness');
    const setup = defaultSetup(doc, 'lateness');
    expect(setup.lateness).toEqual({ a: 5000, b: 0 });
    const { a, b } = variantsOf(doc, config, { ...setup, lateness: { a: 5000, b: 1000 } });
    expect(param(a.doc, 'window', 'allowedLatenessMs')).toBe(5000);
    expect(param(b.doc, 'window', 'allowedLatenessMs')).toBe(1000);
    expect(param(b.doc, 'clicks', 'outOfOrdernessMs')).toBe(0);
  });

  it('offers a watermark comparison only where a source has a delay', () => {
    const doc = demo('watermarks');
    expect(availableKinds(doc)).toEqual(['time', 'watermark', 'lateness']);
    const monotonous: PipelineDocument = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.uid === 'clicks' ? { ...n, params: { ...n.params, watermarks: 'monotonous' } } : n,
      ),
    };
    expect(availableKinds(monotonous)).toEqual(['time', 'lateness']);
  });
});
