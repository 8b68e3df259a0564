/** One JSON line; infinite timestamps (the final watermark) are written as strings. */
export function jsonLine(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ) + '\n'
  );
}
