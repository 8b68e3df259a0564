/** Figures as the report prints them, and verdicts against targets. */
import type { Verdict } from './protocol';

const MB = 1024 * 1024;

export const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;

export const kb = (bytes: number): string =>
  bytes < MB ? `${(bytes / 1024).toFixed(1)} KB` : mb(bytes);

export const ms = (millis: number): string =>
  millis < 10 ? `${millis.toFixed(2)} ms` : `${Math.round(millis)} ms`;

export const perSecond = (records: number, millis: number): string =>
  `${Math.round(records / (millis / 1000)).toLocaleString('en-US')} rec/s`;

export const count = (n: number): string => n.toLocaleString('en-US');

export const verdict = (ok: boolean): Verdict => (ok ? 'PASS' : 'BELOW');

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
