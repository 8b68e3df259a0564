/**
 * The expression subset in Flink SQL over the current view's columns: `r.value * 2` becomes
 * `` `value` * 2 ``, `r.action != 'buy'` becomes `` `action` <> 'buy' ``.
 */
import { kindOf, type Expr } from '../expression';

export class NotInSql extends Error {}

export function sqlIdent(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** `||` joins strings only: JavaScript's `+` turns numbers into text first. */
function asText(e: Expr, sql: string): string {
  return kindOf(e) === 'string' ? sql : `CAST(${sql} AS STRING)`;
}

export function sqlExpr(e: Expr): string {
  switch (e.type) {
    case 'number':
      if (!Number.isFinite(e.value)) throw new NotInSql();
      return String(e.value);
    case 'string':
      return sqlString(e.value);
    case 'boolean':
      return e.value ? 'TRUE' : 'FALSE';
    case 'null':
      return 'NULL';
    case 'field':
      return sqlIdent(e.name);
    case 'unary':
      return e.op === '!' ? `NOT (${sqlExpr(e.arg)})` : `-(${sqlExpr(e.arg)})`;
    case 'binary': {
      const left = sqlExpr(e.left);
      const right = sqlExpr(e.right);
      switch (e.op) {
        case '+':
          return [kindOf(e.left), kindOf(e.right)].includes('string')
            ? `(${asText(e.left, left)} || ${asText(e.right, right)})`
            : `(${left} + ${right})`;
        case '%':
          return `MOD(${left}, ${right})`;
        case '==':
          return `(${left} = ${right})`;
        case '!=':
          return `(${left} <> ${right})`;
        case '&&':
          return `(${left} AND ${right})`;
        case '||':
          return `(${left} OR ${right})`;
        default:
          return `(${left} ${e.op} ${right})`;
      }
    }
    case 'conditional':
      return `CASE WHEN ${sqlExpr(e.test)} THEN ${sqlExpr(e.then)} ELSE ${sqlExpr(e.otherwise)} END`;
    case 'param':
    case 'array':
    case 'object':
      throw new NotInSql();
  }
}
