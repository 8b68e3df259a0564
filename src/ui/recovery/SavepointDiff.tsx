/**
 * Savepoint diff: two kept savepoints, or one and the paused run's live state, compared per
 * operator: keys added, removed and changed.
 */
import { GitCompare } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../common/BusyIcon';
import type { DiffResult, KeyDiff } from '../../worker/recovery-types';
import { showValue } from '../run';
import { recoveryEngine } from './recovery-engine';
import type { SavepointSummary } from './savepoint-store';
import { savepointStore } from './savepoint-list';

/** The "after" side's value for the live state. */
const LIVE = 'live';
/** Keys listed per kind; the counts cover them all. */
const LISTED = 8;

export function SavepointDiff({
  savepoints,
  liveAvailable,
}: {
  savepoints: SavepointSummary[];
  liveAvailable: boolean;
}) {
  const { t } = useTranslation('recovery');
  const [before, setBefore] = useState('');
  const [after, setAfter] = useState(LIVE);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DiffResult | null>(null);
  const a = before || savepoints[0]?.id || '';
  const b = after === LIVE && !liveAvailable ? (savepoints[1]?.id ?? '') : after;

  const compare = async () => {
    setBusy(true);
    try {
      const first = await savepointStore.file(a);
      if (first === null) return;
      if (b === LIVE) {
        setResult(await recoveryEngine().diffWithLive(first));
      } else {
        const second = await savepointStore.file(b);
        if (second !== null) setResult(await recoveryEngine().diffSavepoints(first, second));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setResult({ ok: false, error: { reason: 'damaged', message } });
    } finally {
      setBusy(false);
    }
  };

  const option = (s: SavepointSummary) => (
    <option key={s.id} value={s.id}>
      {s.pipeline} · #{s.checkpointId}
    </option>
  );
  return (
    <section className="recovery-section" aria-label={t('diff.title')}>
      <h3>{t('diff.title')}</h3>
      <div className="recovery-toolbar">
        <label className="setting recovery-field">
          <span>{t('diff.before')}</span>
          <select data-testid="diff-before" value={a} onChange={(e) => setBefore(e.target.value)}>
            {savepoints.map(option)}
          </select>
        </label>
        <label className="setting recovery-field">
          <span>{t('diff.after')}</span>
          <select data-testid="diff-after" value={b} onChange={(e) => setAfter(e.target.value)}>
            {liveAvailable && <option value={LIVE}>{t('diff.live')}</option>}
            {savepoints.map(option)}
          </select>
        </label>
        <button
          type="button"
          className="recovery-button"
          data-testid="diff-compare"
          disabled={busy || a === '' || b === ''}
          onClick={() => void compare()}
        >
          <BusyIcon busy={busy} icon={GitCompare} />
          {t('diff.compare')}
        </button>
      </div>
      {result !== null && !result.ok && (
        <p className="recovery-error" role="alert">
          {result.error.message}
        </p>
      )}
      {result?.ok === true &&
        (result.diff.operators.length === 0 ? (
          <p className="dock__empty">{t('diff.none')}</p>
        ) : (
          <table className="recovery-table" data-testid="diff-table">
            <thead>
              <tr>
                <th scope="col">{t('checkpoints.operator')}</th>
                <th scope="col" className="recovery-num">
                  {t('diff.added')}
                </th>
                <th scope="col" className="recovery-num">
                  {t('diff.removed')}
                </th>
                <th scope="col" className="recovery-num">
                  {t('diff.changed')}
                </th>
                <th scope="col" className="recovery-num">
                  {t('diff.unchanged')}
                </th>
                <th scope="col">{t('diff.keys')}</th>
              </tr>
            </thead>
            <tbody>
              {result.diff.operators.map((o) => (
                <tr key={o.uid}>
                  <td>{o.uid}</td>
                  <td className="recovery-num">{o.counts.added}</td>
                  <td className="recovery-num">{o.counts.removed}</td>
                  <td className="recovery-num">{o.counts.changed}</td>
                  <td className="recovery-num">{o.counts.unchanged}</td>
                  <td className="recovery-text recovery-note">
                    {[keys('+', o.added), keys('−', o.removed), keys('~', o.changed)]
                      .filter((s) => s !== '')
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

function keys(sign: string, list: KeyDiff[]): string {
  if (list.length === 0) return '';
  const shown = list.slice(0, LISTED).map((k) => showValue(k.key));
  return `${sign} ${shown.join(', ')}${list.length > LISTED ? ', …' : ''}`;
}
