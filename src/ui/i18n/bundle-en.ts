/** English, the fallback language: in the first load, so every string has a value at once. */
import { bundleOf, type Messages } from './languages';

export const en = bundleOf(
  import.meta.glob<Messages>('./locales/en/*.json', { eager: true, import: 'default' }),
);
