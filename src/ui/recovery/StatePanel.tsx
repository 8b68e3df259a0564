/**
 * The state inspector: a paused run's keyed state per operator, subtask, key group, key and
 * window, with counts and serialized sizes, and the IndexedDB backend's reads, writes, cache
 * hit rate and bytes serialized beside the heap's plain figures.
 */
import { ChevronLeft, ChevronRight, Database } from 'lucide-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyIcon } from '../common/BusyIcon';
import type { StateInspection, StateQuery } from '../../worker/recovery-types';
import { formatTime, selectInfo, selectPhase, showValue, useRunStore } from '../run';
import { formatBytes, formatRate } from './format';
import { parseKey, showNamespace } from './namespace';
import { recoveryEngine } from './recovery-engine';
import { useLabels } from './use-labels';
import './recovery.css';

const PAGE = 50;

export function StatePanel() {
  const { t } = useTranslation('recovery');
  const info = useRunStore(selectInfo);
  const phase = useRunStore(selectPhase);
  const labelOf = useLabels();
  const [operatorUid, setOperatorUid] = useState('');
  const [subtask, setSubtask] = useState('');
  const [keyGroup, setKeyGroup] = useState('');
  const [keyText, setKeyText] = useState('');
  const [offset, setOffset] = useState(0);
  const [inspection, setInspection] = useState<StateInspection | null>(null);
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const readable = info !== null && phase !== 'running' && phase !== 'starting';

  const at = useRunStore((s) => s.progress?.processingTime ?? 0);

  const query = useMemo((): StateQuery => {
    const q: StateQuery = { offset, limit: PAGE };
    if (operatorUid !== '') q.operatorUid = operatorUid;
    if (subtask !== '') q.subtask = Number(subtask);
    if (keyGroup !== '') q.keyGroup = Number(keyGroup);
    const key = parseKey(keyText);
    if (key !== undefined) q.key = key;
    return q;
  }, [operatorUid, subtask, keyGroup, keyText, offset]);

  const read = useCallback(
    (q: StateQuery) =>
      recoveryEngine()
        .inspectState(q)
        .then(
          (result) => ({ result, problem: null }),
          (error: unknown) => ({
            result: null,
            problem: error instanceof Error ? error.message : String(error),
          }),
        ),
    [],
  );
  const show = ({
    result,
    problem,
  }: {
    result: StateInspection | null;
    problem: string | null;
  }) => {
    if (result !== null) setInspection(result);
    setProblem(problem);
  };

  useEffect(() => {
    // Reads again when the filters change or the run pauses somewhere new.
    if (!readable) return;
    let current = true;
    void read(query).then((answer) => {
      if (current) show(answer);
    });
    return () => {
      current = false;
    };
  }, [readable, read, query, at]);

  if (!readable) {
    return (
      <p className="dock__empty">
        <Database size={16} aria-hidden="true" />
        {t('state.pause')}
      </p>
    );
  }
  const subtasks = inspection?.subtasks ?? [];
  const keyed = [...new Set(subtasks.map((s) => s.uid))];
  const chosen = subtasks.filter(
    (s) =>
      (operatorUid === '' || s.uid === operatorUid) &&
      (subtask === '' || s.subtask === Number(subtask)),
  );
  const keyGroups = chosen.flatMap((s) => s.keyGroups.map((g) => g.keyGroup));
  const entries = inspection?.entries;
  const words = { global: t('state.global'), none: t('state.none') };
  return (
    <div className="recovery-panel" data-testid="state-panel">
      <div className="recovery-toolbar">
        <label className="setting recovery-field">
          <span>{t('state.operator')}</span>
          <select
            data-testid="state-operator"
            value={operatorUid}
            onChange={(e) => {
              setOperatorUid(e.target.value);
              setSubtask('');
              setKeyGroup('');
              setOffset(0);
            }}
          >
            <option value="">{t('state.any')}</option>
            {keyed.map((uid) => (
              <option key={uid} value={uid}>
                {labelOf(uid)}
              </option>
            ))}
          </select>
        </label>
        <label className="setting recovery-field">
          <span>{t('state.subtask')}</span>
          <select
            data-testid="state-subtask"
            value={subtask}
            onChange={(e) => {
              setSubtask(e.target.value);
              setKeyGroup('');
              setOffset(0);
            }}
          >
            <option value="">{t('state.any')}</option>
            {[
              ...new Set(
                subtasks
                  .filter((s) => operatorUid === '' || s.uid === operatorUid)
                  .map((s) => s.subtask),
              ),
            ].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label className="setting recovery-field">
          <span>{t('state.keyGroup')}</span>
          <select
            data-testid="state-key-group"
            value={keyGroup}
            onChange={(e) => {
              setKeyGroup(e.target.value);
              setOffset(0);
            }}
          >
            <option value="">{t('state.any')}</option>
            {[...new Set(keyGroups)]
              .sort((a, b) => a - b)
              .map((g) => (
                <option key={g} value={g}>
                  {g}
                </option>
              ))}
          </select>
        </label>
        <label className="setting recovery-field">
          <span>{t('state.key')}</span>
          <input
            className="recovery-key-input"
            data-testid="state-key"
            placeholder={t('state.keyPlaceholder')}
            value={keyText}
            onChange={(e) => {
              setKeyText(e.target.value);
              setOffset(0);
            }}
          />
        </label>
        <button
          type="button"
          className="recovery-button"
          data-testid="state-read"
          disabled={reading}
          onClick={() => {
            setReading(true);
            void read(query)
              .then(show)
              .finally(() => setReading(false));
          }}
        >
          <BusyIcon busy={reading} icon={Database} />
          {t('state.refresh')}
        </button>
        {inspection !== null && (
          <span className="recovery-note">
            {t('state.at', { time: formatTime(inspection.processingTime) })}
          </span>
        )}
      </div>
      {problem !== null && (
        <p className="recovery-error" role="alert">
          {problem}
        </p>
      )}
      {inspection !== null && (
        <div className="recovery-stack">
          <section className="recovery-section" aria-label={t('state.subtasks')}>
            <h3>{t('state.subtasks')}</h3>
            {chosen.length === 0 ? (
              <p className="dock__empty">{t('state.noState')}</p>
            ) : (
              <table className="recovery-table" data-testid="state-subtasks">
                <thead>
                  <tr>
                    <th scope="col">{t('state.operator')}</th>
                    <th scope="col">{t('state.subtask')}</th>
                    <th scope="col">{t('state.range')}</th>
                    <th scope="col">{t('state.backend')}</th>
                    <th scope="col" className="recovery-num">
                      {t('state.entries')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.keys')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.size')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.reads')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.writes')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.hitRate')}
                    </th>
                    <th scope="col" className="recovery-num">
                      {t('state.bytesSerialized')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {chosen.map((s) => (
                    <tr key={`${s.uid}#${s.subtask}`}>
                      <td>{labelOf(s.uid)}</td>
                      <td className="recovery-num">{s.subtask}</td>
                      <td className="recovery-num">
                        {s.keyGroupRange.start}–{s.keyGroupRange.end}
                      </td>
                      <td>{s.backend}</td>
                      <td className="recovery-num">{s.entries}</td>
                      <td className="recovery-num">{s.keys}</td>
                      <td className="recovery-num">{formatBytes(s.bytes)}</td>
                      <td className="recovery-num">{s.indexedDb?.reads ?? '–'}</td>
                      <td className="recovery-num">{s.indexedDb?.writes ?? '–'}</td>
                      <td className="recovery-num">
                        {s.indexedDb === null ? '–' : formatRate(s.indexedDb.cacheHitRate)}
                      </td>
                      <td className="recovery-num">
                        {s.indexedDb === null
                          ? '–'
                          : formatBytes(s.indexedDb.bytesRead + s.indexedDb.bytesWritten)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="recovery-section" aria-label={t('state.table')}>
            <h3>
              {t('state.table')}
              {entries !== undefined && entries.total > 0 && (
                <span className="recovery-paging">
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('state.previous')}
                    title={t('state.previous')}
                    disabled={entries.offset === 0}
                    onClick={() => setOffset(Math.max(0, entries.offset - PAGE))}
                  >
                    <ChevronLeft size={14} aria-hidden="true" />
                  </button>
                  {t('state.page', {
                    from: entries.offset + 1,
                    to: entries.offset + entries.items.length,
                    total: entries.total,
                  })}
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={t('state.next')}
                    title={t('state.next')}
                    disabled={entries.offset + entries.items.length >= entries.total}
                    onClick={() => setOffset(entries.offset + PAGE)}
                  >
                    <ChevronRight size={14} aria-hidden="true" />
                  </button>
                </span>
              )}
            </h3>
            {entries === undefined || entries.items.length === 0 ? (
              <p className="dock__empty">{t('state.noState')}</p>
            ) : (
              <table className="recovery-table" data-testid="state-entries">
                <thead>
                  <tr>
                    <th scope="col">{t('state.keyGroup')}</th>
                    <th scope="col">{t('state.key')}</th>
                    <th scope="col">{t('state.namespace')}</th>
                    <th scope="col">{t('state.table')}</th>
                    <th scope="col">{t('state.value')}</th>
                    <th scope="col" className="recovery-num">
                      {t('state.size')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {entries.items.map((e, i) => (
                    <tr key={i} data-key={String(e.key)}>
                      <td className="recovery-num">{e.keyGroup}</td>
                      <td>{showValue(e.key)}</td>
                      <td>{showNamespace(e.namespace, words)}</td>
                      <td>{e.table}</td>
                      <td className="recovery-value" title={showValue(e.value)}>
                        {showValue(e.value)}
                      </td>
                      <td className="recovery-num">{formatBytes(e.bytes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </div>
  );
}
