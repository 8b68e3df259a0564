/** The part of svgcanvas's API the timeline export uses (the package ships no types). */
declare module 'svgcanvas' {
  export interface ContextOptions {
    width: number;
    height: number;
    /** A real 2D context, for measuring text. */
    ctx?: CanvasRenderingContext2D;
  }
  /** A 2D canvas context that builds an SVG document as it is drawn on. */
  export class Context {
    constructor(options: ContextOptions);
    getSerializedSvg(fixNamedEntities?: boolean): string;
  }
}
