/**
 * Translation setup. Strings live in locales/<language>/<namespace>.json, one namespace per UI
 * area, so each area owns its file. English is the fallback and in the first load; another
 * language loads when first shown (`bundle-backend.ts`). The browser's language is the default
 * until the user picks one (remembered in localStorage).
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { bundleBackend } from './bundle-backend';
import { en } from './bundle-en';
import { SUPPORTED_LANGUAGES } from './languages';

export { SUPPORTED_LANGUAGES };
export type { Language } from './languages';

/** Where the user's pick of language is remembered. */
const STORED_LANGUAGE = 'tidemark.language';

void i18n
  .use(LanguageDetector)
  .use(bundleBackend)
  .use(initReactI18next)
  .init({
    // English is bundled; the backend fetches the rest (every namespace at once).
    resources: { en },
    partialBundledLanguages: true,
    ns: Object.keys(en),
    supportedLngs: SUPPORTED_LANGUAGES,
    fallbackLng: 'en',
    // 'zh' and 'zh-Hans' from the browser both mean Simplified Chinese here.
    nonExplicitSupportedLngs: false,
    load: 'currentOnly',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    detection: {
      order: ['querystring', 'localStorage', 'navigator'],
      lookupQuerystring: 'lang',
      lookupLocalStorage: STORED_LANGUAGE,
      caches: ['localStorage'],
      convertDetectedLanguage: (lng: string) =>
        lng.toLowerCase().startsWith('zh') ? 'zh-CN' : lng,
    },
    returnNull: false,
  });

// Until the app has rendered; `DocumentLanguage` keeps it true from then on.
document.documentElement.lang = i18n.resolvedLanguage ?? 'en';

/**
 * Shows the page in `language` without remembering it as the user's pick: an embed link's
 * language is for that visit, not for the person's editor.
 */
export async function showInLanguage(language: string): Promise<void> {
  const stored = localStorage.getItem(STORED_LANGUAGE);
  await i18n.changeLanguage(language);
  if (stored === null) localStorage.removeItem(STORED_LANGUAGE);
  else localStorage.setItem(STORED_LANGUAGE, stored);
}

export default i18n;
