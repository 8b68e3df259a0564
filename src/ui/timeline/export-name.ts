/** What an exported timeline picture is called: `tidemark-timeline-<pipeline>-<view>.<format>`. */
import type { TimelineView } from './TimelineStage';

export type PictureFormat = 'svg' | 'png';

/** Longest pipeline part kept in a file name. */
const MAX_NAME = 48;

/**
 * A pipeline's name as a file name part: lower case, words joined by hyphens. Letters of any
 * script stay (a Chinese title keeps its characters); anything else separates words.
 */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
  return slug === '' ? 'pipeline' : slug;
}

export function timelineFileName(
  pipeline: string,
  view: TimelineView,
  format: PictureFormat,
): string {
  return `tidemark-timeline-${fileSlug(pipeline)}-${view}.${format}`;
}
