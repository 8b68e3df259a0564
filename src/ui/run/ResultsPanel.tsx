/**
 * The Results tab: per sink a table (key, window, value, fired at) as results arrive, the late
 * side output, and export of it all as CSV or JSON.
 */
import { FileJson, FileSpreadsheet, History, LoaderCircle, Play } from 'lucide-react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../engine/pipeline/document';
import type { SinkResult } from '../../engine/runtime/job';
import {
  downloadText,
  isWindowResult,
  resultsToCsv,
  resultsToJson,
  showValue,
} from './export-results';
import { formatTime } from './format';
import { ResultStateSummary } from '../recovery/OutputByState';
import type { SessionInfo, SideOutputRecord } from '../../worker/trace-batch';
import { RunFailure } from './RunFailure';
import { useRunStore } from './store/run-store';
import {
  selectInfo,
  selectPhase,
  selectProgress,
  selectResults,
  selectResultsVersion,
  selectRunDoc,
} from './store/selectors';

/** Rows shown per table; a run can deliver many thousands (export has them all). */
const MAX_ROWS = 500;

export function ResultsPanel({ doc }: { doc: PipelineDocument }) {
  const { t } = useTranslation('run');
  const phase = useRunStore(selectPhase);
  const info = useRunStore(selectInfo);
  const ran = useRunStore(selectRunDoc);
  const results = useRunStore(selectResults);
  const progress = useRunStore(selectProgress);
  // The log grows in place: the version is what changes.
  useRunStore(selectResultsVersion);

  if (phase === 'none' || ran === null) {
    return (
      <p className="dock__empty">
        <Play size={16} aria-hidden="true" />
        {t('results.idle')}
      </p>
    );
  }
  if (info === null) {
    return phase === 'starting' ? (
      <p className="dock__empty" role="status">
        <LoaderCircle size={16} aria-hidden="true" className="spin" />
        {t('results.starting')}
      </p>
    ) : (
      <RunFailure />
    );
  }
  const sinks = ran.nodes.filter((n) => n.kind === 'sink');
  const name = ran.name.trim() === '' ? 'results' : ran.name.trim().replaceAll(/[^\w-]+/g, '-');
  return (
    <div className="run-results" data-testid="results">
      <div className="run-results__head">
        <p className="run-results__summary" role="status">
          {t('results.summary', {
            phase: t(`phase.${phase}`),
            results: results.received,
            records: progress?.recordsProcessed ?? 0,
          })}
        </p>
        <ResultStateSummary />
        <button
          type="button"
          className="run-results__export"
          data-testid="export-csv"
          onClick={() => downloadText(resultsToCsv(results.all()), `${name}.csv`, 'text/csv')}
        >
          <FileSpreadsheet size={14} aria-hidden="true" />
          {t('results.exportCsv')}
        </button>
        <button
          type="button"
          className="run-results__export"
          data-testid="export-json"
          onClick={() =>
            downloadText(
              resultsToJson(results.all(), results.sideOutput),
              `${name}.json`,
              'application/json',
            )
          }
        >
          <FileJson size={14} aria-hidden="true" />
          {t('results.exportJson')}
        </button>
      </div>
      {ran !== doc && (
        <p className="run-results__stale" data-testid="results-stale">
          <History size={14} aria-hidden="true" />
          {t('results.stale')}
        </p>
      )}
      {results.truncated && <p className="run-results__note">{t('results.truncated')}</p>}
      <RunFailure />
      <div className="run-results__tables">
        {sinks.map((sink) => (
          <SinkTable
            key={sink.uid}
            uid={sink.uid}
            name={
              sink.label || (typeof sink.params.name === 'string' ? sink.params.name : sink.uid)
            }
            rows={results.of(sink.uid)}
            count={results.of(sink.uid).length}
          />
        ))}
        <LateTable
          rows={results.sideOutput}
          count={results.sideOutput.length}
          operators={info.operators}
        />
      </div>
    </div>
  );
}

interface SinkTableProps {
  uid: string;
  name: string;
  rows: readonly SinkResult[];
  /** The rows' count: `rows` grows in place, so this is what tells a re-render is due. */
  count: number;
}

/** A sink's table, drawn again only when its rows grew (a long run adds some every frame). */
const SinkTable = memo(function SinkTable({ uid, name, rows }: SinkTableProps) {
  const { t } = useTranslation('run');
  return (
    <section className="run-results__sink" aria-label={name} data-testid={`sink-${uid}`}>
      <h3>
        {name}{' '}
        <span className="run-results__count">{t('results.count', { count: rows.length })}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="dock__empty">{t('results.noRows')}</p>
      ) : (
        <table className="run-results__table">
          <colgroup>
            <col style={{ width: '18%' }} />
            <col style={{ width: '26%' }} />
            <col style={{ width: '36%' }} />
            <col style={{ width: '20%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('results.key')}</th>
              <th scope="col">{t('results.window')}</th>
              <th scope="col">{t('results.value')}</th>
              <th scope="col">{t('results.firedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r, i) => {
              const w = isWindowResult(r.value) ? r.value : null;
              const value = showValue(w ? w.value : r.value);
              return (
                <tr key={i}>
                  <td title={w ? showValue(w.key) : ''}>{w ? showValue(w.key) : ''}</td>
                  <td>{w && w.start !== null && w.end !== null ? `[${w.start}, ${w.end})` : ''}</td>
                  <td className="run-results__value" title={value}>
                    {value}
                  </td>
                  <td title={`${r.processingTime} ms`}>{formatTime(r.processingTime)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > MAX_ROWS && (
        <p className="run-results__note">{t('results.more', { count: rows.length - MAX_ROWS })}</p>
      )}
    </section>
  );
});

/** The late side output's table, drawn again only when it grew. */
const LateTable = memo(function LateTable({
  rows,
  operators,
}: {
  rows: readonly SideOutputRecord[];
  count: number;
  operators: SessionInfo['operators'];
}) {
  const { t } = useTranslation('run');
  const labelOf = (op: number) => operators[op]?.label ?? String(op);
  return (
    <section className="run-results__sink" aria-label={t('results.late')} data-testid="late-output">
      <h3>
        {t('results.late')}{' '}
        <span className="run-results__count">{t('results.count', { count: rows.length })}</span>
      </h3>
      {rows.length === 0 ? (
        <p className="dock__empty">{t('results.noLate')}</p>
      ) : (
        <table className="run-results__table">
          <thead>
            <tr>
              <th scope="col">{t('results.lateOperator')}</th>
              <th scope="col">{t('results.lateEventTime')}</th>
              <th scope="col">{t('results.value')}</th>
              <th scope="col">{t('results.lateArrived')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((r) => (
              <tr key={r.id}>
                <td>{labelOf(r.op)}</td>
                <td>{formatTime(r.ts)}</td>
                <td className="run-results__value" title={showValue(r.value)}>
                  {showValue(r.value)}
                </td>
                <td>{formatTime(r.pt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
});
