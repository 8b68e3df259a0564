/**
 * The Metrics tab: throughput and watermark lag per operator over processing time, and state
 * entries, as small live charts.
 */
import { Activity } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { formatCount, formatTime } from './format';
import { MetricChart } from './MetricChart';
import { useRunStore } from './store/run-store';
import { selectInfo, selectMetrics } from './store/selectors';

export function MetricsPanel() {
  const { t } = useTranslation('run');
  const info = useRunStore(selectInfo);
  const metrics = useRunStore(selectMetrics);
  if (info === null || metrics.pt.length === 0) {
    return (
      <p className="dock__empty">
        <Activity size={16} aria-hidden="true" />
        {t('metrics.idle')}
      </p>
    );
  }
  const operators = info.operators.map((op, i) => ({ op, i }));
  const stateful = operators.filter(({ op }) => op.kind === 'window' || op.kind === 'windowAll');
  const series = (column: (number | null)[][], which: typeof operators) =>
    which.map(({ op, i }) => ({ label: op.label, values: column[i] ?? [] }));
  const windowed = operators.filter(({ op }) => !op.kind.startsWith('source.'));
  return (
    <div className="run-metrics" data-testid="run-metrics">
      <MetricChart
        testId="metric-throughput"
        title={t('metrics.throughput')}
        x={metrics.pt}
        series={series(metrics.throughput, operators)}
        format={formatCount}
      />
      <MetricChart
        testId="metric-lag"
        title={t('metrics.lag')}
        x={metrics.pt}
        series={series(metrics.watermarkLag, windowed.length > 0 ? windowed : operators)}
        format={formatTime}
      />
      <MetricChart
        testId="metric-state"
        title={t('metrics.state')}
        x={metrics.pt}
        series={series(metrics.stateEntries, stateful.length > 0 ? stateful : operators)}
        format={formatCount}
      />
    </div>
  );
}
