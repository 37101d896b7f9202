import type * as Echarts from 'echarts';
import { lazyRequire } from '../../../lazy.ts';

const echarts = lazyRequire<typeof Echarts>('echarts');

// Charts are drawn on the server to SVG with ECharts, so the public pages need no JavaScript.
// ECharts escapes the labels it writes into the SVG (tested in test/showcase), which is what
// makes it safe to embed the string as markup.

// No quoted family names: ECharts writes the font into an attribute, where quotes would end it.
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';
const BAR = '#1f6f8b';
const INK = '#1b1f24';
const LABEL_WIDTH = 190;

export interface Bar {
  label: string;
  value: number;
}

/** Keeps the `max - 1` largest bars and folds the rest into one "other" bar. */
export function topBars(bars: Bar[], max: number, otherLabel: string): Bar[] {
  if (bars.length <= max) return bars;
  const kept = bars.slice(0, max - 1);
  const rest = bars.slice(max - 1).reduce((sum, b) => sum + b.value, 0);
  return [...kept, { label: otherLabel, value: rest }];
}

/** Horizontal bars, largest on top, with the value printed at the end of each bar. */
export function horizontalBarSvg(
  bars: Bar[],
  opts: { width?: number; formatValue?: (x: number) => string } = {},
) {
  const width = opts.width ?? 520;
  const height = Math.max(120, 32 * bars.length + 24);
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height });
  const ordered = [...bars].reverse();
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 14, color: INK },
    // Labels get a fixed column: ECharts cannot measure text on the server, so `containLabel`
    // guesses and may clip long Indonesian names.
    grid: { left: LABEL_WIDTH + 12, right: 44, top: 4, bottom: 4 },
    xAxis: { type: 'value', show: false, minInterval: 1 },
    yAxis: {
      type: 'category',
      data: ordered.map((b) => truncate(b.label, 22)),
      axisTick: { show: false },
      axisLine: { show: false },
      axisLabel: { color: INK, fontSize: 14, width: LABEL_WIDTH, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        data: ordered.map((b) => b.value),
        itemStyle: { color: BAR, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          color: INK,
          fontSize: 14,
          formatter: (p: { value: unknown }) =>
            opts.formatValue ? opts.formatValue(Number(p.value)) : String(p.value),
        },
      },
    ],
  });
  const svg = presentational(chart.renderToSVGString());
  chart.dispose();
  return svg;
}

/** Vertical bars by year (the timeline and unit rapor). */
export function yearColumnsSvg(points: { year: number; count: number }[], opts: { width?: number } = {}) {
  const width = opts.width ?? 720;
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width, height: 220 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: FONT, fontSize: 13, color: INK },
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: points.map((p) => String(p.year)),
      axisTick: { show: false },
      axisLabel: { color: INK, fontSize: 12 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { color: INK },
      splitLine: { lineStyle: { color: '#e3e7eb' } },
    },
    series: [
      {
        type: 'bar',
        data: points.map((p) => p.count),
        itemStyle: { color: BAR },
        barMaxWidth: 28,
        label: { show: points.length <= 16, position: 'top', color: INK, fontSize: 12 },
      },
    ],
  });
  const svg = presentational(chart.renderToSVGString());
  chart.dispose();
  return svg;
}

/**
 * ECharts writes text styles as `style="font-size:12px;…"`; a Content-Security-Policy without
 * 'unsafe-inline' refuses style attributes, so they become SVG presentation attributes
 * (`font-size="12px"`), which draw the same and need no exception.
 */
export function presentational(svg: string): string {
  return svg.replace(/ style="([^"]*)"/g, (_, css: string) =>
    css
      .split(';')
      .map((d) => d.split(':'))
      .filter(([k, v]) => k?.trim() && v?.trim())
      .map(([k, ...v]) => ` ${k!.trim()}="${v.join(':').trim()}"`)
      .join(''),
  );
}

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1)}…`;
}
