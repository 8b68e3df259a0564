/** The editor of a code field, with its error marked: loaded on demand with CodeMirror. */
import { useTranslation } from 'react-i18next';
import { CodeEditor } from './CodeEditor';
import { codeFieldError, type CodeSpec } from './code-error';

interface CodeParamEditorProps {
  spec: CodeSpec;
  draft: string;
  onChange(text: string): void;
  label: string;
}

export function CodeParamEditor({ spec, draft, onChange, label }: CodeParamEditorProps) {
  const { t } = useTranslation('inspector');
  const error = codeFieldError(spec, draft);
  return (
    <CodeEditor
      value={draft}
      onChange={onChange}
      label={label}
      error={
        error === undefined
          ? undefined
          : { message: t(error.key, error.values), from: error.from, to: error.to }
      }
      singleLine={spec.type === 'expression'}
    />
  );
}
