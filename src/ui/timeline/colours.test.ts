import { describe, expect, it } from 'vitest';
import { KEY_VARIABLES, keySlot, readColours, slotColour } from './colours';
import { NO_KEY } from './model';

describe('colours', () => {
  it('reads the theme variables, trimmed, with the keys in palette order', () => {
    const values: Record<string, string> = {
      '--text': ' #111 ',
      '--late': '#c00',
      '--cat-sink': '#0a0',
    };
    const colours = readColours((name) => values[name] ?? '');
    expect(colours.text).toBe('#111');
    expect(colours.late).toBe('#c00');
    // Missing variables fall back to the text colour, never to nothing.
    expect(colours.watermark).toBe('#111');
    expect(colours.keys).toHaveLength(KEY_VARIABLES.length);
    expect(colours.keys[KEY_VARIABLES.indexOf('--cat-sink')]).toBe('#0a0');
  });

  it('cycles keys through the palette; unkeyed records take the event colour', () => {
    expect(keySlot(0, 5)).toBe(0);
    expect(keySlot(7, 5)).toBe(2);
    expect(keySlot(NO_KEY, 5)).toBe(5);
    const colours = readColours((name) => (name === '--event' ? 'teal' : name));
    expect(slotColour(colours, 5)).toBe('teal');
    expect(slotColour(colours, 1)).toBe('--cat-transform');
  });
});
