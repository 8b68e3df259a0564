/**
 * What the chosen target could not express, per operator, told by reason code in the user's
 * language (the generated English is for the comments in the code).
 */
import { CircleAlert, CircleCheck } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { Unsupported } from '../../export';
import type { ExportTarget } from './use-flink-export';

export function UnsupportedList({ target, items }: { target: ExportTarget; items: Unsupported[] }) {
  const { t } = useTranslation('export');
  if (items.length === 0) {
    return (
      <p className="flink-export__complete" data-testid="export-unsupported-none">
        <CircleCheck size={14} aria-hidden="true" />
        {t(`unsupported.none.${target}`)}
      </p>
    );
  }
  return (
    <section className="flink-export__unsupported" aria-label={t(`unsupported.title.${target}`)}>
      <h3>{t(`unsupported.title.${target}`)}</h3>
      <ul data-testid="export-unsupported">
        {items.map((item, i) => (
          <li key={`${item.nodeUid}-${item.what}-${i}`}>
            <CircleAlert size={14} aria-hidden="true" />
            <code>{item.nodeUid}</code>
            <span>
              <strong>{t(`reasons.${item.reason}.what`)}</strong>
              {' · '}
              {t(`reasons.${item.reason}.why`)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
