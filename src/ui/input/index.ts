import { lazyPart } from '../common/lazy-part';

/** The Input tab, loaded when first opened: its lanes, popovers and step editors. */
export const InputPanel = lazyPart(() => import('./InputPanel').then((m) => m.InputPanel));
