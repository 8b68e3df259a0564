/**
 * Presentation mode and embed links: what the app shell and the share buttons use. Only embed
 * links open presentation mode, so its view loads on first use.
 */
import { lazyPart } from '../common/lazy-part';

export const Presentation = lazyPart(
  () => import('./Presentation').then((m) => m.Presentation),
  'loading-page',
);
export { EmbedMenu } from './EmbedMenu';
export { openLinkedDemo } from './open-linked-demo';
export { usePresentTarget } from './use-present-target';
export {
  demoEmbedLink,
  pipelineEmbedLink,
  presentTarget,
  type PresentTarget,
} from './present-link';
