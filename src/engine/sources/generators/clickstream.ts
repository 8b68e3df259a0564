/** Page views of a small web shop: many views, fewer clicks, rare purchases. */
import { draw } from './hash';
import { VALUE_DRAW, type ValueMaker } from './types';

const PAGES = ['/', '/search', '/product', '/cart', '/checkout'] as const;

export function clickstreamValues(keys: number): ValueMaker {
  return (stream) => {
    const user = `user-${skewedKey(draw(stream, VALUE_DRAW), keys)}`;
    const page = PAGES[Math.floor(draw(stream, VALUE_DRAW + 1) * PAGES.length)];
    return { user, page, action: action(draw(stream, VALUE_DRAW + 2)), key: user, value: 1 };
  };
}

/**
 * Maps u in [0, 1) to a key in [0, keys) with a mild bias towards low keys (with 5 keys:
 * 31%, 22%, 18%, 16%, 14%), so keyed results are not all alike. Plain arithmetic rather
 * than Math.pow, which engines may round differently.
 */
export function skewedKey(u: number, keys: number): number {
  return Math.floor(keys * ((u + u * u) / 2));
}

function action(u: number): string {
  if (u < 0.75) return 'view';
  return u < 0.95 ? 'click' : 'purchase';
}
