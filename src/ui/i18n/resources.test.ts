import { describe, expect, it } from 'vitest';
import { messageKeys, resources, SUPPORTED_LANGUAGES } from './resources';

describe('translations', () => {
  const english = resources.en ?? {};

  it('has an English file for every namespace', () => {
    expect(Object.keys(english).length).toBeGreaterThan(0);
  });

  for (const language of SUPPORTED_LANGUAGES) {
    it(`${language} has exactly the English namespaces and keys`, () => {
      const translated = resources[language] ?? {};
      expect(Object.keys(translated).sort()).toEqual(Object.keys(english).sort());
      for (const [namespace, messages] of Object.entries(english)) {
        const theirs = translated[namespace] ?? {};
        expect(messageKeys(theirs).sort(), `namespace ${namespace}`).toEqual(
          messageKeys(messages).sort(),
        );
      }
    });

    it(`${language} has no empty strings`, () => {
      for (const [namespace, messages] of Object.entries(resources[language] ?? {})) {
        const empty = messageKeys(messages).filter((key) => {
          const value = key
            .split('.')
            .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
          return typeof value !== 'string' || value.trim() === '';
        });
        expect(empty, `namespace ${namespace}`).toEqual([]);
      }
    });
  }
});
