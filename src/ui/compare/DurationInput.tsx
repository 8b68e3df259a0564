import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  displayUnit,
  DURATION_UNITS,
  fromMs,
  toMs,
  type DurationUnit,
} from '../inspector/duration';

/**
 * A duration in the units the inspector uses: a number and a unit, committed on Enter or
 * when the field loses focus (each commit runs the comparison again).
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
  const id = useId();
  const [picked, setPicked] = useState<DurationUnit | undefined>(undefined);
  const unit = displayUnit(value, picked ?? unitHint);
  const shown = String(Number(fromMs(value, unit).toFixed(3)));
  const [draft, setDraft] = useState<{ from: string; text: string } | null>(null);
  const text = draft !== null && draft.from === shown ? draft.text : shown;
  const amount = Number(text.trim().replace(',', '.'));
  const invalid = text.trim() === '' || !Number.isFinite(amount) || toMs(amount, unit) < min;

  const commit = (inUnit: DurationUnit) => {
    if (invalid) return;
    const ms = toMs(amount, inUnit);
    setDraft(null);
    if (ms !== value) onCommit(ms);
  };
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
        value={text}
        aria-label={name}
        aria-invalid={invalid}
        title={invalid ? t('field.invalid') : undefined}
        data-testid={testId}
        onChange={(e) => setDraft({ from: shown, text: e.target.value })}
        onBlur={() => commit(unit)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(unit);
          if (e.key === 'Escape' && draft !== null) {
            // Escape undoes the edit first; a second Escape closes the view.
            e.preventDefault();
            setDraft(null);
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
