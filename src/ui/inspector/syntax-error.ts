/**
 * Where user code stops being JavaScript, found with the same parser the code editor
 * highlights with (lezer, from @codemirror/lang-javascript). The engine only says *that* the
 * code does not compile; this says *where*, so the editor can underline it.
 */
import { javascriptLanguage } from '@codemirror/lang-javascript';

export interface SyntaxErrorAt {
  /** Offsets into the source; equal when the parser expected something that is missing. */
  from: number;
  to: number;
  /** 1-based, for messages. */
  line: number;
  column: number;
}

// The engine compiles user code as one expression, `return (\n<code>\n)`: parse it the same way
// so an object literal or a trailing statement is judged as the engine judges it.
const PREFIX = '(\n';
const SUFFIX = '\n)';

// The grammar is shared with TypeScript, so it reads `(a, b: c) => ...` as typed parameters;
// in JavaScript such a node is where the code stops compiling.
const TYPESCRIPT_ONLY = new Set(['TypeAnnotation', 'TypeParamList', 'TypeArgList']);

/** The first syntax error in `source` read as one JavaScript expression, if any. */
export function findSyntaxError(source: string): SyntaxErrorAt | undefined {
  const tree = javascriptLanguage.parser.parse(PREFIX + source + SUFFIX);
  let found: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (found !== undefined) return false;
      if (node.type.isError || TYPESCRIPT_ONLY.has(node.name)) {
        found = { from: node.from, to: node.to };
        return false;
      }
      return undefined;
    },
  });
  if (found === undefined) return undefined;
  const clamp = (offset: number) => Math.min(Math.max(offset - PREFIX.length, 0), source.length);
  const from = clamp(found.from);
  return { from, to: Math.max(from, clamp(found.to)), ...lineAndColumn(source, from) };
}

function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const lines = source.slice(0, offset).split('\n');
  return { line: lines.length, column: (lines.at(-1) ?? '').length + 1 };
}
