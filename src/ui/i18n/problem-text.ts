/**
 * A validator problem in the reader's language: the wording comes from the `problems`
 * namespace (one string per code, or per code and variant) and the values from the problem.
 */
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../engine/pipeline/problems';

type ProblemWording = Pick<Problem, 'code' | 'variant' | 'params'>;

/** The translation key of a problem's wording, e.g. "codes.E009_suggestion". */
export const problemKey = (p: Pick<Problem, 'code' | 'variant'>): string =>
  `codes.${p.code}${p.variant === undefined ? '' : `_${p.variant}`}`;

export function problemText(t: TFunction<'problems'>, p: ProblemWording): string {
  return t(problemKey(p) as 'codes.E001', p.params as Record<string, unknown>);
}

/** A function that renders problems in the current language, stable while it stays the same. */
export function useProblemText(): (p: ProblemWording) => string {
  const { t } = useTranslation('problems');
  return useCallback((p: ProblemWording) => problemText(t, p), [t]);
}
