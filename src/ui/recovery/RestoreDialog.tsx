/**
 * Restoring a savepoint: the compatibility dry run first (which uids match, what state would be
 * dropped, the parallelism change and how key groups move), "allow non-restored state" as an
 * explicit choice, then the restore. A bad file's error is said in plain words, and nothing of
 * the current run or pipeline changes.
 */
import { History, LoaderCircle, X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../common/BusyIcon';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { DryRunResult, SavepointFileError } from '../../worker/recovery-types';
import { runController } from '../run';
import { recoveryEngine, restoreSavepoint } from './recovery-engine';

export interface RestoreRequest {
  name: string;
  file: Uint8Array;
}

export function RestoreDialog({
  request,
  doc,
  onClose,
}: {
  request: RestoreRequest;
  doc: PipelineDocument;
  onClose(): void;
}) {
  const { t } = useTranslation('recovery');
  const [allow, setAllow] = useState(false);
  // The dry run answers for one choice of `allow`: a stale answer is not shown.
  const [checked, setChecked] = useState<{ allow: boolean; result: DryRunResult } | null>(null);
  const dryRun = checked?.allow === allow ? checked.result : null;
  const [restoring, setRestoring] = useState(false);
  const [refused, setRefused] = useState<SavepointFileError | null>(null);

  useEffect(() => {
    let current = true;
    const parallelism = runController().store.getState().config.parallelism;
    void recoveryEngine()
      .dryRunRestore(request.file, doc, { parallelism, allowNonRestoredState: allow })
      .then((result) => {
        if (current) setChecked({ allow, result });
      });
    return () => {
      current = false;
    };
  }, [request, doc, allow]);

  const error = refused ?? (dryRun !== null && !dryRun.ok ? dryRun.error : null);
  const report = dryRun?.ok ? dryRun.report : null;
  const restore = async () => {
    setRestoring(true);
    const problem = await restoreSavepoint(doc, request.file, allow);
    setRestoring(false);
    if (problem === null) onClose();
    else setRefused(problem);
  };

  return (
    <section
      className="recovery-dialog"
      aria-label={t('restore.title', { name: request.name })}
      data-testid="restore-dialog"
    >
      <h3>{t('restore.title', { name: request.name })}</h3>
      {dryRun === null && (
        <p className="recovery-note" role="status">
          <LoaderCircle size={14} aria-hidden="true" className="spin" /> {t('restore.checking')}
        </p>
      )}
      {error !== null && (
        <p className="recovery-error" role="alert" data-testid="restore-error">
          {t('restore.badFile', { reason: t(`restore.reasons.${error.reason}`) })}
          {'\n'}
          {error.message}
        </p>
      )}
      {report !== null && (
        <>
          {report.ok ? (
            <p className="recovery-ok" data-testid="restore-match">
              {t('restore.matches')}
            </p>
          ) : (
            <p className="recovery-error" role="alert" data-testid="restore-refused">
              {t('restore.refused')}
              {'\n'}
              {report.errors.join('\n')}
            </p>
          )}
          <table className="recovery-table" data-testid="restore-report">
            <thead>
              <tr>
                <th scope="col">{t('restore.uid')}</th>
                <th scope="col">{t('restore.outcome')}</th>
                <th scope="col">{t('restore.rescale')}</th>
                <th scope="col">{t('restore.moves')}</th>
                <th scope="col">{t('restore.what')}</th>
              </tr>
            </thead>
            <tbody>
              {report.operators.map((o) => (
                <tr key={o.uid} data-outcome={o.outcome}>
                  <td>{o.uid}</td>
                  <td>
                    <span
                      className={`recovery-pill recovery-pill--${
                        o.outcome === 'restored'
                          ? 'committed'
                          : o.blocking
                            ? 'discarded'
                            : 'pending'
                      }`}
                    >
                      {t(`restore.outcomes.${o.outcome}`)}
                    </span>
                  </td>
                  <td className="recovery-num">
                    {o.rescale !== null
                      ? `${o.rescale.from} → ${o.rescale.to}`
                      : (o.job?.parallelism ?? o.savepoint?.parallelism ?? '')}
                  </td>
                  <td className="recovery-note">
                    {o.rescale?.keyGroups
                      .filter((m) => m.from !== m.to)
                      .map((m) =>
                        t('restore.move', {
                          start: m.keyGroups.start,
                          end: m.keyGroups.end,
                          from: m.from,
                          to: m.to,
                        }),
                      )
                      .join(' · ')}
                  </td>
                  <td className="recovery-text">{o.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="recovery-dialog__actions">
        <label className="recovery-check">
          <input
            type="checkbox"
            data-testid="allow-non-restored"
            checked={allow}
            onChange={(e) => setAllow(e.target.checked)}
          />
          {t('restore.allowNonRestored')}
        </label>
        <button
          type="button"
          className="recovery-button recovery-button--primary"
          data-testid="restore-confirm"
          disabled={report === null || !report.ok || restoring}
          onClick={() => void restore()}
        >
          <BusyIcon busy={restoring} icon={History} />
          {restoring ? t('restore.restoring') : t('restore.confirm')}
        </button>
        <button
          type="button"
          className="recovery-button"
          data-testid="restore-cancel"
          onClick={onClose}
        >
          <X size={14} aria-hidden="true" />
          {t('restore.cancel')}
        </button>
      </div>
    </section>
  );
}
