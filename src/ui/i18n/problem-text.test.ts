import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineEdge, PipelineNode } from '../../engine/pipeline/document';
import { parsePipeline } from '../../engine/pipeline/parse';
import { problemMessages, type Problem } from '../../engine/pipeline/problems';
import { validatePipeline } from '../../engine/pipeline/validate';
import { problemKey, problemText } from './problem-text';
import { resources } from './resources';

type Codes = Record<string, string>;
const wordings = (language: string) => (resources[language].problems as { codes: Codes }).codes;
const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

const node = (uid: string, kind: string, params = {}, extra = {}): PipelineNode =>
  ({ uid, kind, params, ...extra }) as PipelineNode;
const edge = (source: string, target: string, extra = {}): PipelineEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  ...extra,
});
const doc = (nodes: PipelineNode[], edges: PipelineEdge[]): PipelineDocument => ({
  version: 1,
  name: 'p',
  nodes,
  edges,
});
const keyedWindow = (params: object, extra = {}) =>
  doc(
    [
      node('src', 'source.list'),
      node('key', 'keyBy', { field: 'user' }),
      node('w', 'window', params, extra),
      node('out', 'sink'),
    ],
    [edge('src', 'key'), edge('key', 'w'), edge('w', 'out')],
  );

/** Small documents and files that, together, make the validator say every thing it can. */
function everyProblem(): Problem[] {
  const documents: PipelineDocument[] = [
    doc([node('x', 'reduce')], []),
    doc(
      [node('a', 'source.list'), node('a', 'sink')],
      [edge('a', 'a', { id: 'e' }), edge('a', 'a', { id: 'e' })],
    ),
    doc([node('a', 'source.list')], [edge('a', 'gone'), edge('gone2', 'a')]),
    doc([node('m', 'map'), node('s', 'sink')], [edge('m', 's')]),
    doc(
      [node('a', 'source.list'), node('b', 'source.list'), node('m', 'map'), node('s', 'sink')],
      [edge('a', 'm'), edge('b', 'm'), edge('m', 's')],
    ),
    doc(
      [node('a', 'map'), node('b', 'map'), node('s', 'source.list'), node('u', 'union')],
      [edge('s', 'u'), edge('u', 'a'), edge('a', 'b'), edge('b', 'u')],
    ),
    doc(
      [node('s', 'source.list'), node('w', 'window'), node('o', 'sink')],
      [edge('s', 'w'), edge('w', 'o')],
    ),
    keyedWindow({ sizeMs: -5 }),
    keyedWindow({ sizems: 5 }),
    keyedWindow({ zzzzzzzzzz: 5 }),
    doc(
      [node('s', 'source.list'), node('u', 'union', { x: 1 }), node('o', 'sink')],
      [edge('s', 'u'), edge('u', 'o')],
    ),
    doc(
      [node('s', 'source.list'), node('m', 'map'), node('o', 'sink')],
      [edge('s', 'm', { sourcePort: 'late' }), edge('m', 'o')],
    ),
    keyedWindow({}),
    doc(
      [node('s', 'source.list'), node('k', 'keyBy', { field: 'user' }), node('w', 'window')],
      [edge('s', 'k'), edge('k', 'w'), edge('w', 's', { sourcePort: 'side' })],
    ),
    doc(
      [node('s', 'source.list'), node('o', 'sink'), node('t', 'source.list')],
      [edge('s', 'o'), edge('o', 't')],
    ),
    doc(
      [node('s', 'source.list'), node('m', 'map', {}, { parallelism: 0 }), node('o', 'sink')],
      [edge('s', 'm'), edge('m', 'o')],
    ),
    keyedWindow({ assigner: 'sliding', sizeMs: 1000, slideMs: 2000 }),
    keyedWindow({ assigner: 'tumbling', sizeMs: 1000, offsetMs: 1000 }),
    keyedWindow({ assigner: 'sliding', sizeMs: 1000, slideMs: 500, offsetMs: 600 }),
    doc(
      [node('s', 'source.list'), node('m', 'map', { mode: 'code', code: '(r) => {' })],
      [edge('s', 'm')],
    ),
    doc(
      [
        node('s', 'source.list', {}, { parallelism: 1 }),
        node('m', 'map', {}, { parallelism: 2 }),
        node('k', 'keyBy', { field: 'user' }),
        node('o', 'sink'),
      ],
      [
        edge('s', 'm', { partitioning: 'forward' }),
        edge('m', 'k'),
        edge('k', 'o', { partitioning: 'rebalance' }),
      ],
    ),
    doc(
      [
        node('s', 'source.list'),
        node('k', 'keyBy', { field: 'user' }),
        node('w', 'windowAll', { lateOutput: false }, { parallelism: 3 }),
        node('o', 'sink'),
        node('late', 'sink'),
      ],
      [edge('s', 'k'), edge('k', 'w'), edge('w', 'o'), edge('w', 'late', { sourcePort: 'late' })],
    ),
    doc(
      [
        node(
          'script',
          'source.script',
          {
            steps: [
              { add: [{ ts: 1 }, { key: 'a' }] },
              { advanceWatermark: 5 },
              { advanceWatermark: 5 },
              { advanceProcessingTime: 0 },
              { wait: 1 },
              { advanceWatermarkToInfinity: true },
              { add: [] },
            ],
          },
          { parallelism: 2 },
        ),
        node('o', 'sink'),
      ],
      [edge('script', 'o')],
    ),
  ];
  const files = [
    '[1]',
    '{"name": "p"}',
    '{"version": 99}',
    '{"version": 1, "name": 3, "nodes": [], "edges": [], "extra": true}',
    '{"version": 1,',
    'nope',
  ];
  return [
    ...documents.flatMap(validatePipeline),
    ...files.flatMap((text) => {
      const result = parsePipeline(text);
      return result.ok ? [] : result.problems;
    }),
  ];
}

