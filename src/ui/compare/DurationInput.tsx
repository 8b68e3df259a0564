import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayUnit, DURATION_UNITS, type DurationUnit } from '../inspector/duration';
import { formatField, type TextParamSpec } from '../inspector/field-value';
import { useTextField } from '../inspector/use-text-field';

/**
 * A duration in the units the inspector uses, read and checked as the inspector's duration
 * fields are: a number and a unit, committed on Enter or when the field loses focus (each
 * commit runs the comparison again).
 */
export function DurationInput({
  label,
  name = label,
  value,
  onCommit,
  testId,
  min = 0,
  unitHint,
}: {
  /** The short label shown beside the field. */
  label: string;
  /** What a screen reader calls the field, when the label alone does not say it. */
  name?: string;
  value: number;
  onCommit(ms: number): void;
  testId: string;
  min?: number;
  /** The unit to show while it shows the value exactly (a zero beside "5 s" reads "0 s"). */
  unitHint?: DurationUnit;
}) {
  const { t } = useTranslation('compare');
  const { t: inspectorT } = useTranslation('inspector');
  const id = useId();
  const [picked, setPicked] = useState<DurationUnit | undefined>(undefined);
  const unit = displayUnit(value, picked ?? unitHint);
  const spec: TextParamSpec = { type: 'duration', name: testId, label: name, default: 0, min };
  const { draft, setDraft, error, commit, revert } = useTextField(
    spec,
    value,
    (ms) => onCommit(ms as number),
    unit,
  );
  const editing = draft !== formatField(spec, value, unit);
  return (
    <span className="compare-duration">
      <label htmlFor={id} className="compare-duration__label">
        {label}
      </label>
      <input
        id={id}
        className="compare-duration__input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-label={name}
        aria-invalid={error !== undefined}
        title={error === undefined ? undefined : inspectorT(error.key, error.values)}
        data-testid={testId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => commit()}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && editing) {
            // Escape undoes the edit first; a second Escape closes the view.
            e.preventDefault();
            revert();
          }
        }}
      />
      <select
        className="compare-duration__unit"
        aria-label={t('field.unit', { label: name })}
        value={unit}
        data-testid={`${testId}-unit`}
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
    </span>
  );
}
