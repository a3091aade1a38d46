import { scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { escapeXml, px } from './markup.js';
import {
  type ChartText,
  legend,
  legendRows,
  MARGIN,
  svgOpen,
  WIDTH,
  xLabels,
  yAxis,
  yScale,
} from './frame.js';
import { colourOf, dashOf, marker } from './styles.js';

export interface Series {
  readonly label: string;
  readonly values: readonly number[];
}

export interface LineChartSpec extends ChartText {
  readonly categories: readonly string[];
  readonly series: readonly Series[];
  readonly unit: 'money' | 'count';
}

/** One line per series over the categories (financial years), each with its own dash and marker. */
export function lineChart(spec: LineChartSpec): string {
  const y = yScale(spec.series.flatMap((s) => s.values));
  const x = scalePoint<number>()
    .domain(spec.categories.map((_, i) => i))
    .range([MARGIN.left + 24, WIDTH - MARGIN.right - 24]);
  const path = line<number>()
    .x((_, i) => x(i)!)
    .y((v) => y(v))
    .digits(2);
  const lines = spec.series.map((series, s) => {
    const colour = colourOf(s);
    const dash = dashOf(s);
    const points = series.values.map((v, i) => marker(s, px(x(i)!), px(y(v)), colour)).join('');
    return `<g class="series" data-label="${escapeXml(series.label)}"><path d="${path([...series.values])}" fill="none" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>${points}</g>`;
  });
  const swatch = (i: number) =>
    `<line x1="0" x2="20" y1="4" y2="4" stroke="${colourOf(i)}" stroke-width="2.5"${dashOf(i) ? ` stroke-dasharray="${dashOf(i)}"` : ''}/>${marker(i, '10', '4', colourOf(i))}`;
  return `${svgOpen(spec, spec.series.length, legendRows(spec.series.map((s) => s.label)))}${yAxis(y, spec.unit)}${xLabels(spec.categories, (i) => x(i)!)}${lines.join('')}${legend(
    spec.series.map((s) => s.label),
    swatch,
  )}</svg>`;
}
