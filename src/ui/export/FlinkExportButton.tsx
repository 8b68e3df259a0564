/** The toolbar's Export to Flink button and the panel it opens. */
import { Rocket } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

// The generators, the dialog and its code view load when the panel first opens.
const FlinkExportDialog = lazy(() => import('./FlinkExportDialog'));

export function FlinkExportButton() {
  const { t } = useTranslation('export');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="icon-button"
        aria-label={t('open')}
        title={t('open')}
        aria-haspopup="dialog"
        data-testid="export-flink"
        onClick={() => setOpen(true)}
      >
        <Rocket size={16} aria-hidden="true" />
      </button>
      {open && (
        <Suspense fallback={null}>
          <FlinkExportDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
