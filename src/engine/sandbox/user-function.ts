/**
 * The one place user JavaScript is compiled and called. A function is compiled once per
 * operator; a compile error or a throw names the operator, and a throw fails the job.
 */
export class UserFunctionError extends Error {
  constructor(
    readonly operatorUid: string,
    readonly phase: 'compile' | 'run',
    message: string,
  ) {
    super(
      `${phase === 'compile' ? 'Does not compile' : 'Threw'} in operator "${operatorUid}": ${message}`,
    );
    this.name = 'UserFunctionError';
  }
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Compiles `code`, which must evaluate to a function, e.g. `(r) => r.value > 0`. */
export function compileFunction<A extends unknown[], R>(
  operatorUid: string,
  code: string,
): (...args: A) => R {
  let fn: unknown;
  try {
    fn = new Function(`"use strict";\nreturn (${code}\n);`)();
  } catch (e) {
    throw new UserFunctionError(operatorUid, 'compile', messageOf(e));
  }
  if (typeof fn !== 'function') {
    throw new UserFunctionError(operatorUid, 'compile', 'the code must evaluate to a function');
  }
  return guard(operatorUid, fn as (...args: A) => R);
}

/** Compiles an expression over the record `r`, e.g. `r.value * 2`. */
export function compileExpression(
  operatorUid: string,
  expression: string,
): (r: unknown) => unknown {
  let fn: (r: unknown) => unknown;
  try {
    fn = new Function('r', `"use strict";\nreturn (${expression}\n);`) as (r: unknown) => unknown;
  } catch (e) {
    throw new UserFunctionError(operatorUid, 'compile', messageOf(e));
  }
  return guard(operatorUid, fn);
}

function guard<A extends unknown[], R>(
  operatorUid: string,
  fn: (...args: A) => R,
): (...args: A) => R {
  return (...args: A): R => {
    try {
      return fn(...args);
    } catch (e) {
      throw new UserFunctionError(operatorUid, 'run', messageOf(e));
    }
  };
}
