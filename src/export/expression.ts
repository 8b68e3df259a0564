/**
 * A small subset of JavaScript that both targets can say: arrow functions over records whose
 * body is field access, literals, arithmetic, comparisons, logic, a conditional, an array,
 * or an object literal that spreads the input and sets fields. Anything else is not
 * translated (the exporters then leave a marked TODO with the original code).
 */

export type BinaryOp =
  '+' | '-' | '*' | '/' | '%' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

export type Expr =
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  /** A whole parameter, such as `r` in `(r) => [r]`. */
  | { type: 'param'; name: string }
  | { type: 'field'; record: string; name: string }
  | { type: 'unary'; op: '!' | '-'; arg: Expr }
  | { type: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { type: 'conditional'; test: Expr; then: Expr; otherwise: Expr }
  | { type: 'array'; items: Expr[] }
  /** `{ ...spread, name: value }`; spread is a parameter name or null. */
  | { type: 'object'; spread: string | null; props: { name: string; value: Expr }[] };

export interface SimpleFunction {
  params: string[];
  body: Expr;
}

/** What an expression evaluates to, as far as its shape tells. */
export type ValueKind = 'number' | 'string' | 'boolean' | 'unknown';

class Unsupported extends Error {}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'id'; v: string }
  | { t: 'punct'; v: string };

