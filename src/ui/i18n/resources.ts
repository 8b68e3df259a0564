/**
 * Every translation file, gathered at build time: locales/<language>/<namespace>.json.
 * Kept apart from the i18next setup so tests can compare the languages without a DOM.
 */
type Messages = { [key: string]: string | Messages };

export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const files = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });

export const resources: Record<string, Record<string, Messages>> = {};
for (const [path, messages] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (language === undefined || namespace === undefined) continue;
  (resources[language] ??= {})[namespace] = messages;
}

/** Dotted paths of every string in a namespace, e.g. "toolbar.run". */
export function messageKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : messageKeys(value, `${prefix}${key}.`),
  );
}
