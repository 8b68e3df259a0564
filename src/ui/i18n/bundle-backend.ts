/**
 * An i18next backend over the translation bundles: English is in the first load, and another
 * language's bundle (all its namespaces, one chunk) is fetched the first time i18next asks for
 * it, so a visit in English never downloads the Chinese strings. i18next switches language only
 * once the bundle is in, so the page never shows a mix.
 */
import type { BackendModule } from 'i18next';
import { en } from './bundle-en';
import type { Bundle, Language } from './languages';

const loaders: Record<Language, () => Promise<Bundle>> = {
  en: () => Promise.resolve(en),
  'zh-CN': () => import('./bundle-zh-CN').then((m) => m.zhCN),
};

const isLanguage = (language: string): language is Language => language in loaders;

export const bundleBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    if (!isLanguage(language)) {
      callback(null, {});
      return;
    }
    loaders[language]().then(
      (bundle) => callback(null, bundle[namespace] ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};
