/** The toolbar's Compare button: opens compare mode over the canvas, or closes it. */
import { GitCompareArrows } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { openCompare, selectOpen, useCompare } from './compare-store';
import './compare-open.css';

export function CompareButton() {
  const { t } = useTranslation('compare');
  const open = useCompare(selectOpen);
  return (
    <button
      type="button"
      className="compare-open"
      aria-pressed={open}
      title={t('openTitle')}
      data-testid="compare-open"
      onClick={() => (open ? useCompare.getState().close() : openCompare('time'))}
    >
      <GitCompareArrows size={16} aria-hidden="true" />
      <span className="compare-open__label">{t('open')}</span>
    </button>
  );
}
