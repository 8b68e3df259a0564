/** The timeline's controls: which view, which operator, zoom, fit and follow, and export. */
import { Crosshair, Maximize2, ZoomIn, ZoomOut } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PictureFormat } from './export-name';
import type { TimelineOperator } from './model';
import { TimelineExportMenu } from './TimelineExportMenu';
import type { TimelineView } from './TimelineStage';

export interface ToolbarProps {
  view: TimelineView;
  onView(view: TimelineView): void;
  operators: readonly TimelineOperator[];
  operator: number;
  onOperator(operator: number): void;
  following: boolean;
  onFollow(following: boolean): void;
  onZoom(factor: number): void;
  onFit(): void;
  /** Saves the view as a picture (the Export menu); resolves to the file's name. */
  onExport?(format: PictureFormat, forSlides: boolean): Promise<string>;
  /** Nothing to export yet. */
  exportDisabled?: boolean;
}

const VIEWS: readonly TimelineView[] = ['diagram', 'lanes'];
export const ZOOM_STEP = 1.5;

export function TimelineToolbar(props: ToolbarProps) {
  const { t } = useTranslation('timeline');
  return (
    <div className="timeline-toolbar">
      <div className="timeline-toolbar__views" role="group" aria-label={t('views.label')}>
        {VIEWS.map((view) => (
          <button
            key={view}
            type="button"
            className="timeline-toolbar__view"
            aria-pressed={props.view === view}
            onClick={() => props.onView(view)}
          >
            {t(`views.${view}`)}
          </button>
        ))}
      </div>
      {props.view === 'diagram' && props.operators.length > 0 && (
        <label className="timeline-toolbar__operator">
          <span>{t('operator')}</span>
          <select
            value={props.operator}
            onChange={(event) => props.onOperator(Number(event.target.value))}
          >
            {props.operators.map((op, index) => (
              <option key={op.uid} value={index}>
                {op.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <span className="timeline-toolbar__hint">{t('hint')}</span>
      <div className="timeline-toolbar__zoom">
        <button
          type="button"
          title={t('controls.zoomOut')}
          aria-label={t('controls.zoomOut')}
          onClick={() => props.onZoom(1 / ZOOM_STEP)}
        >
          <ZoomOut size={15} aria-hidden />
        </button>
        <button
          type="button"
          title={t('controls.zoomIn')}
          aria-label={t('controls.zoomIn')}
          onClick={() => props.onZoom(ZOOM_STEP)}
        >
          <ZoomIn size={15} aria-hidden />
        </button>
        <button
          type="button"
          title={t('controls.fit')}
          aria-label={t('controls.fit')}
          data-testid="timeline-fit"
          onClick={props.onFit}
        >
          <Maximize2 size={15} aria-hidden />
        </button>
        <button
          type="button"
          className="timeline-toolbar__follow"
          aria-pressed={props.following}
          title={t('controls.follow')}
          onClick={() => props.onFollow(!props.following)}
        >
          <Crosshair size={15} aria-hidden />
          <span>{t('controls.follow')}</span>
        </button>
      </div>
      {props.onExport !== undefined && (
        <TimelineExportMenu onExport={props.onExport} disabled={props.exportDisabled ?? false} />
      )}
    </div>
  );
}
