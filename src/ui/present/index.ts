/** Presentation mode and embed links: what the app shell and the share buttons use. */
export { Presentation } from './Presentation';
export { EmbedMenu } from './EmbedMenu';
export { openLinkedDemo } from './open-linked-demo';
export { usePresentTarget } from './use-present-target';
export {
  demoEmbedLink,
  pipelineEmbedLink,
  presentTarget,
  type PresentTarget,
} from './present-link';
