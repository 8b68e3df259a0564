/**
 * The timeline's colours, read from the theme's CSS variables at draw time so both themes stay
 * finished. Keys take the category hues in turn; records without a key take `--event`.
 */
import { NO_KEY } from './model';

export interface TimelineColours {
  text: string;
  textMuted: string;
  border: string;
  surface: string;
  background: string;
  accent: string;
  event: string;
  watermark: string;
  late: string;
  /** One per key slot, in order; `event` follows them for unkeyed records. */
  keys: readonly string[];
  /** The UI's font stack, so canvas text matches the page. */
  font: string;
}

/** The key palette, in slot order: the operator category hues, which both themes define. */
export const KEY_VARIABLES = [
  '--cat-source',
  '--cat-transform',
  '--cat-sink',
  '--cat-partition',
  '--cat-window',
] as const;

/** Reads the colours through `read(variableName)`, e.g. over getComputedStyle. */
export function readColours(read: (name: string) => string): TimelineColours {
  const get = (name: string, fallback: string) => read(name).trim() || fallback;
  const text = get('--text', 'black');
  return {
    text,
    textMuted: get('--text-muted', text),
    border: get('--border', text),
    surface: get('--surface', 'white'),
    background: get('--canvas-bg', get('--surface', 'white')),
    accent: get('--accent', text),
    event: get('--event', text),
    watermark: get('--watermark', text),
    late: get('--late', text),
    keys: KEY_VARIABLES.map((name) => get(name, text)),
    font: get('--font-sans', 'sans-serif'),
  };
}

/**
 * The colour slot of a key index: keys cycle through the palette; unkeyed records get the
 * slot after it (the event colour).
 */
export function keySlot(key: number, paletteSize: number): number {
  return key === NO_KEY || paletteSize === 0 ? paletteSize : key % paletteSize;
}

/** Colour of a slot from `keySlot`. */
export function slotColour(colours: TimelineColours, slot: number): string {
  return colours.keys[slot] ?? colours.event;
}
