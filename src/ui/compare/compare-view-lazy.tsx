/**
 * The compare view as the editor places it: nothing while compare mode is closed, and the
 * view, its runner and its timelines loaded the first time it opens.
 */
import type { PipelineDocument } from '../../engine/pipeline/document';
import { lazyPart } from '../common/lazy-part';
import { useCompareOpen } from './compare-store';

const LoadedCompareView = lazyPart(
  () => import('./CompareView').then((m) => m.CompareView),
  'compare-loading',
);

export function CompareView({ doc }: { doc: PipelineDocument }) {
  return useCompareOpen() ? <LoadedCompareView doc={doc} /> : null;
}
