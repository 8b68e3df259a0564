/** The engine's front door: validate a pipeline document, then build its job. */
import type { PipelineDocument } from '../pipeline/document';
import type { Problem } from '../pipeline/problems';
import { hasErrors, validatePipeline } from '../pipeline/validate';
import { Job } from './job';
import type { RunConfig } from './job';

export class InvalidPipelineError extends Error {
  constructor(readonly problems: Problem[]) {
    super(
      `The pipeline has ${problems.length} error(s):\n` +
        problems.map((p) => `  ${p.code}: ${p.message}`).join('\n'),
    );
    this.name = 'InvalidPipelineError';
  }
}

export function createJob(doc: PipelineDocument, config: RunConfig): Job {
  const problems = validatePipeline(doc);
  if (hasErrors(problems)) {
    throw new InvalidPipelineError(problems.filter((p) => p.severity === 'error'));
  }
  if (!Number.isInteger(config.parallelism) || config.parallelism < 1) {
    throw new RangeError(`Parallelism must be a positive integer, got ${config.parallelism}`);
  }
  return new Job(doc, config);
}
