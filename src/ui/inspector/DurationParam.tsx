import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParamSpec } from '../../engine/pipeline/params';
import { commitKeys } from './commit-keys';
import { describedBy, isInvalid, ParamFrame } from './FieldFrame';
import { displayUnit, DURATION_UNITS, type DurationUnit } from './duration';
import type { ParamFieldProps, ParamText } from './param-props';
import { useTextField } from './use-text-field';

type DurationSpec = Extract<ParamSpec, { type: 'duration' }>;

/**
 * A duration as a number and a unit. The unit shows the stored milliseconds exactly; picking
 * another unit keeps the number and changes what it means (10 s becomes 10 min), as one edit.
 */
export function DurationParam({
  spec,
  value,
  isSet,
  problems,
  onCommit,
  onReset,
  text,
}: ParamFieldProps<DurationSpec> & { text: ParamText }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const [picked, setPicked] = useState<DurationUnit | undefined>(undefined);
  const unit = typeof value === 'number' ? displayUnit(value, picked) : (picked ?? 'ms');
  const { draft, setDraft, error, commit, revert } = useTextField(spec, value, onCommit, unit);
  const describe = describedBy({ id, help: text.help, error, problems });
  return (
    <ParamFrame
      id={id}
      text={text}
      error={error}
      problems={problems}
      isSet={isSet}
      onReset={onReset}
    >
      <div className="insp-duration">
        <input
          id={id}
          className="insp-input"
          data-testid={`param-${spec.name}`}
          type="text"
          inputMode="decimal"
          spellCheck={false}
          autoComplete="off"
          value={draft}
          placeholder={spec.nullable === true ? text.empty : undefined}
          aria-invalid={isInvalid(error, problems)}
          aria-describedby={describe}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={() => commit()}
          onKeyDown={commitKeys(commit, revert)}
        />
        <select
          className="insp-select insp-unit"
          data-testid={`param-${spec.name}-unit`}
          aria-label={t('field.unit', { label: text.label })}
          value={unit}
          onChange={(e) => {
            const next = e.target.value as DurationUnit;
            setPicked(next);
            commit(next);
          }}
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`units.${u}`)}
            </option>
          ))}
        </select>
      </div>
    </ParamFrame>
  );
}
