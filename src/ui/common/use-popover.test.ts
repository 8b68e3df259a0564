import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { besideButton } from './use-popover';

/** A button whose box spans `top`..`bottom` with its right edge at 900, in a 1000×800 window. */
const button = (top: number, bottom: number) =>
  ({ getBoundingClientRect: () => ({ top, bottom, right: 900 }) }) as HTMLElement;

describe('besideButton', () => {
  beforeEach(() => vi.stubGlobal('window', { innerWidth: 1000, innerHeight: 800 }));
  afterEach(() => vi.unstubAllGlobals());

  it('opens below a button high on the page, right edges lined up', () => {
    expect(besideButton()(button(100, 130))).toEqual({ right: 100, top: 136 });
  });

  it('opens above a button low on the page', () => {
    expect(besideButton()(button(600, 630))).toEqual({ right: 100, bottom: 206 });
  });

  it('stays below until the room above is larger by more than the bias', () => {
    // 420 px above, 350 px below: above without a bias, below with one of 120.
    expect(besideButton()(button(420, 450))).toEqual({ right: 100, bottom: 386 });
    expect(besideButton(120)(button(420, 450))).toEqual({ right: 100, top: 456 });
  });
});
