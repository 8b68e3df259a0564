/**
 * Translation keys for operator kinds and their parameters in the inspector namespace.
 * A parameter's text is shared by name (`params.<name>.label`) unless a kind words it its
 * own way (`kinds.<kind>.params.<name>.label`), which is looked up first.
 */
import type { OperatorKind } from '../../engine/pipeline/document';

export type ParamTextPart = 'label' | 'help' | 'empty';

/** Kinds contain dots, which i18next reads as nesting: 'source.list' becomes 'source-list'. */
export const kindKey = (kind: OperatorKind): string => kind.replace('.', '-');

/** The keys for a kind's own texts: its label and description. */
export const kindTextKey = (kind: OperatorKind, part: 'label' | 'description'): string =>
  `kinds.${kindKey(kind)}.${part}`;

/** Candidate keys for a parameter's text, most specific first (i18next takes the first found). */
export function paramTextKeys(kind: OperatorKind, param: string, part: ParamTextPart): string[] {
  return [`kinds.${kindKey(kind)}.params.${param}.${part}`, `params.${param}.${part}`];
}

/** Candidate keys for one option of an enum parameter. */
export function optionTextKeys(kind: OperatorKind, param: string, option: string): string[] {
  return [
    `kinds.${kindKey(kind)}.params.${param}.options.${option}`,
    `params.${param}.options.${option}`,
  ];
}
