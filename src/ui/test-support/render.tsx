/**
 * Rendering components in Node for unit tests: one i18next instance per test file with the app's
 * strings (English until a test changes it), and the markup of an element rendered in it.
 */
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources } from '../i18n/resources';

export const i18n = i18next.createInstance();
// The strings are in memory, so the instance is ready as soon as this module is.
void i18n.use(initReactI18next).init({
  resources,
  lng: 'en',
  fallbackLng: 'en',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  initAsync: false,
});

const translated = (node: ReactNode) => <I18nextProvider i18n={i18n}>{node}</I18nextProvider>;

/** The element's HTML as the first render draws it. */
export function renderMarkup(node: ReactNode): string {
  return renderToStaticMarkup(translated(node));
}

/** The element's HTML once everything lazy and suspended has loaded, as a browser would show it. */
export async function prerenderMarkup(node: ReactNode): Promise<string> {
  const { prelude } = await prerender(translated(node));
  return new Response(prelude).text();
}
