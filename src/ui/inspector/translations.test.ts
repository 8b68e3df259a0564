/**
 * Every operator kind, parameter, help text and enum option of the registry has its words in
 * every language, so a parameter added to the engine cannot reach the form untranslated.
 */
import { describe, expect, it } from 'vitest';
import { operatorRegistry } from '../../engine/pipeline/registry';
import { resources, SUPPORTED_LANGUAGES } from '../i18n/resources';
import { kindTextKey, optionTextKeys, paramTextKeys } from './param-text';

function lookup(messages: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        typeof node === 'object' && node !== null
          ? (node as Record<string, unknown>)[part]
          : undefined,
      messages,
    );
}

/** The first of the candidate keys that has a string, as i18next resolves a key list. */
function resolve(messages: unknown, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = lookup(messages, key);
    if (typeof value === 'string') return value;
  }
  return undefined;
}

describe('inspector translations cover the operator registry', () => {
  for (const language of SUPPORTED_LANGUAGES) {
    const messages = resources[language]?.inspector;

    it(`${language}: every kind has a label and a description`, () => {
      const missing = [...operatorRegistry.keys()].flatMap((kind) =>
        (['label', 'description'] as const)
          .map((part) => kindTextKey(kind, part))
          .filter((key) => typeof lookup(messages, key) !== 'string'),
      );
      expect(missing).toEqual([]);
    });

    it(`${language}: every parameter has a label, and a help text where the registry has one`, () => {
      const missing: string[] = [];
      for (const [kind, meta] of operatorRegistry) {
        for (const spec of meta.params) {
          const parts =
            spec.help === undefined ? (['label'] as const) : (['label', 'help'] as const);
          for (const part of parts) {
            if (resolve(messages, paramTextKeys(kind, spec.name, part)) === undefined) {
              missing.push(`${kind}.${spec.name}.${part}`);
            }
          }
        }
      }
      expect(missing).toEqual([]);
    });

    it(`${language}: every enum option has a label`, () => {
      const missing: string[] = [];
      for (const [kind, meta] of operatorRegistry) {
        for (const spec of meta.params) {
          if (spec.type !== 'enum') continue;
          for (const option of spec.options) {
            if (resolve(messages, optionTextKeys(kind, spec.name, option)) === undefined) {
              missing.push(`${kind}.${spec.name}.${option}`);
            }
          }
        }
      }
      expect(missing).toEqual([]);
    });
  }

  it('words a parameter for its kind before the shared wording', () => {
    const en = resources.en?.inspector;
    expect(resolve(en, paramTextKeys('keyBy', 'field', 'label'))).toBe('Key field');
    expect(resolve(en, paramTextKeys('window', 'field', 'label'))).toBe('Field');
    expect(resolve(en, paramTextKeys('source.generator', 'count', 'label'))).toBe('Records');
    expect(resolve(en, paramTextKeys('window', 'count', 'label'))).toBe('Records per window');
  });

  it('has only parameter texts the registry still uses', () => {
    const en = resources.en?.inspector as Record<string, Record<string, unknown>>;
    const names = new Set(
      [...operatorRegistry.values()].flatMap((m) => m.params.map((s) => s.name)),
    );
    expect(Object.keys(en.params ?? {}).filter((name) => !names.has(name))).toEqual([]);
  });
});
