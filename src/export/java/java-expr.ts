/**
 * The expression subset in Java over the generated `Event` record class: `r.value * 2`
 * becomes `r.num("value") * 2`, `r.action != 'buy'` becomes `!Objects.equals(r.get("action"), "buy")`.
 */
import { kindOf, type Expr } from '../expression';

/** What the Java context needs: a double, a boolean, a String, or any object. */
export type JavaWant = 'num' | 'bool' | 'str' | 'any';

export class NotInJava extends Error {}

export function javaString(s: string): string {
  // JSON string escapes are valid Java string escapes.
  return JSON.stringify(s);
}

function javaNumber(n: number): string {
  if (!Number.isFinite(n)) throw new NotInJava();
  return Number.isInteger(n) && Math.abs(n) < 2 ** 31 ? String(n) : `${n}d`;
}

export function javaExpr(e: Expr, want: JavaWant): string {
  switch (e.type) {
    case 'number':
      if (want === 'bool') throw new NotInJava();
      return want === 'str' ? javaString(String(e.value)) : javaNumber(e.value);
    case 'string':
      if (want === 'num' || want === 'bool') throw new NotInJava();
      return javaString(e.value);
    case 'boolean':
      if (want === 'num') throw new NotInJava();
      return want === 'str' ? javaString(String(e.value)) : String(e.value);
    case 'null':
      if (want !== 'any') throw new NotInJava();
      return 'null';
    case 'param':
      if (want !== 'any') throw new NotInJava();
      return e.name;
    case 'field': {
      const getter = { num: 'num', bool: 'bool', str: 'str', any: 'get' }[want];
      return `${e.record}.${getter}(${javaString(e.name)})`;
    }
    case 'unary':
      return e.op === '!'
        ? `!${wrap(javaExpr(e.arg, 'bool'))}`
        : convert(`-${wrap(javaExpr(e.arg, 'num'))}`, 'number', want);
    case 'binary':
      return binary(e.op, e.left, e.right, want);
    case 'conditional':
      return `(${javaExpr(e.test, 'bool')} ? ${javaExpr(e.then, want)} : ${javaExpr(e.otherwise, want)})`;
    case 'object': {
      const base = e.spread === null ? 'Event.empty()' : e.spread;
      return e.props.reduce(
        (acc, p) => `${acc}.with(${javaString(p.name)}, ${javaExpr(p.value, 'any')})`,
        base,
      );
    }
    case 'array':
      throw new NotInJava();
  }
}

function binary(op: string, left: Expr, right: Expr, want: JavaWant): string {
  const kinds = [kindOf(left), kindOf(right)];
  switch (op) {
    case '+':
      if (kinds.includes('string')) {
        return convert(`(${javaExpr(left, 'str')} + ${javaExpr(right, 'str')})`, 'string', want);
      }
      return convert(`(${javaExpr(left, 'num')} + ${javaExpr(right, 'num')})`, 'number', want);
    case '-':
    case '*':
    case '/':
    case '%':
      return convert(`(${javaExpr(left, 'num')} ${op} ${javaExpr(right, 'num')})`, 'number', want);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return convert(`(${javaExpr(left, 'num')} ${op} ${javaExpr(right, 'num')})`, 'boolean', want);
    case '==':
    case '!=': {
      const side = kinds.includes('number') ? 'num' : kinds.includes('boolean') ? 'bool' : null;
      if (side !== null) {
        return convert(`(${javaExpr(left, side)} ${op} ${javaExpr(right, side)})`, 'boolean', want);
      }
      const equals = `Objects.equals(${javaExpr(left, 'any')}, ${javaExpr(right, 'any')})`;
      return convert(op === '==' ? equals : `!${equals}`, 'boolean', want);
    }
    case '&&':
    case '||':
      return convert(
        `(${javaExpr(left, 'bool')} ${op} ${javaExpr(right, 'bool')})`,
        'boolean',
        want,
      );
    default:
      throw new NotInJava();
  }
}

/** A typed Java value where the context wants another type. */
function convert(code: string, kind: 'number' | 'string' | 'boolean', want: JavaWant): string {
  if (want === 'any') return code;
  if (want === 'str') return kind === 'string' ? code : `String.valueOf(${code})`;
  if ((want === 'num') !== (kind === 'number') || (want === 'bool') !== (kind === 'boolean')) {
    throw new NotInJava();
  }
  return code;
}

function wrap(code: string): string {
  return /^[\w.]+(\([^()]*\))?$/.test(code) || code.startsWith('(') ? code : `(${code})`;
}
