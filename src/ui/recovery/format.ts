/** How the recovery panels write sizes and durations. */

const UNITS = ['B', 'KB', 'MB', 'GB'] as const;

/** Bytes as Flink's web UI shows state sizes: 1 decimal from KB up. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** A real-time duration in ms; null when it was not measured. */
export function formatDuration(ms: number | null): string {
  if (ms === null) return '–';
  if (ms < 1) return '<1 ms';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A ratio 0..1 as a percentage; null (nothing read yet) as a dash. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${(rate * 100).toFixed(1)}%`;
}
