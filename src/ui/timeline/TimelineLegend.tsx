/** What the marks mean, for the view shown, with the keys in their colours. */
import { useTranslation } from 'react-i18next';
import { formatValue } from './format-value';
import type { Key } from '../../engine/keygroups';
import type { TimelineView } from './TimelineStage';

export interface LegendProps {
  view: TimelineView;
  keys: readonly Key[];
  paletteSize: number;
  /** Whether the run is paused at a breakpoint, whose pin the legend then explains. */
  paused: boolean;
}

/** Each mark: its swatch (a class modifier) and its words. */
const DIAGRAM_MARKS = [
  ['watermark', 'watermark'],
  ['window', 'window'],
  ['late', 'late'],
  ['dropped', 'dropped'],
  ['ideal', 'ideal'],
] as const;
const LANES_MARKS = [
  ['arrive', 'arrive'],
  ['leave', 'leave'],
  ['watermark-mark', 'watermark'],
  ['barrier', 'barrier'],
  ['firing', 'firing'],
  ['idle', 'idle'],
  ['late', 'late'],
  ['dropped', 'dropped'],
] as const;

/** Keys named in the legend; the rest are counted. */
const SHOWN_KEYS = 6;

export function TimelineLegend({ view, keys, paletteSize, paused }: LegendProps) {
  const { t } = useTranslation('timeline');
  const marks = view === 'diagram' ? DIAGRAM_MARKS : LANES_MARKS;
  return (
    <ul className="timeline-legend" aria-label={t('legend.label')}>
      {keys.length === 0 ? (
        <li>
          <i className="timeline-swatch timeline-swatch--dot timeline-key--none" />
          {t('legend.noKey')}
        </li>
      ) : (
        keys.slice(0, SHOWN_KEYS).map((key, index) => (
          <li key={index}>
            <i
              className={`timeline-swatch timeline-swatch--dot timeline-key--${index % paletteSize}`}
            />
            {formatValue(key, 16)}
          </li>
        ))
      )}
      {keys.length > SHOWN_KEYS && (
        <li className="timeline-legend__more">
          {t('legend.moreKeys', { count: keys.length - SHOWN_KEYS })}
        </li>
      )}
      <li className="timeline-legend__gap" aria-hidden />
      {marks.map(([swatch, words]) => (
        <li key={swatch}>
          <i className={`timeline-swatch timeline-swatch--${swatch}`} />
          {t(`legend.${words}`)}
        </li>
      ))}
      {paused && (
        <li>
          <i className="timeline-swatch timeline-swatch--breakpoint" />
          {t('legend.breakpoint')}
        </li>
      )}
    </ul>
  );
}
