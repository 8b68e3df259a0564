/**
 * A scripted input's steps as the step editor shows them: each with the script's processing
 * time and watermark once it has run, counts for the inspector's summary, and the edits the
 * editor makes (add, replace, move, delete). Pure: no React.
 */
import type { JsonValue } from '../../engine/pipeline/document';
import { scriptStepKind, type ScriptStep, type ScriptStepKind } from '../../engine/pipeline/params';

export interface StepRow {
  index: number;
  /** The step's kind, or null when it is not one of the four shapes (the validator says why). */
  kind: ScriptStepKind | null;
  step: JsonValue;
  /** The script's clock after the step. */
  processingTime: number;
  /** The watermark after the step; -Infinity before the first, +Infinity after the last. */
  watermark: number;
  /**
   * For a step that adds records: how many have an event time at or before the watermark
   * they arrive under, so they are late if their window has already fired.
   */
  behind: number;
}

export interface ScriptSummary {
  records: number;
  watermarks: number;
  clockSteps: number;
}

const num = (v: JsonValue | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

export function stepRows(steps: readonly JsonValue[], tsField: string): StepRow[] {
  let processingTime = 0;
  let watermark = -Infinity;
  return steps.map((step, index) => {
    const kind = scriptStepKind(step);
    const value = kind === null ? undefined : (step as Record<string, JsonValue>)[kind];
    if (kind === 'advanceProcessingTime') processingTime += Math.max(0, num(value));
    if (kind === 'advanceWatermark') watermark = Math.max(watermark, num(value));
    if (kind === 'advanceWatermarkToInfinity') watermark = Infinity;
    const behind =
      kind === 'add' && Array.isArray(value)
        ? value.filter((r) => {
            const ts = (r as Record<string, JsonValue> | null)?.[tsField];
            return typeof ts === 'number' && ts <= watermark;
          }).length
        : 0;
    return { index, kind, step, processingTime, watermark, behind };
  });
}

/** A step's records, or none when it adds none. */
export function addedRecords(row: StepRow): Record<string, JsonValue>[] {
  if (row.kind !== 'add') return [];
  const add = (row.step as { add: JsonValue[] }).add;
  return add.filter(
    (r): r is Record<string, JsonValue> => typeof r === 'object' && r !== null && !Array.isArray(r),
  );
}

export function summarizeScript(steps: readonly JsonValue[]): ScriptSummary {
  const summary: ScriptSummary = { records: 0, watermarks: 0, clockSteps: 0 };
  for (const step of steps) {
    const kind = scriptStepKind(step);
    const value = kind === null ? undefined : (step as Record<string, JsonValue>)[kind];
    if (kind === 'add' && Array.isArray(value)) summary.records += value.length;
    if (kind === 'advanceWatermark' || kind === 'advanceWatermarkToInfinity') summary.watermarks++;
    if (kind === 'advanceProcessingTime') summary.clockSteps++;
  }
  return summary;
}

/**
 * The step the editor adds for a kind: after what is already there, so it is valid as it stands;
 * a record gets the key field the pipeline keys by.
 */
export function newStep(
  kind: ScriptStepKind,
  rows: readonly StepRow[],
  tsField: string,
  keyField = 'key',
): ScriptStep {
  const last = rows.at(-1);
  const watermark = last === undefined || last.watermark === -Infinity ? 0 : last.watermark;
  switch (kind) {
    case 'add': {
      const ts = Number.isFinite(watermark) ? watermark + 1000 : 0;
      return { add: [{ [keyField]: 'a', [tsField]: ts }] };
    }
    case 'advanceWatermark':
      return { advanceWatermark: Number.isFinite(watermark) ? watermark + 1000 : 0 };
    case 'advanceProcessingTime':
      return { advanceProcessingTime: 1000 };
    case 'advanceWatermarkToInfinity':
      return { advanceWatermarkToInfinity: true };
  }
}

export function moveStep(steps: readonly JsonValue[], index: number, by: -1 | 1): JsonValue[] {
  const to = index + by;
  if (to < 0 || to >= steps.length) return [...steps];
  const out = [...steps];
  [out[index], out[to]] = [out[to]!, out[index]!];
  return out;
}

export function replaceStep(
  steps: readonly JsonValue[],
  index: number,
  step: JsonValue,
): JsonValue[] {
  return steps.map((s, i) => (i === index ? step : s));
}

export function deleteStep(steps: readonly JsonValue[], index: number): JsonValue[] {
  return steps.filter((_, i) => i !== index);
}

/** The steps as JSON Lines: one step per line, in the shapes the document holds. */
export function formatScriptJsonl(steps: readonly JsonValue[]): string {
  return steps.map((s) => JSON.stringify(s)).join('\n') + (steps.length > 0 ? '\n' : '');
}

export type ScriptParse =
  { ok: true; steps: JsonValue[] } | { ok: false; line: number; reason: 'json' | 'shape' };

/** JSON Lines back to steps; blank lines are skipped, the first bad line is reported. */
export function parseScriptJsonl(text: string): ScriptParse {
  const steps: JsonValue[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let step: JsonValue;
    try {
      step = JSON.parse(line) as JsonValue;
    } catch {
      return { ok: false, line: i + 1, reason: 'json' };
    }
    if (scriptStepKind(step) === null) return { ok: false, line: i + 1, reason: 'shape' };
    steps.push(step);
  }
  return { ok: true, steps };
}
