/**
 * Linear maps between time (milliseconds) and pixels. The diagram's y scale runs upwards, so
 * its pixel range is given bottom to top.
 */
export interface Scale {
  /** Domain value at the start and end of the range. */
  readonly from: number;
  readonly to: number;
  toPixel(value: number): number;
  toValue(pixel: number): number;
}

export function linearScale(from: number, to: number, pixelFrom: number, pixelTo: number): Scale {
  const span = to - from;
  const k = span === 0 ? 0 : (pixelTo - pixelFrom) / span;
  return {
    from,
    to,
    toPixel: (value) => pixelFrom + (value - from) * k,
    toValue: (pixel) => (k === 0 ? from : from + (pixel - pixelFrom) / k),
  };
}
