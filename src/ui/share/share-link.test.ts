import { describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineNode } from '../../engine/pipeline/document';
import { decodeShareLink, encodeShareLink, ShareLinkError } from './share-link';

const BASE = 'https://tidemark.example/app/';

/** A realistic 20-node pipeline: two generators, code and expressions, windows, unions. */
function twentyNodes(): PipelineDocument {
  const nodes: PipelineNode[] = [];
  const edges: PipelineDocument['edges'] = [];
  const at = (i: number) => ({ x: 80 + (i % 5) * 260, y: 60 + Math.floor(i / 5) * 140 });
  const add = (node: Omit<PipelineNode, 'position'>, from?: string, sourcePort?: string) => {
    nodes.push({ ...node, position: at(nodes.length) });
    if (from !== undefined) {
      edges.push({
        id: `e-${from}-${node.uid}`,
        source: from,
        target: node.uid,
        ...(sourcePort ? { sourcePort } : {}),
      });
    }
  };
  for (const [i, generator] of (['clickstream', 'sensor'] as const).entries()) {
    const s = `src-${generator}`;
    add({
      uid: s,
      kind: 'source.generator',
      label: generator === 'clickstream' ? 'Clicks' : 'Sensors',
      params: { generator, count: 5000, keys: 8, ratePerSecond: 50, outOfOrdernessMs: 2000 },
    });
    add(
      {
        uid: `clean-${i}`,
        kind: 'filter',
        params: { mode: 'code', code: '(r) => r.value !== null && r.user !== "bot"' },
      },
      s,
    );
    add(
      {
        uid: `enrich-${i}`,
        kind: 'map',
        label: 'Enrich',
        params: {
          mode: 'code',
          code: '(r) => ({ ...r, region: r.user.endsWith("1") ? "eu" : "us", value: r.value ?? 1 })',
        },
      },
      `clean-${i}`,
    );
    add(
      { uid: `scale-${i}`, kind: 'map', params: { field: 'value', expression: 'r.value * 100' } },
      `enrich-${i}`,
    );
  }
  add({ uid: 'all', kind: 'union', params: {} }, 'scale-0');
  edges.push({ id: 'e-scale-1-all', source: 'scale-1', target: 'all' });
  add({ uid: 'by-region', kind: 'keyBy', params: { mode: 'field', field: 'region' } }, 'all');
  add(
    {
      uid: 'tumble',
      kind: 'window',
      label: 'Per minute',
      params: {
        assigner: 'tumbling',
        sizeMs: 60000,
        allowedLatenessMs: 5000,
        aggregate: 'sum',
        field: 'value',
      },
    },
    'by-region',
  );
  add(
    {
      uid: 'slide',
      kind: 'window',
      params: {
        assigner: 'sliding',
        sizeMs: 30000,
        slideMs: 10000,
        aggregate: 'avg',
        field: 'value',
      },
    },
    'by-region',
  );
  add(
    {
      uid: 'session',
      kind: 'window',
      params: {
        assigner: 'session',
        gapMs: 5000,
        aggregate: 'reduce',
        reduce: '(a, b) => ({ ...b, value: Math.max(a.value, b.value) })',
      },
    },
    'by-region',
  );
  add(
    {
      uid: 'by-user',
      kind: 'keyBy',
      params: { mode: 'code', code: '(r) => `${r.region}/${r.user}`' },
    },
    'all',
  );
  add(
    { uid: 'counts', kind: 'window', params: { assigner: 'count', count: 10, aggregate: 'count' } },
    'by-user',
  );
  add(
    {
      uid: 'global',
      kind: 'windowAll',
      params: { assigner: 'tumbling', sizeMs: 10000, aggregate: 'max', field: 'value' },
    },
    'all',
  );
  add({ uid: 'out-minute', kind: 'sink', params: { name: 'per minute' } }, 'tumble');
  add({ uid: 'out-late', kind: 'sink', params: { name: 'late' } }, 'tumble', 'late');
  add({ uid: 'out-slide', kind: 'sink', params: { name: 'sliding avg' } }, 'slide');
  add({ uid: 'out-session', kind: 'sink', params: { name: 'sessions' } }, 'session');
  return { version: 1, name: 'Regional click and sensor dashboard', nodes, edges };
}

