/** What a first-time visitor sees: a small, complete pipeline that runs as it is. */
import type { PipelineDocument } from '../../../engine/pipeline/document';
import example from '../../../../examples/clickstream-tumbling.json';

// JSON imports type as wide literals; the example is checked by the engine's own tests.
const starter = example as unknown as PipelineDocument;

export function starterPipeline(name: string): PipelineDocument {
  return { ...structuredClone(starter), name };
}
