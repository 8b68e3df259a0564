/** The Export menu's action: the view on screen now, drawn into a file. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Key } from '../../engine/keygroups';
import type { Camera } from './camera';
import type { TimelineColours } from './colours';
import type { DrawText } from './draw-common';
import type { PictureFormat } from './export-name';
import { legendEntries } from './export-picture';
import type { TimelineModel } from './model';
import type { TimelineView } from './TimelineStage';

export interface ExportSource {
  model: TimelineModel;
  camera: Camera;
  view: TimelineView;
  operator: number;
  /** The stage's size in CSS pixels. */
  size: { width: number; height: number };
  colours: TimelineColours;
  text: DrawText;
  keys: readonly Key[];
  /** The pipeline's name, for the picture's title and file name. */
  name: string;
}

export function useTimelineExport(source: ExportSource) {
  const { t } = useTranslation('timeline');
  const { model, camera, view, operator, size, colours, text, keys, name } = source;
  return useCallback(
    async (format: PictureFormat, forSlides: boolean) => {
      // The drawing code and svgcanvas load with the first export, not with the app.
      const { exportTimeline } = await import('./export-timeline');
      const subject =
        view === 'diagram'
          ? t('export.subject.diagram', { operator: model.operators[operator]?.label ?? '' })
          : t('export.subject.lanes');
      return exportTimeline(
        {
          model,
          view,
          operator,
          viewport: camera.viewport,
          size,
          colours,
          text,
          title: name === '' ? subject : `${name} — ${subject}`,
          legend: legendEntries(
            view,
            keys,
            colours.keys.length,
            (key, values) => t(key, values),
            model.breakpoint !== null,
          ),
          scale: 1,
        },
        { format, forSlides, pipeline: name },
      );
    },
    [t, model, camera, view, operator, size, colours, text, keys, name],
  );
}
