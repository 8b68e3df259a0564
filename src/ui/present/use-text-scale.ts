import { useSyncExternalStore } from 'react';

/** The editor's body text size, which the timeline's drawing is made for. */
const EDITOR_FONT_PX = 14;

/**
 * How much larger presentation mode's text is than the editor's, read from the body's font size
 * (present.css sets it per screen size), so the timeline's canvas text grows with the page's.
 */
export function useTextScale(): number {
  return useSyncExternalStore(subscribe, readScale);
}

function readScale(): number {
  const size = Number.parseFloat(getComputedStyle(document.body).fontSize);
  return Number.isFinite(size) && size > EDITOR_FONT_PX ? size / EDITOR_FONT_PX : 1;
}

/** The size changes with the screen, and when presentation mode marks <html> (after mount). */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  const marks = new MutationObserver(onChange);
  marks.observe(document.documentElement, { attributeFilter: ['data-presentation'] });
  return () => {
    window.removeEventListener('resize', onChange);
    marks.disconnect();
  };
}
