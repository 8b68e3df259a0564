/** The code's text, shown read-only for the moment the code editor takes to load. */
export function CodeFallback({ value, label }: { value: string; label: string }) {
  return (
    <div className="code-editor-frame">
      <pre className="code-editor code-editor--loading" aria-label={label}>
        {value}
      </pre>
    </div>
  );
}
