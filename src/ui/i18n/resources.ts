/**
 * Every translation file of every language, gathered at build time:
 * locales/<language>/<namespace>.json. For tests (they compare the languages and render in
 * either without a DOM); the app loads a language's bundle when it is shown (`bundle-backend.ts`).
 */
import { en } from './bundle-en';
import { zhCN } from './bundle-zh-CN';
import type { Bundle, Messages } from './languages';

export { SUPPORTED_LANGUAGES, type Language } from './languages';

export const resources: Record<string, Bundle> = { en, 'zh-CN': zhCN };

/** Dotted paths of every string in a namespace, e.g. "toolbar.run". */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : messageKeys(value, `${prefix}${key}.`),
  );
}
