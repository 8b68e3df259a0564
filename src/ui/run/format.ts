/** Figures as the run panels show them. */

/** A processing or event time in ms: "850 ms", "12.5 s", "3:07.2", "-∞"/"+∞" at the ends. */
export function formatTime(ms: number): string {
  if (ms === -Infinity) return '−∞';
  if (ms === Infinity) return '+∞';
  const sign = ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(abs / 60_000);
  const seconds = (abs - minutes * 60_000) / 1000;
  return `${sign}${minutes}:${seconds.toFixed(1).padStart(4, '0')}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/** A count for a badge: 950, 12.3K, 1.2M. */
export function formatCount(n: number): string {
  return n < 10_000 ? String(Math.round(n)) : compact.format(n);
}

/** A speed as the control lists it: 0.1×, 1000×. */
export function formatSpeed(speed: number): string {
  return `${speed}×`;
}

/** A time to the millisecond, for a moment that matters: "850 ms", "9.999 s", "20 s". */
export function formatExactTime(ms: number): string {
  if (!Number.isFinite(ms) || Math.abs(ms) < 1000) return formatTime(ms);
  const sign = ms < 0 ? '−' : '';
  return `${sign}${String(Number((Math.abs(ms) / 1000).toFixed(3)))} s`;
}

/** A size in bytes (characters of a serialized state): "850 B", "2.1 kB", "3.4 MB". */
export function formatBytes(n: number): string {
  if (n < 1000) return `${Math.round(n)} B`;
  if (n < 1_000_000) return `${(n / 1000).toFixed(1)} kB`;
  return `${(n / 1_000_000).toFixed(1)} MB`;
}
