/**
 * A run's results as files: CSV (one row per result, windows split into their fields) and
 * JSON (the results as the engine's CLI prints them, infinite times as text).
 */
import type { WindowResult } from '../../engine/operators/window-operator';
import type { SinkResult } from '../../engine/runtime/job';
import type { SideOutputRecord } from '../../worker/trace-batch';
import { saveFile } from '../common/save-file';

export function isWindowResult(value: unknown): value is WindowResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'key' in value &&
    'start' in value &&
    'end' in value &&
    'value' in value
  );
}

/** A value as text in a table or a CSV cell: strings as they are, everything else as JSON. */
export function showValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

function csvCell(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CSV_COLUMNS = [
  'sink',
  'subtask',
  'key',
  'window_start',
  'window_end',
  'value',
  'timestamp',
  'processing_time',
];

export function resultsToCsv(results: readonly SinkResult[]): string {
  const rows = results.map((r) => {
    const w = isWindowResult(r.value) ? r.value : null;
    return [
      r.sink,
      String(r.subtask),
      w ? showValue(w.key) : '',
      w && w.start !== null ? String(w.start) : '',
      w && w.end !== null ? String(w.end) : '',
      showValue(w ? w.value : r.value),
      String(r.timestamp),
      String(r.processingTime),
    ];
  });
  return [CSV_COLUMNS, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** JSON with infinite numbers (the final watermark's timestamps) written as text. */
export function resultsToJson(
  results: readonly SinkResult[],
  lateSideOutput: readonly SideOutputRecord[],
): string {
  return (
    JSON.stringify({ results, lateSideOutput }, (_k, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v,
    ) + '\n'
  );
}

/** Offers `text` as a file download. */
export function downloadText(text: string, file: string, type: string): void {
  saveFile(file, new Blob([text], { type }));
}