const PUNCTUATORS = [
  '===',
  '!==',
  '...',
  '=>',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  '.',
  ':',
  '?',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  ';',
];

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num !== null) {
      tokens.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][\w$]*/.exec(src.slice(i));
    if (id !== null) {
      tokens.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const next = src[j + 1];
          const escapes: Record<string, string> = {
            n: '\n',
            t: '\t',
            '\\': '\\',
            "'": "'",
            '"': '"',
          };
          if (next === undefined || !(next in escapes)) throw new Unsupported();
          value += escapes[next];
          j += 2;
        } else {
          value += src[j];
          j++;
        }
      }
      if (j >= src.length) throw new Unsupported();
      tokens.push({ t: 'str', v: value });
      i = j + 1;
      continue;
    }
    const punct = PUNCTUATORS.find((p) => src.startsWith(p, i));
    if (punct === undefined) throw new Unsupported();
    tokens.push({ t: 'punct', v: punct });
    i += punct.length;
  }
  return tokens;
}

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!=', '===', '!=='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: Token[],
    private params: readonly string[] = [],
  ) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }

  private isPunct(v: string, offset = 0): boolean {
    const tok = this.peek(offset);
    return tok?.t === 'punct' && tok.v === v;
  }

  private expect(v: string): void {
    if (!this.isPunct(v)) throw new Unsupported();
    this.pos++;
  }

  private identifier(): string {
    const tok = this.peek();
    if (tok?.t !== 'id') throw new Unsupported();
    this.pos++;
    return tok.v;
  }

  atEnd(): boolean {
    return this.pos >= this.tokens.length;
  }

  fn(): SimpleFunction {
    const params: string[] = [];
    if (this.peek()?.t === 'id' && this.peek()?.v === 'function') {
      this.pos++;
      if (this.peek()?.t === 'id') this.pos++;
      this.paramList(params);
      return this.finish(params, this.blockBody(params));
    }
    if (this.peek()?.t === 'id') params.push(this.identifier());
    else this.paramList(params);
    this.expect('=>');
    if (this.isPunct('{')) return this.finish(params, this.blockBody(params));
    this.params = params;
    return this.finish(params, this.expression());
  }

  private finish(params: string[], body: Expr): SimpleFunction {
    if (this.isPunct(';')) this.pos++;
    if (!this.atEnd()) throw new Unsupported();
    return { params, body };
  }

  private paramList(into: string[]): void {
    this.expect('(');
    while (!this.isPunct(')')) {
      into.push(this.identifier());
      if (!this.isPunct(')')) this.expect(',');
    }
    this.expect(')');
  }

  /** `{ return expr; }` only. */
  private blockBody(params: string[]): Expr {
    this.expect('{');
    if (this.identifier() !== 'return') throw new Unsupported();
    this.params = params;
    const body = this.expression();
    if (this.isPunct(';')) this.pos++;
    this.expect('}');
    return body;
  }

  expression(): Expr {
    const test = this.binary(0);
    if (!this.isPunct('?')) return test;
    this.pos++;
    const then = this.expression();
    this.expect(':');
    return { type: 'conditional', test, then, otherwise: this.expression() };
  }

  private binary(level: number): Expr {
    if (level === BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const tok = this.peek();
      if (tok?.t !== 'punct' || !BINARY_LEVELS[level]!.includes(tok.v)) return left;
      this.pos++;
      const op = (tok.v === '===' ? '==' : tok.v === '!==' ? '!=' : tok.v) as BinaryOp;
      left = { type: 'binary', op, left, right: this.binary(level + 1) };
    }
  }

  private unary(): Expr {
    if (this.isPunct('!') || this.isPunct('-')) {
      const op = (this.peek() as { v: '!' | '-' }).v;
      this.pos++;
      const arg = this.unary();
      if (op === '-' && arg.type === 'number') return { type: 'number', value: -arg.value };
      return { type: 'unary', op, arg };
    }
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.peek();
    if (tok === undefined) throw new Unsupported();
    this.pos++;
    if (tok.t === 'num') return { type: 'number', value: tok.v };
    if (tok.t === 'str') return { type: 'string', value: tok.v };
    if (tok.t === 'id') {
      if (tok.v === 'true' || tok.v === 'false')
        return { type: 'boolean', value: tok.v === 'true' };
      if (tok.v === 'null' || tok.v === 'undefined') return { type: 'null' };
      if (!this.params.includes(tok.v)) throw new Unsupported();
      if (this.isPunct('.')) {
        this.pos++;
        return this.noMoreMembers({ type: 'field', record: tok.v, name: this.identifier() });
      }
      if (this.isPunct('[') && this.peek(1)?.t === 'str' && this.isPunct(']', 2)) {
        const name = (this.peek(1) as { v: string }).v;
        this.pos += 3;
        return this.noMoreMembers({ type: 'field', record: tok.v, name });
      }
      return { type: 'param', name: tok.v };
    }
    switch (tok.v) {
      case '(': {
        const inner = this.expression();
        this.expect(')');
        return inner;
      }
      case '[': {
        const items: Expr[] = [];
        while (!this.isPunct(']')) {
          items.push(this.expression());
          if (!this.isPunct(']')) this.expect(',');
        }
        this.pos++;
        return { type: 'array', items };
      }
      case '{':
        return this.object();
      default:
        throw new Unsupported();
    }
  }

  /** Nested fields and method calls are beyond the subset. */
  private noMoreMembers(e: Expr): Expr {
    if (this.isPunct('.') || this.isPunct('[') || this.isPunct('(')) throw new Unsupported();
    return e;
  }

  private object(): Expr {
    let spread: string | null = null;
    const props: { name: string; value: Expr }[] = [];
    while (!this.isPunct('}')) {
      if (this.isPunct('...')) {
        this.pos++;
        const name = this.identifier();
        if (spread !== null || props.length > 0 || !this.params.includes(name)) {
          throw new Unsupported();
        }
        spread = name;
      } else {
        const key = this.peek();
        if (key?.t !== 'id' && key?.t !== 'str') throw new Unsupported();
        this.pos++;
        // Shorthand properties (`{ user }`) would name variables outside the subset.
        this.expect(':');
        props.push({ name: key.v, value: this.expression() });
      }
      if (!this.isPunct('}')) this.expect(',');
    }
    this.pos++;
    return { type: 'object', spread, props };
  }
}

/** The function as a tree, or null when it is beyond the subset. */
export function parseFunction(code: string): SimpleFunction | null {
  try {
    return new Parser(tokenize(code)).fn();
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** An expression over the given record names (`r.value * 2`), or null. */
export function parseExpression(code: string, params: readonly string[]): Expr | null {
  try {
    const parser = new Parser(tokenize(code), params);
    const expr = parser.expression();
    return parser.atEnd() ? expr : null;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

/** A JSON value from the document as a literal, or null when it is not a scalar. */
export function literal(value: unknown): Expr | null {
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'boolean', value };
  if (value === null) return { type: 'null' };
  return null;
}

export function kindOf(e: Expr): ValueKind {
  switch (e.type) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'unary':
      return e.op === '!' ? 'boolean' : 'number';
    case 'binary':
      if (e.op === '+') {
        const sides = [kindOf(e.left), kindOf(e.right)];
        return sides.includes('string') ? 'string' : 'number';
      }
      return ['-', '*', '/', '%'].includes(e.op) ? 'number' : 'boolean';
    case 'conditional': {
      const a = kindOf(e.then);
      return a === kindOf(e.otherwise) ? a : 'unknown';
    }
    default:
      return 'unknown';
  }
}
