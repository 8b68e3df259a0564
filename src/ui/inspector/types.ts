import type { JsonValue, PipelineDocument, PipelineEdge } from '../../engine/pipeline/document';
import type { Problem } from '../../engine/pipeline/problems';

/** Right-hand panel: shows the node or edge inspector for the selection, or the pipeline's own settings. */
export interface InspectorProps {
  doc: PipelineDocument;
  /** Node uids and edge ids. */
  selection: { nodes: readonly string[]; edges: readonly string[] };
  /** The whole document's problems from the validator. */
  problems: readonly Problem[];
  /** Each call is one undoable edit; `undefined` returns the parameter to its default. */
  onParamChange(nodeUid: string, param: string, value: JsonValue | undefined): void;
  /** An empty label means the kind's label; a null parallelism means the run's default. */
  onNodeChange(nodeUid: string, patch: { label?: string; parallelism?: number | null }): void;
  /** A null partitioning means the default (forward or rebalance, by parallelism). */
  onEdgeChange(edgeId: string, patch: { partitioning?: PipelineEdge['partitioning'] | null }): void;
  onPipelineChange(patch: { name?: string }): void;
}
