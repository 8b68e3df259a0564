/**
 * A validator problem in the reader's language: the wording comes from the `problems`
 * namespace (one string per code, or per code and variant) and the values from the problem.
 * Values the engine sends as data (a node, an edge, a parameter, a list, what a value must be)
 * are worded here too, with the editor's translated operator labels and the inspector's
 * parameter labels, so no English phrase from the engine lands in a translated sentence.
 */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Expected, ProblemValue } from '../../engine/pipeline/problem-values';
import type { Problem } from '../../engine/pipeline/problems';
import { operatorKey } from '../editor/operator-look';
import { paramTextKeys } from '../inspector/param-text';

export type ProblemWording = Pick<Problem, 'code' | 'variant' | 'params'>;

/** i18next's t without the typed keys: these keys are built from the values' data. */
type Translate = (key: string | string[], options?: Record<string, unknown>) => string;

/** The translation key of a problem's wording, e.g. "codes.E009_suggestion". */
export const problemKey = (p: Pick<Problem, 'code' | 'variant'>): string =>
  `codes.${p.code}${p.variant === undefined ? '' : `_${p.variant}`}`;

/** How a parser's own message goes into the text. */
type QuoteParser = (text: string) => string;

function render(t: TFunction<'problems'>, p: ProblemWording, quoteParser: QuoteParser): string {
  const tr = t as unknown as Translate;
  const values = Object.fromEntries(
    Object.entries(p.params).map(([name, value]) => [name, wordValue(tr, value, quoteParser)]),
  );
  return tr(problemKey(p), values);
}

export function problemText(t: TFunction<'problems'>, p: ProblemWording): string {
  return render(t, p, (text) => text);
}

/** A piece of a problem's text: a parser's own words keep their language (English). */
export interface ProblemPart {
  text: string;
  lang?: 'en';
}

/** The text in pieces, so a view can mark what a parser said as the parser's own words. */
export function problemParts(t: TFunction<'problems'>, p: ProblemWording): ProblemPart[] {
  const quoted: string[] = [];
  // Private-use characters mark where a parser's words go; labels are not expected to hold them.
  const mark = (i: number | string) => `\uE000${i}\uE000`;
  const text = render(t, p, (said) => mark(quoted.push(said) - 1));
  return text
    .split(/\uE000(\d+)\uE000/)
    .map((piece, i): ProblemPart => {
      if (i % 2 === 0) return { text: piece };
      const said = quoted[Number(piece)];
      return said === undefined ? { text: mark(piece) } : { text: said, lang: 'en' };
    })
    .filter((part) => part.text !== '');
}

/** A function that renders problems in the current language, stable while it stays the same. */
export function useProblemText(): (p: ProblemWording) => string {
  const { t } = useTranslation('problems');
  return useCallback((p: ProblemWording) => problemText(t, p), [t]);
}

/** As useProblemText, in pieces (see problemParts). */
export function useProblemParts(): (p: ProblemWording) => ProblemPart[] {
  const { t } = useTranslation('problems');
  return useCallback((p: ProblemWording) => problemParts(t, p), [t]);
}

const quote = (name: string) => `'${name}'`;

function wordValue(tr: Translate, v: ProblemValue, quoteParser: QuoteParser): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  switch (v.type) {
    case 'node': {
      const kind =
        v.kind === undefined ? tr('values.unknownKind') : tr(`editor:${operatorKey(v.kind)}.label`);
      return v.label === undefined || v.label === kind
        ? tr('values.node', { kind, uid: v.uid })
        : tr('values.nodeLabelled', { kind, label: v.label, uid: v.uid });
    }
    case 'edge':
      return tr('values.edge', { id: v.id });
    case 'entry':
      return tr(v.list === 'nodes' ? 'values.nodeAt' : 'values.edgeAt', { index: v.index });
    case 'document':
      return tr('values.document');
    case 'param': {
      const keys = paramTextKeys(v.kind, v.name, 'label').map((key) => `inspector:${key}`);
      return tr('values.param', { label: tr(keys, { defaultValue: v.name }), name: v.name });
    }
    case 'names': {
      const quoted = v.names.map(quote);
      const separator = tr('values.separator');
      return v.join === 'or' && quoted.length > 1
        ? tr('values.or', { items: quoted.slice(0, -1).join(separator), last: quoted.at(-1) })
        : quoted.join(separator);
    }
    case 'nodes':
      return v.nodes.map((node) => wordValue(tr, node, quoteParser)).join(tr('values.separator'));
    case 'value':
      if ('none' in v) return tr(`values.${v.none}`);
      return v.unit === undefined ? v.text : tr('values.withMs', { value: v.text });
    case 'parser':
      return tr(`values.parser.${v.parser}`, { text: quoteParser(v.text) });
    case 'expected':
      return wordExpected(tr, v, quoteParser);
  }
}

function wordExpected(tr: Translate, e: Expected, quoteParser: QuoteParser): string {
  const orNull = (rule: string, nullable: boolean) =>
    nullable ? tr('expected.orNull', { rule }) : rule;
  switch (e.rule) {
    case 'number': {
      const what = tr(`expected.${e.number}`);
      const range =
        e.min !== undefined && e.max !== undefined
          ? 'fromTo'
          : e.min !== undefined
            ? 'atLeast'
            : e.max !== undefined
              ? 'atMost'
              : undefined;
      const ms = e.number === 'ms' ? 'Ms' : '';
      const rule =
        range === undefined ? what : tr(`expected.${range}${ms}`, { what, min: e.min, max: e.max });
      return orNull(rule, e.nullable);
    }
    case 'text':
      return orNull(
        e.pattern === undefined
          ? tr('expected.text')
          : tr('expected.textMatching', { pattern: e.pattern }),
        e.nullable,
      );
    case 'oneOf':
      return tr('expected.oneOf', { options: wordValue(tr, e.options, quoteParser) });
    case 'function':
    case 'expression':
      return tr(`expected.${e.rule}`, { example: e.example });
    case 'shape':
      return tr(`expected.shapes.${e.shape}`);
    default:
      return tr(`expected.${e.rule}`);
  }
}
