/**
 * A CodeMirror 6 JavaScript editor that follows the app theme: the inspector edits user
 * functions, expressions and records in it, and other panels can reuse it. The parent owns the
 * text; the editor reports every change and marks `error` with a lint diagnostic.
 */
import { javascript } from '@codemirror/lang-javascript';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { Compartment, EditorState, Transaction, type Extension } from '@codemirror/state';
import { EditorView, lineNumbers } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import { diagnosticsFor, type CodeError } from './code-diagnostics';
import { useDarkTheme } from '../color-scheme';
import { codeTheme } from '../common/code-theme';
import './inspector.css';

export interface CodeEditorProps {
  value: string;
  onChange(value: string): void;
  /** The accessible name of the editing area. */
  label: string;
  /** Shown under the editor, and underlined from..to when a position is known. */
  error?: CodeError;
  singleLine?: boolean;
  readOnly?: boolean;
}

// Where text is typed, the light theme's caret takes the text's colour too.
const lightCaret = EditorView.theme({
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
});

const layout = EditorView.theme({
  '&': { fontSize: '12px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
  '.cm-content': { padding: '6px 0' },
  '.cm-line': { padding: '0 8px' },
  '.cm-gutter-lint': { width: '0.9em' },
});

/** Rejects any edit that would leave more than one line (typed Enter, pasted text). */
const oneLine = EditorState.transactionFilter.of((tr) => (tr.newDoc.lines > 1 ? [] : tr));

const themeFor = (dark: boolean): Extension =>
  dark ? codeTheme(true) : [codeTheme(false), lightCaret];

function accessFor(label: string, readOnly: boolean, invalid: boolean): Extension {
  return [
    EditorState.readOnly.of(readOnly),
    EditorView.editable.of(!readOnly),
    EditorView.contentAttributes.of({ 'aria-label': label, 'aria-invalid': String(invalid) }),
  ];
}

export function CodeEditor({
  value,
  onChange,
  label,
  error,
  singleLine = false,
  readOnly = false,
}: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [compartments] = useState(() => ({ theme: new Compartment(), access: new Compartment() }));
  const dark = useDarkTheme();
  const invalid = error !== undefined;
  // What the editor is created with; effects below keep a live editor in step with the props.
  const latest = useRef({ value, onChange, label, readOnly, invalid, dark });
  useEffect(() => {
    latest.current = { value, onChange, label, readOnly, invalid, dark };
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
          javascript(),
          EditorView.lineWrapping,
          layout,
          singleLine ? oneLine : [lineNumbers(), lintGutter()],
          compartments.theme.of(themeFor(initial.dark)),
          compartments.access.of(accessFor(initial.label, initial.readOnly, initial.invalid)),
          EditorView.updateListener.of((update) => {
            const fromProps = update.transactions.some((tr) => tr.annotation(Transaction.remote));
            if (update.docChanged && !fromProps)
              latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
  }, [singleLine, compartments]);

  useEffect(() => {
    const editor = view.current;
    if (editor === null || editor.state.doc.toString() === value) return;
    // A change from outside (undo in the editor shell, another panel) replaces the text
    // without entering the editor's own undo history.
    editor.dispatch({
      changes: { from: 0, to: editor.state.doc.length, insert: value },
      annotations: [Transaction.remote.of(true), Transaction.addToHistory.of(false)],
    });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.theme.reconfigure(themeFor(dark)) });
  }, [dark, compartments]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.access.reconfigure(accessFor(label, readOnly, invalid)),
    });
  }, [label, readOnly, invalid, compartments]);

  const message = error?.message;
  const from = error?.from;
  const to = error?.to;
  useEffect(() => {
    const editor = view.current;
    if (editor === null) return;
    const diagnostics = diagnosticsFor(
      message === undefined ? undefined : { message, from, to },
      editor.state.doc.length,
    );
    editor.dispatch(setDiagnostics(editor.state, diagnostics));
  }, [message, from, to, value]);

  return (
    <div className="code-editor-frame">
      <div
        ref={host}
        className={`code-editor${singleLine ? ' code-editor--single' : ''}${invalid ? ' is-invalid' : ''}${dark ? ' code-editor--dark' : ''}`}
      />
      {message !== undefined && <p className="insp-message insp-message--error">{message}</p>}
    </div>
  );
}
