import { RotateCcw } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../engine/pipeline/problems';
import type { FieldError } from './field-value';
import type { ParamText } from './param-props';
import { ProblemList } from './ProblemList';

export interface FieldFrameProps {
  /** The control's id: the label points at it and hint/message ids derive from it. */
  id: string;
  label: string;
  help?: string;
  /** What is wrong with the text being typed (not committed). */
  error?: FieldError;
  /** The validator's problems for this field. */
  problems?: readonly Problem[];
  /** Offered while the value is set explicitly; the text names the default it returns to. */
  reset?: { onReset(): void; defaultText: string };
  children: ReactNode;
}

/** The ids a control lists in aria-describedby, matching what FieldFrame renders. */
export function describedBy(props: Pick<FieldFrameProps, 'id' | 'help' | 'error' | 'problems'>) {
  const ids = [
    props.help !== undefined ? `${props.id}-hint` : undefined,
    props.error !== undefined ? `${props.id}-error` : undefined,
    (props.problems?.length ?? 0) > 0 ? `${props.id}-problems` : undefined,
  ].filter((x) => x !== undefined);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Whether a control shows as invalid: its text does not parse, or the validator objects. */
export function isInvalid(error: FieldError | undefined, problems: readonly Problem[]): boolean {
  return error !== undefined || problems.some((p) => p.severity === 'error');
}

/** Label, reset button, control, hint and messages of one field, laid out the same everywhere. */
export function FieldFrame({
  id,
  label,
  help,
  error,
  problems = [],
  reset,
  children,
}: FieldFrameProps) {
  const { t } = useTranslation('inspector');
  const invalid = isInvalid(error, problems);
  return (
    <div className={`insp-field${invalid ? ' is-invalid' : ''}`}>
      <div className="insp-field-head">
        <label className="insp-label" htmlFor={id} id={`${id}-label`}>
          {label}
        </label>
        {reset !== undefined && (
          <button
            type="button"
            className="insp-icon-button"
            onClick={reset.onReset}
            aria-label={t('field.reset', { label })}
            title={t('field.defaultValue', { value: reset.defaultText })}
          >
            <RotateCcw size={12} aria-hidden="true" />
          </button>
        )}
      </div>
      {children}
      {help !== undefined && (
        <p className="insp-hint" id={`${id}-hint`}>
          {help}
        </p>
      )}
      {error !== undefined && (
        <p className="insp-message insp-message--error" id={`${id}-error`} role="alert">
          {t(error.key, error.values)}
        </p>
      )}
      <ProblemList problems={problems} id={`${id}-problems`} />
    </div>
  );
}

/** A parameter's frame, from what the node form gives every parameter field. */
export function ParamFrame({
  id,
  text,
  error,
  problems,
  isSet,
  onReset,
  children,
}: {
  id: string;
  text: ParamText;
  error?: FieldError;
  problems: readonly Problem[];
  isSet: boolean;
  onReset(): void;
  children: ReactNode;
}) {
  return (
    <FieldFrame
      id={id}
      label={text.label}
      help={text.help}
      error={error}
      problems={problems}
      reset={isSet ? { onReset, defaultText: text.defaultText } : undefined}
    >
      {children}
    </FieldFrame>
  );
}
