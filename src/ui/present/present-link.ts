/**
 * Embed links: a URL fragment that opens the app in presentation mode. `#present=<demo id>`
 * opens a guided demo (with `&step=N` at its step N+1, `&lang=` in that language);
 * `#p=<pipeline>&present=1` opens a shared pipeline (`share/share-link.ts`) the same way.
 * No React: the app reads the fragment before it renders.
 */
import { SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';

export type PresentTarget =
  | { kind: 'demo'; demo: string; step: number; language: Language | null }
  /** `hash` is the share link's fragment, which `decodeShareLink` reads. */
  | { kind: 'pipeline'; hash: string; language: Language | null };

const DEMO = 'present';
const PIPELINE = 'p';
const STEP = 'step';
const LANGUAGE = 'lang';

/** What a `location.hash` asks to present, or null for the editor. */
export function presentTarget(hash: string): PresentTarget | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(DEMO);
  if (value === null) return null;
  const language = languageOf(params.get(LANGUAGE));
  if (params.get(PIPELINE)) return { kind: 'pipeline', hash, language };
  if (value === '' || value === '1') return null;
  const step = Number(params.get(STEP) ?? '0');
  return {
    kind: 'demo',
    demo: value,
    step: Number.isInteger(step) && step >= 0 ? step : 0,
    language,
  };
}

function languageOf(value: string | null): Language | null {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(value ?? '')
    ? (value as Language)
    : null;
}

/** The page's address without its fragment. */
export const pageBase = (href: string) => href.split('#')[0] ?? href;

/** A link that presents demo `demo`, from step `step` (counted from 0), in `language`. */
export function demoEmbedLink(
  base: string,
  demo: string,
  options: { language?: string; step?: number } = {},
): string {
  const params = new URLSearchParams({ [DEMO]: demo });
  if (options.step !== undefined && options.step > 0) params.set(STEP, String(options.step));
  if (options.language !== undefined) params.set(LANGUAGE, options.language);
  return `${pageBase(base)}#${params.toString()}`;
}

/** A share link (`#p=…`) made into one that presents its pipeline. */
export function pipelineEmbedLink(shareLink: string, language?: string): string {
  const params = language === undefined ? '' : `&${LANGUAGE}=${encodeURIComponent(language)}`;
  return `${shareLink}&${DEMO}=1${params}`;
}

/** The link that opens the same pipeline in the editor: the share link without the flag. */
export function editorLink(hash: string, base: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const payload = params.get(PIPELINE);
  return payload === null ? pageBase(base) : `${pageBase(base)}#${PIPELINE}=${payload}`;
}

/** HTML that embeds a link in another page, e.g. a course site or a slide. */
export function iframeSnippet(link: string, title: string): string {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<iframe src="${escape(link)}" title="${escape(title)}" width="1280" height="800" style="border:0" allow="clipboard-write"></iframe>`;
}

const EDITOR_DEMO = 'demo';

/**
 * A link that opens demo `demo` in the editor, as a project of its own, at step `step`. The
 * editor keeps the language last chosen, so the link need not carry it.
 */
export function demoEditorLink(base: string, demo: string, step = 0): string {
  const params = new URLSearchParams({ [EDITOR_DEMO]: demo });
  if (step > 0) params.set(STEP, String(step));
  return `${pageBase(base)}#${params.toString()}`;
}

/** The demo and step a `#demo=` link asks the editor to open, or null. */
export function editorDemoTarget(hash: string): { demo: string; step: number } | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const demo = params.get(EDITOR_DEMO);
  if (demo === null || demo === '') return null;
  const step = Number(params.get(STEP) ?? '0');
  return { demo, step: Number.isInteger(step) && step >= 0 ? step : 0 };
}
