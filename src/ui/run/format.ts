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
