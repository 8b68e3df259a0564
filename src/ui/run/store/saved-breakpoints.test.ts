import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RUN_CONFIG } from '../config';
import { createRunStore } from './run-store';
import { loadBreakpoints } from './saved-breakpoints';

/** A localStorage of a Map, as the browser's would keep it across a reload. */
function stubStorage(): Map<string, string> {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
  return items;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('saved breakpoints', () => {
  it('survive a reload: a new store starts with what the last one set', () => {
    stubStorage();
    const before = createRunStore();
    const breakpoints = { ...DEFAULT_RUN_CONFIG.breakpoints, lateRecord: true, operatorUid: 'w' };
    before.getState().setConfig({ breakpoints });
    before.getState().setConfig({ seed: 4 });
    expect(createRunStore().getState().config.breakpoints).toEqual(breakpoints);
  });

  it('are none when nothing, or nothing readable, was kept', () => {
    expect(loadBreakpoints()).toEqual(DEFAULT_RUN_CONFIG.breakpoints);
    stubStorage().set('tidemark.breakpoints', '{not json');
    expect(loadBreakpoints()).toEqual(DEFAULT_RUN_CONFIG.breakpoints);
    stubStorage().set(
      'tidemark.breakpoints',
      JSON.stringify({ windowFires: 'yes', lateRecord: true }),
    );
    expect(loadBreakpoints()).toEqual({ ...DEFAULT_RUN_CONFIG.breakpoints, lateRecord: true });
  });
});
