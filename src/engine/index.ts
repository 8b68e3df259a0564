/**
 * The engine's public API: what the worker exposes and what the CLI, conformance runner and
 * benchmarks use. Nothing here touches the DOM, wall-clock time or Math.random.
 */
export type {
  PipelineDocument,
  PipelineNode,
  PipelineEdge,
  OperatorKind,
} from './pipeline/document';
export { PIPELINE_VERSION } from './pipeline/document';
export { operatorRegistry, operatorMeta } from './pipeline/registry';
export type { OperatorMeta } from './pipeline/registry';
export type { ParamSpec } from './pipeline/params';
export { validatePipeline, hasErrors } from './pipeline/validate';
export { parsePipeline } from './pipeline/parse';
export type { Problem } from './pipeline/problems';
export { createJob, InvalidPipelineError } from './runtime/create-job';
export { runJob } from './runtime/run-job';
export type { JobRun, RunJobOptions } from './runtime/run-job';
export type {
  Job,
  RunConfig,
  RunCondition,
  SinkResult,
  JobStatus,
  JobFailure,
  JobMetrics,
} from './runtime/job';
export type { TraceEvent, TraceOptions } from './runtime/trace';
export type { WindowResult } from './operators/window-operator';
