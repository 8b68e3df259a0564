/**
 * Keeps `<html lang>` on the language the page shows. A language's strings may load after it is
 * picked, so `lang` changes once the page has re-rendered in it, never before: anything that
 * waits for `lang` finds the page's text in that language.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function DocumentLanguage() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return null;
}
