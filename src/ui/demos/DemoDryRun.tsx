import { CircleAlert, CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { DryRunResult } from '../../worker/recovery-types';

/** The restore's compatibility dry run, as the step card shows it: each uid and its outcome. */
export function DemoDryRun({ result }: { result: DryRunResult }) {
  const { t } = useTranslation('demos');
  if (!result.ok) {
    return (
      <p className="demo-dry-run demo-dry-run--refused" role="alert" data-testid="demo-dry-run">
        <CircleAlert size={14} aria-hidden="true" /> {t('dryRun.badFile')}
      </p>
    );
  }
  const { report } = result;
  return (
    <div
      className={`demo-dry-run${report.ok ? '' : ' demo-dry-run--refused'}`}
      data-testid="demo-dry-run"
      data-ok={report.ok}
    >
      <p className="demo-dry-run__verdict">
        {report.ok ? (
          <CircleCheck size={14} aria-hidden="true" />
        ) : (
          <CircleAlert size={14} aria-hidden="true" />
        )}
        {report.ok ? t('dryRun.matches') : t('dryRun.refused')}
      </p>
      <ul className="demo-dry-run__list">
        {report.operators.map((o) => (
          <li key={o.uid} data-outcome={o.outcome}>
            <code>{o.uid}</code> {t(`dryRun.outcomes.${o.outcome}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
