/**
 * User functions, expressions and records, edited in the code editor. The text commits after
 * a short pause in typing and when the editor loses focus, so a burst of typing is one edit.
 * Code commits even when it does not compile (the validator reports E015 and the editor marks
 * where); records commit only when they parse.
 */
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { JsonValue } from '../../engine/pipeline/document';
import type { ParamSpec } from '../../engine/pipeline/params';
import { CodeEditor, type CodeEditorProps } from './CodeEditor';
import { FieldFrame } from './FieldFrame';
import { formatField, parseField, sameValue } from './field-value';
import type { ParamFieldProps, ParamText } from './param-props';
import { findSyntaxError } from './syntax-error';
import { useDraft } from './use-draft';

type CodeSpec = Extract<ParamSpec, { type: 'code' | 'expression' | 'records' }>;

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

  const error = editorError(spec, draft, t);
  return (
    <FieldFrame
      id={id}
      label={text.label}
      help={text.help}
      problems={problems}
      reset={isSet ? { onReset, defaultText: text.defaultText } : undefined}
    >
      {spec.type === 'code' && (
        <code className="insp-signature" aria-label={`${t('field.signature')}: ${spec.signature}`}>
          {spec.signature}
        </code>
      )}
      <div data-testid={`code-${spec.name}`} onBlur={flush}>
        <CodeEditor
          value={draft}
          onChange={onChange}
          label={text.label}
          error={error}
          singleLine={spec.type === 'expression'}
        />
      </div>
    </FieldFrame>
  );
}

/** Where the draft breaks: a syntax error in code, or why records do not parse. */
function editorError(
  spec: CodeSpec,
  draft: string,
  t: TFunction<'inspector'>,
): CodeEditorProps['error'] {
  if (spec.type === 'records') {
    const parsed = parseField(spec, draft);
    if (parsed.ok) return undefined;
    const at = findSyntaxError(draft);
    return { message: t(parsed.error.key, parsed.error.values), from: at?.from, to: at?.to };
  }
  const at = findSyntaxError(draft);
  if (at === undefined) return undefined;
  return {
    message: t('code.syntaxErrorAt', { line: at.line, column: at.column }),
    from: at.from,
    to: at.to,
  };
}