describe('problem wordings', () => {
  const en = wordings('en');
  const zh = wordings('zh-CN');

  it('gives every code a wording in both languages with the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const code of Object.keys(problemMessages)) {
      const keys = Object.keys(en).filter((k) => k === code || k.startsWith(`${code}_`));
      expect(keys.length, code).toBeGreaterThan(0);
      for (const key of keys) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
    for (const key of Object.keys(en)) {
      expect(Object.keys(problemMessages), key).toContain(key.split('_')[0]);
    }
  });

  describe('rendered from a problem', () => {
    let t: TFunction<'problems'>;
    beforeAll(async () => {
      const i18n = i18next.createInstance();
      await i18n.init({
        resources,
        lng: 'en',
        fallbackLng: false,
        interpolation: { escapeValue: false },
      });
      t = i18n.getFixedT('en', 'problems');
    });
    const problems = everyProblem();

    it('covers every code and every wording', () => {
      expect(new Set(problems.map((p) => p.code))).toEqual(new Set(Object.keys(problemMessages)));
      expect(new Set(problems.map((p) => problemKey(p).slice('codes.'.length)))).toEqual(
        new Set(Object.keys(en)),
      );
    });

    it('reads in English exactly as the engine says it', () => {
      for (const p of problems) expect(problemText(t, p), p.code).toBe(p.message);
    });

    it('leaves no placeholder unreplaced in Chinese', () => {
      const i18n = i18next.createInstance();
      void i18n.init({ resources, lng: 'zh-CN', fallbackLng: false, initAsync: false });
      const zhT = i18n.getFixedT('zh-CN', 'problems');
      for (const p of problems) {
        const text = problemText(zhT, p);
        expect(text, p.code).not.toMatch(/\{\{|\}\}|^codes\./);
        expect(text, p.code).toMatch(/[\u4e00-\u9fff]/);
      }
    });

    it('survives a structured clone, as problems cross from the worker', () => {
      for (const p of problems) expect(structuredClone(p)).toEqual(p);
    });
  });
});
