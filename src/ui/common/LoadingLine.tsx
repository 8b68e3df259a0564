/**
 * What a part loaded on first use shows while its code arrives: one muted line in the style of
 * the place it fills, so the finished part replaces it without the area jumping.
 */
import { LoaderCircle } from 'lucide-react';
import { useTranslation } from 'react-i18next';

export function LoadingLine({ className = 'dock__empty' }: { className?: string }) {
  const { t } = useTranslation('common');
  return (
    <p className={className} role="status" data-testid="loading-part">
      <LoaderCircle size={16} className="spin" aria-hidden="true" />
      {t('loading')}
    </p>
  );
}
