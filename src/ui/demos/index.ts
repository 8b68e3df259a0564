/** Guided demos: the gallery, the step player and its highlight ring. */
import './demos.css';

export { DemoGallery } from './DemoGallery';
export { DemoStepCard } from './DemoStepCard';
export { useDemoPlayer, type DemoPlayer } from './use-demo-player';
export { useDemos } from './demo-store';
export type { DemoHost } from './drive';
export { demos } from './catalogue';
