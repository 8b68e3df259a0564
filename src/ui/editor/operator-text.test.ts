import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operatorRegistry } from '../../engine/pipeline/registry';
import { resources, SUPPORTED_LANGUAGES } from '../i18n/resources';
import { categoryOrder, operatorIcons, operatorKey } from './operator-look';

const lookup = (messages: unknown, key: string) =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages);

describe('operator kinds in the editor', () => {
  for (const language of SUPPORTED_LANGUAGES) {
    it(`every registry kind and category has a label and description in ${language}`, () => {
      const editor = resources[language]?.editor;
      for (const meta of operatorRegistry.values()) {
        for (const part of ['label', 'description']) {
          const text = lookup(editor, `${operatorKey(meta.kind)}.${part}`);
          expect(typeof text === 'string' && text.trim() !== '', `${meta.kind} ${part}`).toBe(true);
        }
        expect(categoryOrder, meta.kind).toContain(meta.category);
        expect(typeof lookup(editor, `categories.${meta.category}`)).toBe('string');
      }
    });
  }

  it('every kind has an icon', () => {
    for (const kind of operatorRegistry.keys()) expect(operatorIcons[kind], kind).toBeDefined();
  });

  it('every problem code the engine can report has a headline', () => {
    // Read from the source: the main thread may not import the engine's message table.
    const source = readFileSync(
      new URL('../../engine/pipeline/problems.ts', import.meta.url),
      'utf8',
    );
    const engineCodes = [
      ...new Set([...source.matchAll(/^ {2}([EW]\d{3}): \(/gm)].map((m) => m[1])),
    ];
    expect(engineCodes.length).toBeGreaterThan(20);
    for (const language of SUPPORTED_LANGUAGES) {
      const headlines = lookup(resources[language]?.editor, 'problems.codes') as object;
      expect(Object.keys(headlines).sort(), language).toEqual([...engineCodes].sort());
    }
  });
});
