import type { JsonValue, OperatorKind } from '../../engine/pipeline/document';
import type { ParamSpec } from '../../engine/pipeline/params';
import type { Problem } from '../../engine/pipeline/problems';

/** What every parameter field gets from the node form. */
export interface ParamFieldProps<S extends ParamSpec = ParamSpec> {
  kind: OperatorKind;
  spec: S;
  /** The node's value, or the default when it has none. */
  value: JsonValue;
  /** Whether the node sets the value itself (then it can be reset to the default). */
  isSet: boolean;
  problems: readonly Problem[];
  onCommit(value: JsonValue): void;
  onReset(): void;
}

/** The translated texts of a parameter. */
export interface ParamText {
  label: string;
  help?: string;
  /** What an empty nullable field means ("Never", "Endless"). */
  empty: string;
  /** The default value as a reader would say it, for the reset button. */
  defaultText: string;
}
