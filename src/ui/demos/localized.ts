/** A demo text in the UI's language, English when the language has none. */
import type { Localized } from './demo';

export function pick(text: Localized, language: string | undefined): string {
  return language !== undefined && language in text ? text[language as keyof Localized] : text.en;
}
