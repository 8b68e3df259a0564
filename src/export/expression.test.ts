import { describe, expect, it } from 'vitest';
import { kindOf, parseExpression, parseFunction } from './expression';
import { javaExpr } from './java/java-expr';
import { sqlExpr } from './sql/sql-expr';

describe('parseFunction', () => {
  it('reads arrow functions, function expressions and return blocks alike', () => {
    const body = { type: 'field', record: 'r', name: 'value' };
    expect(parseFunction('(r) => r.value')).toEqual({ params: ['r'], body });
    expect(parseFunction('r => r.value')).toEqual({ params: ['r'], body });
    expect(parseFunction('(r) => { return r.value; }')).toEqual({ params: ['r'], body });
    expect(parseFunction('function (r) { return r.value }')).toEqual({ params: ['r'], body });
    expect(parseFunction("(r) => r['value']")).toEqual({ params: ['r'], body });
  });

  it('reads object spreads and arrays of records', () => {
    expect(parseFunction('(r) => ({ ...r, value: r.value * 2 })')?.body).toMatchObject({
      type: 'object',
      spread: 'r',
      props: [{ name: 'value', value: { type: 'binary', op: '*' } }],
    });
    expect(parseFunction('(r) => [r, r]')?.body).toMatchObject({ type: 'array' });
  });

  it('gives up on anything beyond the subset', () => {
    for (const code of [
      '(r) => { while (true) {} }',
      '(r) => r.pages.map((p) => p)',
      '(r) => r.a.b',
      '(r) => Math.max(r.a, 1)',
      '(r) => other.value',
      '(r) => { const x = 1; return x; }',
      '(r) => ({ user })',
      '(r) => `${r.a}`',
      '(r) => r.value +',
    ]) {
      expect(parseFunction(code), code).toBeNull();
    }
  });

  it('treats === as == and keeps precedence', () => {
    expect(sqlExpr(parseFunction('(r) => r.a + 2 * 3 === 8 || !r.b')!.body)).toBe(
      '(((`a` + (2 * 3)) = 8) OR NOT (`b`))',
    );
  });
});

describe('translations', () => {
  const expr = (code: string) => parseExpression(code, ['r'])!;

  it('infers what an expression evaluates to', () => {
    expect(kindOf(expr("r.user + '!'"))).toBe('string');
    expect(kindOf(expr('r.value * 2'))).toBe('number');
    expect(kindOf(expr('r.value > 2 && r.ok'))).toBe('boolean');
    expect(kindOf(expr('r.value'))).toBe('unknown');
  });

  it('prints Java over the Event helpers', () => {
    expect(javaExpr(expr('r.value * 2'), 'any')).toBe('(r.num("value") * 2)');
    expect(javaExpr(expr("r.action != 'buy'"), 'bool')).toBe(
      '!Objects.equals(r.get("action"), "buy")',
    );
    expect(javaExpr(expr('r.count == 3'), 'bool')).toBe('(r.num("count") == 3)');
    expect(javaExpr(expr("r.user + '-' + r.n"), 'str')).toBe(
      '((r.str("user") + "-") + r.str("n"))',
    );
    expect(javaExpr(expr('r.a > 1 ? "big" : "small"'), 'any')).toBe(
      '((r.num("a") > 1) ? "big" : "small")',
    );
    expect(() => javaExpr(expr("'text'"), 'num')).toThrow();
  });

  it('prints SQL over the columns', () => {
    expect(sqlExpr(expr("r.action !== 'it''s'".replace("''", "\\'")))).toBe(
      "(`action` <> 'it''s')",
    );
    expect(sqlExpr(expr('r.a % 2 == 0'))).toBe('(MOD(`a`, 2) = 0)');
    expect(sqlExpr(expr('r.ok ? 1 : 0'))).toBe('CASE WHEN `ok` THEN 1 ELSE 0 END');
  });
});
