/** What an embed link shows when there is nothing to present: why, and a way to the editor. */
import { useTranslation } from 'react-i18next';
import { pageBase } from './present-link';

export function PresentMissing({ message }: { message: string }) {
  const { t } = useTranslation('present');
  return (
    <div className="present present--missing" data-testid="presentation">
      <p className="present__missing" role="alert">
        {message}
      </p>
      <a className="button button--primary" href={pageBase(location.href)}>
        {t('openEditor')}
      </a>
    </div>
  );
}
