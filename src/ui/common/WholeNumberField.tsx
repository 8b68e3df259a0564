/** A labelled whole number, committed on blur or Enter and kept between `min` and `max`. */
import { useState } from 'react';

/** The whole number `text` stands for, kept between `min` and `max`; null for no number. */
export function wholeNumber(text: string, min: number, max = Infinity): number | null {
  const n = Math.round(Number(text));
  if (text.trim() === '' || !Number.isFinite(n)) return null;
  return Math.min(max, Math.max(min, n));
}

export interface WholeNumberFieldProps {
  label: string;
  testId: string;
  value: number;
  min: number;
  max?: number;
  disabled?: boolean;
  onCommit(value: number): void;
  /** The label's and the input's classes, from the stylesheet of the area it sits in. */
  className: string;
  inputClassName: string;
}

export function WholeNumberField({
  label,
  testId,
  value,
  min,
  max = Infinity,
  disabled = false,
  onCommit,
  className,
  inputClassName,
}: WholeNumberFieldProps) {
  // What is typed, until it is committed; null shows the value.
  const [text, setText] = useState<string | null>(null);
  const commit = () => {
    if (text === null) return;
    setText(null);
    const next = wholeNumber(text, min, max);
    if (next !== null && next !== value) onCommit(next);
  };
  return (
    <label className={className}>
      <span>{label}</span>
      <input
        type="number"
        className={inputClassName}
        data-testid={testId}
        min={min}
        max={Number.isFinite(max) ? max : undefined}
        value={text ?? String(value)}
        disabled={disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </label>
  );
}
