/** Compare mode: the toolbar button, the view over the canvas, and the way in for demos. */
export { CompareButton } from './CompareButton';
export { CompareView } from './compare-view-lazy';
export { openCompare, useCompareOpen } from './compare-store';
export type { CompareKind } from './variants';
export { compareTestApi, type CompareTestApi } from './test-api';
