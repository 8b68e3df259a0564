/** Simplified Chinese: its own chunk, loaded when the page is first shown in it. */
import { bundleOf, type Messages } from './languages';

export const zhCN = bundleOf(
  import.meta.glob<Messages>('./locales/zh-CN/*.json', { eager: true, import: 'default' }),
);
