// The test project takes only test files, so the declaration is referenced where it is used.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./svgcanvas.d.ts" />
/**
 * Saving the timeline's current view as a file: a PNG at twice the pixel density, or an SVG
 * drawn by the same calls through svgcanvas (a 2D context that writes SVG), which loads only
 * when first asked for. "For slides" draws on the light theme's colours, larger.
 */
import { readColours, type TimelineColours } from './colours';
import { saveFile } from '../common/save-file';
import { drawPicture, planPicture, type TimelinePicture } from './export-picture';
import { timelineFileName, type PictureFormat } from './export-name';

/** Pixels per CSS pixel of an exported PNG. */
export const PNG_DENSITY = 2;
/** How much larger marks and text are drawn for slides, and the slide's shape. */
export const SLIDE_SCALE = 1.5;
export const SLIDE_ASPECT = 16 / 9;

export interface ExportRequest {
  format: PictureFormat;
  forSlides: boolean;
  /** The pipeline's name, for the file's. */
  pipeline: string;
}

/** Draws and downloads the picture; resolves to the file's name. */
export async function exportTimeline(
  picture: TimelinePicture,
  request: ExportRequest,
): Promise<string> {
  const shown = request.forSlides
    ? { ...picture, colours: lightColours(), scale: SLIDE_SCALE, aspect: SLIDE_ASPECT }
    : picture;
  const blob = request.format === 'png' ? await renderPng(shown) : await renderSvg(shown);
  const name = timelineFileName(request.pipeline, picture.view, request.format);
  saveFile(name, blob);
  return name;
}

async function renderPng(picture: TimelinePicture): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const plan = planPicture(picture, context(canvas));
  canvas.width = plan.width * PNG_DENSITY;
  canvas.height = plan.height * PNG_DENSITY;
  drawPicture(context(canvas), picture, plan, PNG_DENSITY);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob === null ? reject(new Error('The PNG could not be encoded')) : resolve(blob)),
      'image/png',
    ),
  );
}

async function renderSvg(picture: TimelinePicture): Promise<Blob> {
  const { Context } = await import('svgcanvas');
  const measure = context(document.createElement('canvas'));
  const plan = planPicture(picture, measure);
  const svg = new Context({ width: plan.width, height: plan.height, ctx: measure });
  drawPicture(svg as unknown as CanvasRenderingContext2D, picture, plan, 1);
  return new Blob([svg.getSerializedSvg(true)], { type: 'image/svg+xml' });
}

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw on a canvas');
  return ctx;
}

/**
 * The light theme's colours whatever the page shows: <html> is switched to it just long
 * enough to read the variables, within one task, so nothing repaints in between.
 */
function lightColours(): TimelineColours {
  const root = document.documentElement;
  const picked = root.dataset.theme;
  root.dataset.theme = 'light';
  const style = getComputedStyle(root);
  const colours = readColours((name) => style.getPropertyValue(name));
  if (picked === undefined) delete root.dataset.theme;
  else root.dataset.theme = picked;
  return colours;
}
