/**
 * The languages the UI speaks and the shape of their strings: one `Messages` tree per namespace
 * (one file per UI area), gathered from `locales/<language>/<namespace>.json`.
 */
export type Messages = { [key: string]: string | Messages };

/** A language's strings, by namespace. */
export type Bundle = Record<string, Messages>;

export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The files of an `import.meta.glob` over `locales/<language>/*.json`, by namespace. */
export function bundleOf(files: Record<string, Messages>): Bundle {
  const bundle: Bundle = {};
  for (const [path, messages] of Object.entries(files)) {
    const namespace = /([^/]+)\.json$/.exec(path)?.[1];
    if (namespace !== undefined) bundle[namespace] = messages;
  }
  return bundle;
}
