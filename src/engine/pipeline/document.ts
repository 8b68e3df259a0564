/**
 * The pipeline document: the one model of a job. The editor writes it, the engine runs it,
 * users export and import it as a file. Versioned from the first day: bump
 * PIPELINE_VERSION only together with a migration.
 */
export const PIPELINE_VERSION = 1;

export type OperatorKind =
  | 'source.list'
  | 'source.generator'
  | 'source.script'
  | 'map'
  | 'filter'
  | 'flatMap'
  | 'keyBy'
  | 'window'
  | 'windowAll'
  | 'union'
  | 'sink';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

export interface PipelineNode {
  /** Stable identity: survives edits and is what savepoint state is matched by (Flink's uid). */
  uid: string;
  kind: OperatorKind;
  /** Human label shown on the canvas; defaults to the kind's label. */
  label?: string;
  params: Record<string, JsonValue>;
  /** Subtasks of this operator; defaults to the run configuration's parallelism. */
  parallelism?: number;
  /** Canvas position, kept here so the document is the only model. */
  position?: { x: number; y: number };
}

/** How records cross an edge between subtasks (Flink's StreamPartitioner). */
export type Partitioning = 'forward' | 'rebalance' | 'broadcast';

export interface PipelineEdge {
  id: string;
  source: string;
  /** Output port of the source node: 'out', or 'late' for a window's late-data side output. */
  sourcePort?: string;
  target: string;
  /** Defaults to forward when both ends have the same parallelism, rebalance otherwise. */
  partitioning?: Partitioning;
}

export interface PipelineDocument {
  version: typeof PIPELINE_VERSION;
  name: string;
  nodes: PipelineNode[];
  edges: PipelineEdge[];
}
