/**
 * Translation setup. Strings live in locales/<language>/<namespace>.json, one namespace per UI
 * area, so each area owns its file. English is the fallback; the browser's language is the
 * default until the user picks one (remembered in localStorage).
 */
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { resources, SUPPORTED_LANGUAGES } from './resources';

export { SUPPORTED_LANGUAGES };
export type { Language } from './resources';

/** Where the user's pick of language is remembered. */
const STORED_LANGUAGE = 'tidemark.language';

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
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

document.documentElement.lang = i18n.resolvedLanguage ?? 'en';
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

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
