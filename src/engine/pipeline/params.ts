/**
 * Parameter schemas: the metadata the validator, the inspector forms and the exporters read.
 * Parameters are flat per operator kind; `when` says which ones apply given another's value.
 */
import type { JsonValue } from './document';

interface ParamBase {
  name: string;
  label: string;
  help?: string;
  /** The parameter applies only while another parameter has one of these values. */
  when?: { param: string; is: readonly JsonValue[] };
}

export type ParamSpec = ParamBase &
  (
    | { type: 'duration'; default: number | null; min?: number; nullable?: boolean }
    | { type: 'integer'; default: number | null; min?: number; max?: number; nullable?: boolean }
    | { type: 'number'; default: number; min?: number; max?: number }
    | { type: 'string'; default: string; pattern?: RegExp; nullable?: boolean }
    | { type: 'boolean'; default: boolean }
    | { type: 'enum'; default: string; options: readonly string[] }
    | { type: 'code'; default: string; signature: string }
    | { type: 'expression'; default: string }
    | { type: 'json'; default: JsonValue; nullable?: boolean }
    | { type: 'records'; default: JsonValue[] }
    /** The steps of a scripted input (see script.ts). */
    | { type: 'script'; default: JsonValue[] }
  );

/** The parameters that apply to a node given its current values (defaults filled in). */
export function applicableParams(
  specs: readonly ParamSpec[],
  values: Record<string, JsonValue>,
): ParamSpec[] {
  return specs.filter(
    (s) =>
      s.when === undefined ||
      s.when.is.includes(values[s.when.param] ?? defaultOf(specs, s.when.param)),
  );
}

function defaultOf(specs: readonly ParamSpec[], name: string): JsonValue {
  return specs.find((s) => s.name === name)?.default ?? null;
}

/** Values with every missing parameter set to its default. */
export function withDefaults(
  specs: readonly ParamSpec[],
  values: Record<string, JsonValue>,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const s of specs) out[s.name] = s.name in values ? (values[s.name] as JsonValue) : s.default;
  return out;
}

/**
 * A scripted input (Beam's TestStream): the steps of a 'script' parameter, in order. Records
 * arrive at the script's processing time, which starts at 0 and moves only by its own steps;
 * its watermark moves only by its own steps too.
 */
export type ScriptStep =
  /** Records arriving now, in list order (Beam's addElements). */
  | { add: JsonValue[] }
  /** The source emits this watermark, in event-time ms (Beam's advanceWatermarkTo). */
  | { advanceWatermark: number }
  /** The script's clock moves forward by this many ms (Beam's advanceProcessingTime). */
  | { advanceProcessingTime: number }
  /** The final watermark: nothing may follow it (Beam's advanceWatermarkToInfinity). */
  | { advanceWatermarkToInfinity: true };

export type ScriptStepKind =
  'add' | 'advanceWatermark' | 'advanceProcessingTime' | 'advanceWatermarkToInfinity';

export const scriptStepKinds: readonly ScriptStepKind[] = [
  'add',
  'advanceWatermark',
  'advanceProcessingTime',
  'advanceWatermarkToInfinity',
];

/** The step's kind, or null when it is not exactly one of the four shapes. */
export function scriptStepKind(step: unknown): ScriptStepKind | null {
  if (typeof step !== 'object' || step === null || Array.isArray(step)) return null;
  const keys = Object.keys(step);
  if (keys.length !== 1) return null;
  const kind = keys[0] as ScriptStepKind;
  if (!scriptStepKinds.includes(kind)) return null;
  const value: unknown = (step as Record<string, unknown>)[kind];
  switch (kind) {
    case 'add':
      return Array.isArray(value) ? kind : null;
    case 'advanceWatermark':
    case 'advanceProcessingTime':
      return typeof value === 'number' ? kind : null;
    case 'advanceWatermarkToInfinity':
      return value === true ? kind : null;
  }
}
