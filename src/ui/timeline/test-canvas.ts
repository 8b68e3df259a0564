/**
 * A canvas for drawing tests: a 2D context that records what paints, and the colours and words
 * the drawing code is given. Only tests import it.
 */
import { readColours } from './colours';
import type { DrawText } from './draw-common';

type Paint = {
  call: string;
  style: string;
  text?: string;
  args: number[];
  transform: number[];
};

/** A 2D context that records what paints, with its style and the transform in effect. */
export function recordingContext() {
  const paints: Paint[] = [];
  const transforms: number[][] = [];
  const state: Record<string, unknown> = { fillStyle: '', strokeStyle: '', font: '' };
  let transform = [1, 0, 0, 1, 0, 0];
  const paint =
    (call: string) =>
    (...args: unknown[]) =>
      paints.push({
        call,
        style: String(call === 'stroke' ? state.strokeStyle : state.fillStyle),
        ...(call === 'fillText' ? { text: String(args[0]) } : {}),
        args: args.filter((a): a is number => typeof a === 'number'),
        transform,
      });
  const methods: Record<string, unknown> = {
    fill: paint('fill'),
    stroke: paint('stroke'),
    fillText: paint('fillText'),
    fillRect: paint('fillRect'),
    clearRect: paint('clearRect'),
    setTransform: (...m: number[]) => {
      transform = m;
      transforms.push(m);
    },
    measureText: (text: string) => ({ width: text.length * 6 }),
  };
  const ctx = new Proxy(state, {
    get: (target, name: string) => methods[name] ?? (name in target ? target[name] : () => {}),
    set: (target, name: string, value) => {
      target[name] = value;
      return true;
    },
  });
  return { ctx: ctx as unknown as CanvasRenderingContext2D, paints, transforms };
}

/** Each theme colour as a plain word, so a test can say which colour painted. */
const palette: Record<string, string> = {
  '--cat-source': 'blue',
  '--cat-transform': 'purple',
  '--cat-sink': 'green',
  '--cat-partition': 'amber',
  '--cat-window': 'teal',
  '--event': 'event',
  '--watermark': 'orange',
  '--late': 'red',
  '--accent': 'accent',
  '--text': 'ink',
  '--text-muted': 'grey',
  '--border': 'line',
  '--surface': 'paper',
};
export const colours = readColours((name) => palette[name] ?? '');

export const text: DrawText = {
  processingTime: 'Processing time',
  eventTime: 'Event time',
  ideal: 'ideal',
  now: 'now',
  failed: 'failed',
  restored: (id) => `restored from ${id}`,
  tick: (value) => String(value),
};
