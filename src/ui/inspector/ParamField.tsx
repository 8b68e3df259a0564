/**
 * One parameter's field, chosen by its ParamSpec type. Text fields commit on blur or Enter
 * (one undoable edit each), selects and switches on change; invalid text is never committed.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamSpec } from '../../engine/pipeline/params';
import { CodeParam } from './CodeParam';
import { commitKeys } from './commit-keys';
import { DurationParam } from './DurationParam';
import { describedBy, isInvalid, ParamFrame } from './FieldFrame';
import type { TextParamSpec } from './field-value';
import type { ParamFieldProps, ParamText } from './param-props';
import { optionTextKeys } from './param-text';
import { ScriptParam } from './ScriptParam';
import { useParamText } from './use-param-text';
import { useTextField } from './use-text-field';

export function ParamField(props: ParamFieldProps) {
  const text = useParamText(props.kind, props.spec);
  const { spec } = props;
  switch (spec.type) {
    case 'boolean':
      return <BooleanParam {...props} spec={spec} text={text} />;
    case 'enum':
      return <EnumParam {...props} spec={spec} text={text} />;
    case 'duration':
      return <DurationParam {...props} spec={spec} text={text} />;
    case 'code':
    case 'expression':
    case 'records':
      return <CodeParam {...props} spec={spec} text={text} />;
    case 'script':
      return <ScriptParam {...props} spec={spec} text={text} />;
    default:
      return <TextParam {...props} spec={spec} text={text} />;
  }
}

type FieldProps<S extends ParamSpec> = ParamFieldProps<S> & { text: ParamText };

function TextParam({
  spec,
  value,
  isSet,
  problems,
  onCommit,
  onReset,
  text,
}: FieldProps<TextParamSpec>) {
  const id = useId();
  const { draft, setDraft, error, commit, revert } = useTextField(spec, value, onCommit);
  const numeric = spec.type === 'integer' || spec.type === 'number';
  return (
    <ParamFrame
      id={id}
      text={text}
      error={error}
      problems={problems}
      isSet={isSet}
      onReset={onReset}
    >
      <input
        id={id}
        className={`insp-input${spec.type === 'json' ? ' insp-input--mono' : ''}`}
        data-testid={`param-${spec.name}`}
        type="text"
        inputMode={numeric ? (spec.type === 'integer' ? 'numeric' : 'decimal') : undefined}
        spellCheck={false}
        autoComplete="off"
        value={draft}
        placeholder={'nullable' in spec && spec.nullable === true ? text.empty : undefined}
        aria-invalid={isInvalid(error, problems)}
        aria-describedby={describedBy({ id, help: text.help, error, problems })}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={commitKeys(commit, revert)}
      />
    </ParamFrame>
  );
}

function EnumParam({
  kind,
  spec,
  value,
  isSet,
  problems,
  onCommit,
  onReset,
  text,
}: FieldProps<Extract<ParamSpec, { type: 'enum' }>>) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const current = typeof value === 'string' ? value : JSON.stringify(value);
  // A value from an imported file that is not an option still shows, so it can be seen and fixed.
  const unknown = !spec.options.includes(current);
  return (
    <ParamFrame id={id} text={text} problems={problems} isSet={isSet} onReset={onReset}>
      <select
        id={id}
        className="insp-select"
        data-testid={`param-${spec.name}`}
        value={current}
        aria-describedby={describedBy({ id, help: text.help, problems })}
        onChange={(e) => onCommit(e.target.value)}
      >
        {unknown && (
          <option value={current} disabled>
            {current}
          </option>
        )}
        {spec.options.map((option) => (
          <option key={option} value={option}>
            {t(optionTextKeys(kind, spec.name, option))}
          </option>
        ))}
      </select>
    </ParamFrame>
  );
}

function BooleanParam({
  spec,
  value,
  isSet,
  problems,
  onCommit,
  onReset,
  text,
}: FieldProps<Extract<ParamSpec, { type: 'boolean' }>>) {
  const id = useId();
  return (
    <ParamFrame id={id} text={text} problems={problems} isSet={isSet} onReset={onReset}>
      <input
        id={id}
        className="insp-switch"
        data-testid={`param-${spec.name}`}
        type="checkbox"
        role="switch"
        checked={value === true}
        aria-describedby={describedBy({ id, help: text.help, problems })}
        onChange={(e) => onCommit(e.target.checked)}
      />
    </ParamFrame>
  );
}
