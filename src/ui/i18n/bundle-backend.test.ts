import type { ReadCallback } from 'i18next';
import { describe, expect, it } from 'vitest';
import { bundleBackend } from './bundle-backend';

/** What the backend hands i18next for one language and namespace. */
function read(language: string, namespace: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const callback: ReadCallback = (error, data) => (error ? reject(error) : resolve(data));
    bundleBackend.read(language, namespace, callback);
  });
}

describe('bundleBackend', () => {
  it('hands over a namespace of a language loaded on demand', async () => {
    const common = (await read('zh-CN', 'common')) as Record<string, unknown>;
    expect(common.loading).toBe('正在加载…');
    expect((await read('zh-CN', 'run')) as object).toHaveProperty('metrics');
  });

  it('hands over English from the first load', async () => {
    expect(((await read('en', 'common')) as Record<string, unknown>).loading).toBe('Loading…');
  });

  it('has nothing for a language or namespace it does not know', async () => {
    expect(await read('fr', 'common')).toEqual({});
    expect(await read('zh-CN', 'no-such-area')).toEqual({});
  });
});
