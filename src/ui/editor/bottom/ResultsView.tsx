import { History, LoaderCircle, OctagonAlert, Play } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import type { PipelineDocument } from '../../../engine/pipeline/document';
import type { SinkResult } from '../../../engine/runtime/job';
import type { WindowResult } from '../../../engine/operators/window-operator';
import type { RunState } from '../store/run-slice';
import { formatDuration } from '../model/summary';

/** Rows shown per sink; a bounded run can deliver many thousands. */
const MAX_ROWS = 500;

function isWindowResult(value: unknown): value is WindowResult {
  return (
    typeof value === 'object' &&
    value !== null &&
    'key' in value &&
    'start' in value &&
    'end' in value &&
    'value' in value
  );
}

const show = (value: unknown) =>
  value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** What the last run's sinks received: one table per sink. */
export function ResultsView({ run, doc }: { run: RunState; doc: PipelineDocument }) {
  const { t } = useTranslation('editor');
  if (run.status === 'idle') {
    return (
      <p className="dock__empty">
        <Play size={16} aria-hidden="true" />
        {t('results.idle')}
      </p>
    );
  }
  if (run.status === 'running') {
    return (
      <p className="dock__empty" role="status">
        <LoaderCircle size={16} aria-hidden="true" className="spin" />
        {t('results.running')}
      </p>
    );
  }
  if (run.status === 'error') {
    return (
      <p className="run-failure" role="alert">
        <OctagonAlert size={16} aria-hidden="true" />
        {t('results.engineError', { message: run.message })}
      </p>
    );
  }
  const { outcome } = run;
  // The sinks of the pipeline that ran: tables stay as they were when it has changed since.
  const sinks = run.doc.nodes.filter((n) => n.kind === 'sink');
  const stale = run.doc !== doc;
  const bySink = new Map<string, SinkResult[]>();
  for (const r of outcome.results) bySink.set(r.sink, [...(bySink.get(r.sink) ?? []), r]);
  return (
    <div className="results" data-testid="results">
      <p className="results__summary" role="status">
        {t(outcome.status === 'finished' ? 'results.finished' : 'results.failed', {
          records: outcome.recordsIn,
          results: outcome.results.length,
          duration: formatDuration(Math.round(outcome.durationMs)),
        })}
      </p>
      {stale && (
        <p className="results__stale" data-testid="results-stale">
          <History size={14} aria-hidden="true" />
          {t('results.stale')}
        </p>
      )}
      {outcome.failure && (
        <p className="run-failure" role="alert" data-testid="run-failure">
          <OctagonAlert size={16} aria-hidden="true" />
          {outcome.failure.operatorUid
            ? t('results.failureAt', {
                operator: outcome.failure.operatorUid,
                message: outcome.failure.message,
              })
            : outcome.failure.message}
        </p>
      )}
      <div className="results__tables">
        {sinks.map((sink) => {
          const rows = bySink.get(sink.uid) ?? [];
          const name =
            sink.label || (typeof sink.params.name === 'string' ? sink.params.name : sink.uid);
          return (
            <section key={sink.uid} className="results__sink" aria-label={name}>
              <h3>
                {name}{' '}
                <span className="results__count">{t('results.count', { count: rows.length })}</span>
              </h3>
              {rows.length === 0 ? (
                <p className="dock__empty">{t('results.noRows')}</p>
              ) : (
                <table className="results__table">
                  <colgroup>
                    <col style={{ width: '18%' }} />
                    <col style={{ width: '30%' }} />
                    <col style={{ width: '30%' }} />
                    <col style={{ width: '22%' }} />
                  </colgroup>
                  <thead>
                    <tr>
                      <th scope="col">{t('results.key')}</th>
                      <th scope="col">{t('results.window')}</th>
                      <th scope="col">{t('results.value')}</th>
                      <th scope="col">{t('results.timestamp')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.slice(0, MAX_ROWS).map((r, i) => {
                      const w = isWindowResult(r.value) ? r.value : null;
                      return (
                        <tr key={i}>
                          <td>{w ? show(w.key) : ''}</td>
                          <td>
                            {w && w.start !== null && w.end !== null
                              ? `[${w.start}, ${w.end})`
                              : ''}
                          </td>
                          <td className="results__value" title={show(w ? w.value : r.value)}>
                            {show(w ? w.value : r.value)}
                          </td>
                          <td>{r.timestamp}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              {rows.length > MAX_ROWS && (
                <p className="results__more">
                  {t('results.more', { count: rows.length - MAX_ROWS })}
                </p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
