import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { chartLabelLines, labelCharsFor } from './chart-labels';

/** Bumped when the colour scheme or forced colours change, so the canvas is drawn again. */
function useColourScheme(): number {
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((query) =>
      window.matchMedia(query),
    );
    const onChange = () => setChanges((count) => count + 1);
    for (const query of queries) query.addEventListener('change', onChange);
    return () => {
      for (const query of queries) query.removeEventListener('change', onChange);
    };
  }, []);
  return changes;
}

// Only the parts the bar charts use (docs/decisions/0035-chart-js-for-report-charts.md).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export type ChartSeries = { label: string; values: number[]; colour: 'first' | 'second' };

/**
 * A horizontal bar chart. The canvas is a picture (role="img", its summary as the name); its
 * numbers are in the table that follows it, for screen readers, print and forced colours.
 * Colours come from the page's stylesheet (light, dark, forced colours), read when drawn.
 */
export function ReportChart({
  labels,
  series,
  summary,
}: {
  labels: string[];
  series: ChartSeries[];
  summary: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scheme = useColourScheme();
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    // Custom properties may hold system colours (forced colours): a probe resolves them.
    const probe = document.createElement('span');
    element.after(probe);
    const colour = (value: string) => {
      probe.style.color = value;
      return getComputedStyle(probe).color;
    };
    const text = colour('currentcolor');
    const first = colour('var(--chart-first)');
    const second = colour('var(--chart-second)');
    const grid = colour('var(--border)');
    probe.remove();
    const chart = new Chart(element, {
      type: 'bar',
      data: {
        // Whole labels: the tooltip shows them; the axis draws them wrapped (ticks below).
        labels,
        datasets: series.map((entry) => ({
          label: entry.label,
          data: entry.values,
          backgroundColor: entry.colour === 'first' ? first : second,
          borderColor: text,
          borderWidth: 1,
        })),
      },
      options: {
        indexAxis: 'y',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        color: text,
        scales: {
          x: { beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
          y: {
            ticks: {
              color: text,
              autoSkip: false,
              // Wrapped to the width the chart has now (it is redrawn when that changes), so
              // that a narrow screen shows the labels' beginnings, not their cut-off ends.
              callback(_value, index) {
                return chartLabelLines(labels[index] ?? '', labelCharsFor(this.chart.width), 3);
              },
            },
            grid: { display: false },
          },
        },
        plugins: { legend: { labels: { color: text } } },
      },
    });
    return () => chart.destroy();
  }, [labels, series, scheme]);
  return (
    <div className="report-chart" style={{ height: `${Math.max(160, labels.length * 46 + 70)}px` }}>
      <div role="img" aria-label={summary}>
        <canvas ref={canvas} />
      </div>
    </div>
  );
}
