import { useTranslation } from 'react-i18next';
import type { OperatorKind } from '../../engine/pipeline/document';
import type { ParamSpec } from '../../engine/pipeline/params';
import { displayUnit, fromMs } from './duration';
import type { ParamText } from './param-props';
import { optionTextKeys, paramTextKeys } from './param-text';

/** Label, help, empty meaning and default of a parameter, in the current language. */
export function useParamText(kind: OperatorKind, spec: ParamSpec): ParamText {
  const { t } = useTranslation('inspector');
  const help = t(paramTextKeys(kind, spec.name, 'help'), { defaultValue: '' });
  const empty = t([...paramTextKeys(kind, spec.name, 'empty'), 'field.empty']);
  let defaultText: string;
  if (spec.default === null) defaultText = empty;
  else if (spec.type === 'duration' && typeof spec.default === 'number') {
    const unit = displayUnit(spec.default);
    defaultText = `${fromMs(spec.default, unit)} ${t(`units.${unit}`)}`;
  } else if (spec.type === 'enum') {
    defaultText = t(optionTextKeys(kind, spec.name, spec.default));
  } else if (spec.type === 'boolean') {
    defaultText = t(spec.default ? 'field.on' : 'field.off');
  } else if (typeof spec.default === 'string') defaultText = spec.default;
  else defaultText = JSON.stringify(spec.default);
  return {
    label: t(paramTextKeys(kind, spec.name, 'label')),
    help: help === '' ? undefined : help,
    empty,
    defaultText,
  };
}
