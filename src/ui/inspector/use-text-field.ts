import type { JsonValue } from '../../engine/pipeline/document';
import type { DurationUnit } from './duration';
import { formatField, parseField, sameValue, type TextParamSpec } from './field-value';
import { useDraft } from './use-draft';

/**
 * A parameter typed as text: the draft, why it does not parse, and its commit. A draft that
 * stands for the value already goes back to the value's own text instead of committing.
 * `unit` reads and writes durations.
 */
export function useTextField(
  spec: TextParamSpec,
  value: JsonValue,
  onCommit: (value: JsonValue) => void,
  unit?: DurationUnit,
) {
  const committed = formatField(spec, value, unit);
  const [draft, setDraft] = useDraft(committed);
  const parsed = draft === committed ? undefined : parseField(spec, draft, unit);
  const error = parsed?.ok === false ? parsed.error : undefined;
  /** Commits the draft read in `inUnit` (the field's unit unless another is being picked). */
  const commit = (inUnit = unit) => {
    const result = parseField(spec, draft, inUnit);
    if (!result.ok) return;
    if (sameValue(result.value, value)) setDraft(formatField(spec, value, inUnit));
    else onCommit(result.value);
  };
  return { draft, setDraft, error, commit, revert: () => setDraft(committed) };
}
