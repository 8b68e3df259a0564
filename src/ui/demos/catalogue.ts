/** Every demo in `demos/`, gathered at build time, in gallery order. */
import type { Demo } from './demo';

const files = import.meta.glob<Demo>('../../../demos/*.json', { eager: true, import: 'default' });

export const demos: readonly Demo[] = Object.values(files).sort((a, b) => a.order - b.order);

export function demoById(id: string): Demo | undefined {
  return demos.find((d) => d.id === id);
}