describe('share links', () => {
  it('round-trips a pipeline through the link', async () => {
    const doc = twentyNodes();
    const link = await encodeShareLink(doc, BASE);
    expect(link.startsWith(`${BASE}#p=`)).toBe(true);
    expect(link).toMatch(/#p=[A-Za-z0-9_-]+$/);
    expect(await decodeShareLink(new URL(link).hash)).toEqual(doc);
  });

  it('keeps non-ASCII names and replaces any fragment of the base URL', async () => {
    const doc: PipelineDocument = { version: 1, name: '点击流 ✓ — “demo”', nodes: [], edges: [] };
    const link = await encodeShareLink(doc, `${BASE}#p=old&x=1`);
    expect(link.split('#')).toHaveLength(2);
    expect(await decodeShareLink(new URL(link).hash)).toEqual(doc);
  });

  it('stays short for a realistic 20-node pipeline', async () => {
    const doc = twentyNodes();
    expect(doc.nodes).toHaveLength(20);
    const json = JSON.stringify(doc).length;
    const link = await encodeShareLink(doc, BASE);
    const payload = link.length - `${BASE}#p=`.length;
    console.info(`share link for 20 nodes: JSON ${json} chars, payload ${payload} chars`);
    expect(payload).toBeLessThan(2_000);
    expect(payload).toBeLessThan(json / 2);
  });

  it.each([
    ['', undefined],
    ['#', undefined],
    ['#view=canvas', undefined],
    ['#p=', undefined],
  ])('finds no pipeline in %j', async (hash, expected) => {
    expect(await decodeShareLink(hash)).toBe(expected);
  });

  it('also reads the payload beside other fragment parameters', async () => {
    const doc: PipelineDocument = { version: 1, name: 'x', nodes: [], edges: [] };
    const payload = new URL(await encodeShareLink(doc, BASE)).hash.slice(1);
    expect(await decodeShareLink(`#lang=zh-CN&${payload}`)).toEqual(doc);
  });

  async function damaged(hash: string): Promise<ShareLinkError> {
    const error: unknown = await decodeShareLink(hash).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ShareLinkError);
    return error as ShareLinkError;
  }

  it('rejects a payload with characters base64url never has', async () => {
    const error = await damaged('#p=abc$def');
    expect(error.reason).toBe('encoding');
    expect(error.message).toMatch(/damaged.*Copy the whole link again/);
    expect(error.i18nKey).toBe('share:errors.encoding');
  });

  it('rejects a payload cut to a length no bytes encode to', async () => {
    expect((await damaged('#p=abcde')).reason).toBe('compression');
  });

  it('rejects a link cut short anywhere', async () => {
    const hash = new URL(await encodeShareLink(twentyNodes(), BASE)).hash;
    for (let length = 4; length < hash.length; length += 37) {
      const error = await damaged(hash.slice(0, length));
      expect(error.reason, `cut at ${length}`).toBe('compression');
      expect(error.message).toMatch(/damaged or cut short/);
    }
  });

  it('rejects bytes that are not deflate data', async () => {
    // All ones: the first block has the reserved block type 3.
    expect((await damaged('#p=' + '_'.repeat(40))).reason).toBe('compression');
  });

  it('rejects a payload that unpacks to something other than JSON', async () => {
    const notJson = await encodeRaw('name: not json');
    const error = await damaged(`#p=${notJson}`);
    expect(error.reason).toBe('json');
    expect(error.message).toMatch(/not to a pipeline file/);
  });

  it('refuses a payload that would unpack to too much', async () => {
    const bomb = await encodeRaw(`"${'a'.repeat(9 * 1024 * 1024)}"`);
    expect(bomb.length).toBeLessThan(20_000);
    expect((await damaged(`#p=${bomb}`)).reason).toBe('tooLarge');
  });
});

/** A payload in the link's encoding (deflate-raw, base64url) around arbitrary text. */
async function encodeRaw(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}
