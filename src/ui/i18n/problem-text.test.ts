import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PipelineDocument, PipelineEdge, PipelineNode } from '../../engine/pipeline/document';
import { parsePipeline } from '../../engine/pipeline/parse';
import {
  edgeRef,
  names,
  nodeRef,
  shownValue,
  type Expected,
  type FieldShape,
} from '../../engine/pipeline/problem-values';
import { problem, problemMessages, type Problem } from '../../engine/pipeline/problems';
import { operatorRegistry } from '../../engine/pipeline/registry';
import { validatePipeline } from '../../engine/pipeline/validate';
import { problemKey, problemParts, problemText } from './problem-text';
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
    '3',
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
    ...everyValue(),
  ];
}

const shapes: FieldShape[] = [
  'text',
  'nodeList',
  'edgeList',
  'object',
  'nonEmptyText',
  'kindName',
  'textOrOmitted',
  'paramValues',
  'position',
  'nodeUid',
  'portName',
  'partitioning',
];

/** Every kind of value a problem can name, each in a problem of its own. */
function everyValue(): Problem[] {
  const numbers: Expected[] = [
    { type: 'expected', rule: 'number', number: 'ms', min: 1, nullable: false },
    { type: 'expected', rule: 'number', number: 'ms', min: 0, max: 10, nullable: true },
    { type: 'expected', rule: 'number', number: 'ms', max: 10, nullable: false },
    { type: 'expected', rule: 'number', number: 'whole', nullable: false },
    { type: 'expected', rule: 'number', number: 'whole', min: 1, max: 9, nullable: true },
    { type: 'expected', rule: 'number', number: 'any', min: 0.5, nullable: false },
    { type: 'expected', rule: 'number', number: 'any', max: 1, nullable: true },
  ];
  const others: Expected[] = [
    { type: 'expected', rule: 'text', nullable: false },
    { type: 'expected', rule: 'text', pattern: '/^[a-z]+$/', nullable: true },
    { type: 'expected', rule: 'oneOf', options: names(['tumbling', 'sliding']) },
    { type: 'expected', rule: 'function', example: '(acc, r) => acc' },
    { type: 'expected', rule: 'expression', example: 'r.value * 2' },
    ...(['boolean', 'json', 'jsonNotNull', 'records', 'steps'] as const).map((rule): Expected => ({
      type: 'expected',
      rule,
    })),
  ];
  const window = nodeRef({ uid: 'w', kind: 'window' });
  const size = { type: 'param', kind: 'window', name: 'sizeMs' } as const;
  const wheres = [
    { type: 'document' },
    { type: 'entry', list: 'nodes', index: 2 },
    { type: 'entry', list: 'edges', index: 0 },
    { type: 'node', uid: 'n1' },
    edgeRef('e1'),
  ] as const;
  return [
    ...[...numbers, ...others].map((allowed) =>
      problem('E008', {}, window, size, shownValue(-5, 'ms'), allowed),
    ),
    ...shapes.map((shape, i) =>
      problem('E019', {}, wheres[i % wheres.length], 'f', shownValue('x'), {
        type: 'expected',
        rule: 'shape',
        shape,
      }),
    ),
    ...[...operatorRegistry.keys()].flatMap((kind) => [
      problem('E004', {}, nodeRef({ uid: 'n', kind })),
      problem('E004', {}, nodeRef({ uid: 'n', kind, label: 'Mine' })),
    ]),
    problem('E004', {}, nodeRef({ uid: 'x', kind: 'reduce', label: 'r' })),
    problem('E013', {}, window, shownValue(undefined), 256),
    problem('E013', {}, window, shownValue(1n), 256),
    problem('E010', {}, edgeRef('e'), window, 'side', names(['out'], 'or')),
    problem('E009', {}, window, 'x', undefined, names(['a', 'b', 'c'])),
  ];
}

/**
 * The Latin-script words of a text outside what it quotes (identifiers in '...', file syntax
 * in "...", code and a parser's own message in “...”), less the names the Chinese UI keeps.
 */
const keptNames = new Set([
  'Flink',
  'Tidemark',
  'JSON',
  'JavaScript',
  'ID',
  'KeyBy',
  'Union',
  'Map',
  'Filter',
  'FlatMap',
  'null',
  'true',
  'false',
]);
const foreignWords = (text: string) =>
  (
    text
      .replace(/'[^']*'/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/“[^”]*”/g, '')
      .match(/[A-Za-z]+/g) ?? []
  ).filter((word) => !keptNames.has(word));

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

    describe('in Chinese', () => {
      const i18n = i18next.createInstance();
      void i18n.init({
        resources,
        lng: 'zh-CN',
        fallbackLng: false,
        initAsync: false,
        interpolation: { escapeValue: false },
      });
      const zhT = i18n.getFixedT('zh-CN', 'problems');

      it('leaves no placeholder unreplaced', () => {
        for (const p of problems) {
          const text = problemText(zhT, p);
          expect(text, p.code).not.toMatch(/\{\{|\}\}|codes\.|values\.|expected\./);
          expect(text, p.code).toMatch(/[\u4e00-\u9fff]/);
        }
      });

      it('has no English word outside quoted identifiers, code and parser messages', () => {
        for (const p of problems) {
          const text = problemText(zhT, p);
          expect(foreignWords(text), `${problemKey(p)}: ${text}`).toEqual([]);
        }
      });

      it('hands what a parser said over as a part of its own, in English', () => {
        for (const p of problems.filter((q) => q.code === 'E015' || q.code === 'E018')) {
          const parts = problemParts(zhT, p);
          const said = parts.filter((part) => part.lang === 'en');
          expect(said, p.message).toHaveLength(1);
          expect(p.message).toContain(said[0].text);
          expect(parts.map((part) => part.text).join('')).toBe(problemText(zhT, p));
        }
        const plain = problems.find((p) => p.code === 'E004') as Problem;
        expect(problemParts(zhT, plain)).toEqual([{ text: problemText(zhT, plain) }]);
      });

      it('has no English word in the problem headlines either', () => {
        const headlines = (resources['zh-CN'].editor as { problems: { codes: Codes } }).problems
          .codes;
        for (const [code, text] of Object.entries(headlines)) {
          expect(foreignWords(text), `${code}: ${text}`).toEqual([]);
        }
      });

      it("would notice the engine's English", () => {
        for (const p of problems) expect(foreignWords(p.message), p.message).not.toEqual([]);
      });

      it("words nodes with the editor's operator labels, and quotes the parser", () => {
        const [syntax] = problems.filter((p) => p.code === 'E015');
        expect(problemText(zhT, syntax)).toMatch(
          /^Map 'm'：函数（'code'）无法编译，请修正语法。JavaScript 解析器报告：“.+”$/,
        );
        const labelled = problem(
          'E004',
          {},
          nodeRef({ uid: 'w1', kind: 'window', label: 'Per user' }),
        );
        expect(problemText(zhT, labelled)).toBe(
          "窗口 'Per user'（ID 'w1'） 没有输入：请连接一个上游算子。",
        );
        const cycle = problems.find(
          (p) => p.code === 'E006' && p.message.includes('Union'),
        ) as Problem;
        expect(problemText(zhT, cycle)).toContain("Map 'a'、Map 'b'、Union 'u'");
      });
    });

    it('survives a structured clone, as problems cross from the worker', () => {
      for (const p of problems) expect(structuredClone(p)).toEqual(p);
    });
  });
});
