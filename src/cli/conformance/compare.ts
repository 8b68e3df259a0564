/** Compares a run's output with a scenario's expectation, as multisets. */
import type { ExpectedResult } from './scenario';

const TOLERANCE = 1e-9;

export interface ActualResult extends Omit<ExpectedResult, 'after'> {
  after: number | 'end';
}

function matches(expected: ExpectedResult, actual: ActualResult): boolean {
  return (
    JSON.stringify(expected.key) === JSON.stringify(actual.key) &&
    expected.start === actual.start &&
    expected.end === actual.end &&
    Math.abs(expected.value - actual.value) <= TOLERANCE &&
    (expected.after === undefined || expected.after === actual.after)
  );
}

const show = (r: ExpectedResult | ActualResult) =>
  `${JSON.stringify(r.key)} [${r.start}, ${r.end}) = ${r.value}` +
  (r.after !== undefined ? ` after ${r.after}` : '');

/** What differed, in words; empty when the output is as expected. */
export function diffResults(
  expected: readonly ExpectedResult[],
  actual: readonly ActualResult[],
  ignoreAfter: boolean,
): string[] {
  const left = [...actual];
  const missing: ExpectedResult[] = [];
  for (const e of expected) {
    const want = ignoreAfter ? { ...e, after: undefined } : e;
    const i = left.findIndex((a) => matches(want, a));
    if (i >= 0) left.splice(i, 1);
    else missing.push(e);
  }
  return [...missing.map((m) => `missing ${show(m)}`), ...left.map((u) => `unexpected ${show(u)}`)];
}

export function diffLate(expected: readonly number[], actual: readonly number[]): string[] {
  const sort = (xs: readonly number[]) => [...xs].sort((a, b) => a - b).join(',');
  return sort(expected) === sort(actual)
    ? []
    : [`late [${sort(actual)}], expected [${sort(expected)}]`];
}
