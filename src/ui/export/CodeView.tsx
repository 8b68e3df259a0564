/**
 * Exported code, read-only, highlighted as SQL or Java and themed like the app. The text can
 * be selected and searched but not edited: the pipeline is the source, the code follows it.
 */
import { java } from '@codemirror/lang-java';
import { javascript } from '@codemirror/lang-javascript';
import { sql, StandardSQL } from '@codemirror/lang-sql';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { useDarkTheme } from '../color-scheme';
import { codeTheme } from '../common/code-theme';

export type CodeLanguage = 'sql' | 'java' | 'json' | 'text';

export interface CodeViewProps {
  value: string;
  language: CodeLanguage;
  /** The accessible name of the code area. */
  label: string;
}

const layout = EditorView.theme({
  '&': { fontSize: '12px', height: '100%' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { padding: '6px 0' },
  '.cm-line': { padding: '0 10px' },
});

function languageOf(language: CodeLanguage): Extension {
  switch (language) {
    case 'sql':
      return sql({ dialect: StandardSQL });
    case 'java':
      return java();
    case 'json':
      return javascript();
    case 'text':
      return [];
  }
}

export function CodeView({ value, language, label }: CodeViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [compartments] = useState(() => ({
    theme: new Compartment(),
    language: new Compartment(),
    label: new Compartment(),
  }));
  const dark = useDarkTheme();
  const latest = useRef({ value, language, label, dark });
  useEffect(() => {
    latest.current = { value, language, label, dark };
  });

  useEffect(() => {
    const parent = host.current;
    if (parent === null) return;
    const initial = latest.current;
    const editor = new EditorView({
      parent,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          minimalSetup,
          lineNumbers(),
          layout,
          EditorState.readOnly.of(true),
          compartments.language.of(languageOf(initial.language)),
          compartments.theme.of(codeTheme(initial.dark)),
          compartments.label.of(EditorView.contentAttributes.of({ 'aria-label': initial.label })),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [compartments]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: [
        compartments.language.reconfigure(languageOf(language)),
        compartments.label.reconfigure(EditorView.contentAttributes.of({ 'aria-label': label })),
      ],
    });
  }, [language, label, compartments]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.theme.reconfigure(codeTheme(dark)),
    });
  }, [dark, compartments]);

  return <div ref={host} className="flink-export__code" data-testid="export-code" />;
}
