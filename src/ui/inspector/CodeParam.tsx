/**
 * User functions, expressions and records, edited in the code editor. The text commits after
 * a short pause in typing and when the editor loses focus, so a burst of typing is one edit.
 * Code commits even when it does not compile (the validator reports E015 and the editor marks
 * where); records commit only when they parse.
 */
import { lazy, Suspense, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../engine/pipeline/document';
import { CodeFallback } from './CodeFallback';
import type { CodeSpec } from './code-error';
import { ParamFrame } from './FieldFrame';
import { formatField, parseField, sameValue } from './field-value';
import type { ParamFieldProps, ParamText } from './param-props';
import { useDraft } from './use-draft';

// CodeMirror and its parser are a third of the app's code: they load with the first code field.
const CodeParamEditor = lazy(() =>
  import('./CodeParamEditor').then((m) => ({ default: m.CodeParamEditor })),
);

/** How long typing must pause before the text commits. */
export const CODE_COMMIT_DELAY_MS = 600;

export function CodeParam({
  spec,
  value,
  isSet,
  problems,
  onCommit,
  onReset,
  text,
}: ParamFieldProps<CodeSpec> & { text: ParamText }) {
  const { t } = useTranslation('inspector');
  const id = useId();
  const committed = formatField(spec, value);
  const [draft, setDraft] = useDraft(committed, (d) => {
    const parsed = parseField(spec, d);
    return parsed.ok && sameValue(parsed.value, value);
  });

  // The latest text and callbacks, for the timer and for a commit when the field unmounts.
  const pending = useRef<{ text: string; value: JsonValue; onCommit(v: JsonValue): void }>({
    text: draft,
    value,
    onCommit,
  });
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    pending.current = { text: draft, value, onCommit };
  });
  const flush = () => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const { text: latest, value: current, onCommit: commit } = pending.current;
    const parsed = parseField(spec, latest);
    if (parsed.ok && !sameValue(parsed.value, current)) commit(parsed.value);
  };
  const flushOnUnmount = useRef(flush);
  useEffect(() => {
    flushOnUnmount.current = flush;
  });
  useEffect(() => () => flushOnUnmount.current(), []);

  const onChange = (next: string) => {
    setDraft(next);
    pending.current = { ...pending.current, text: next };
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, CODE_COMMIT_DELAY_MS);
  };

  return (
    <ParamFrame id={id} text={text} problems={problems} isSet={isSet} onReset={onReset}>
      {spec.type === 'code' && (
        <code className="insp-signature" aria-label={`${t('field.signature')}: ${spec.signature}`}>
          {spec.signature}
        </code>
      )}
      <div data-testid={`code-${spec.name}`} onBlur={flush}>
        <Suspense fallback={<CodeFallback value={draft} label={text.label} />}>
          <CodeParamEditor spec={spec} draft={draft} onChange={onChange} label={text.label} />
        </Suspense>
      </div>
    </ParamFrame>
  );
}
