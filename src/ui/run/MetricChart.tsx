/**
 * One small live chart (uPlot): a series per operator over processing time. Colours and fonts
 * come from the theme's variables, read again when the theme changes.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { formatTime } from './format';

/** The operator palette, from the theme: category hues, then the trace's own colours. */
const SERIES_VARIABLES = [
  '--cat-source',
  '--cat-transform',
  '--cat-window',
  '--cat-sink',
  '--cat-partition',
  '--watermark',
  '--late',
  '--accent',
];

export interface MetricChartProps {
  title: string;
  /** Processing time of every sample. */
  x: readonly number[];
  series: { label: string; values: readonly (number | null)[] }[];
  format(value: number): string;
  testId: string;
}

function themeVar(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

function options(props: MetricChartProps, width: number, theme: string): uPlot.Options {
  const text = themeVar('--text-muted');
  const grid = themeVar('--border');
  const font = `11px ${themeVar('--font-sans')}`;
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, font };
  return {
    width,
    height: 150,
    // A chart per theme: uPlot takes its colours once, at creation.
    id: `${props.testId}-${theme}`,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { ...axis, values: (_u, ticks) => ticks.map((v) => formatTime(v)) },
      { ...axis, size: 56, values: (_u, ticks) => ticks.map((v) => props.format(v)) },
    ],
    series: [
      {},
      ...props.series.map((s, i) => ({
        label: s.label,
        stroke: themeVar(SERIES_VARIABLES[i % SERIES_VARIABLES.length]!),
        width: 1.5,
        points: { show: false },
        spanGaps: false,
      })),
    ],
  };
}

function data(props: MetricChartProps): uPlot.AlignedData {
  return [props.x as number[], ...props.series.map((s) => s.values as (number | null)[])];
}

export function MetricChart(props: MetricChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latest = useRef(props);
  const shape = props.series.map((s) => s.label).join('\n');

  // Declared first so a rebuild below already reads the props of this render.
  useEffect(() => {
    latest.current = props;
    const current = chart.current;
    if (current !== null && current.series.length === props.series.length + 1) {
      current.setData(data(props));
    }
  });

  // A chart for this set of series, rebuilt when they or the theme change; resized in place.
  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const build = () => {
      chart.current?.destroy();
      const theme = document.documentElement.dataset.theme ?? 'system';
      const width = Math.max(element.clientWidth, 160);
      chart.current = new uPlot(
        options(latest.current, width, theme),
        data(latest.current),
        element,
      );
    };
    build();
    const size = new ResizeObserver(() => {
      const width = Math.max(element.clientWidth, 160);
      if (chart.current !== null && chart.current.width !== width) {
        chart.current.setSize({ width, height: 150 });
      }
    });
    size.observe(element);
    const theme = new MutationObserver(build);
    theme.observe(document.documentElement, { attributeFilter: ['data-theme'] });
    return () => {
      size.disconnect();
      theme.disconnect();
      chart.current?.destroy();
      chart.current = null;
    };
  }, [shape]);

  return (
    <figure className="metric-chart" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div ref={host} className="metric-chart__plot" />
    </figure>
  );
}
