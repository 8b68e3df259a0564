/** Times worded in the UI's language: axis ticks and tooltip values. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrawText } from './draw-common';
import { tickLabel, timeLabel, type TimeLabel } from './ticks';

export function useTimeText() {
  const { t } = useTranslation('timeline');
  const word = useCallback((label: TimeLabel) => t(`units.${label.unit}`, label), [t]);
  /** A time for a tooltip; ±∞ watermarks read as symbols. */
  const time = useCallback(
    (ms: number) => (Number.isFinite(ms) ? word(timeLabel(ms)) : ms > 0 ? '+∞' : '−∞'),
    [word],
  );
  const drawText = useMemo<DrawText>(
    () => ({
      processingTime: t('axis.processingTime'),
      eventTime: t('axis.eventTime'),
      ideal: t('axis.ideal'),
      now: t('axis.now'),
      failed: t('axis.failed'),
      restored: (checkpointId) =>
        checkpointId === null ? t('axis.restoredFromStart') : t('axis.restored', { checkpointId }),
      tick: (value, step) => word(tickLabel(value, step)),
    }),
    [t, word],
  );
  return { time, drawText };
}
