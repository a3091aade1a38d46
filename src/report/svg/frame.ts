import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { axisText, escapeXml, px } from './markup.js';

/** What every chart has: an id (unique in the page), a title and a description for screen readers. */
export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
}

export const WIDTH = 680;
const HEIGHT = 340;
export const MARGIN = { top: 16, right: 16, bottom: 40, left: 72 } as const;

/** The svg element: `<title>` and `<desc>` first, as screen readers expect; `data-series` for tests and tools. */
export function svgOpen(text: ChartText, series: number, legendRows: number): string {
  const height = HEIGHT + legendRows * 18;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="${text.id}" data-series="${series}" role="img" aria-labelledby="${text.id}-title ${text.id}-desc" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}"><title id="${text.id}-title">${escapeXml(text.title)}</title><desc id="${text.id}-desc">${escapeXml(text.desc)}</desc>`;
}

/** A y scale over the values, including zero unless told not to (a narrow fan far from zero), with rounded ends. */
export function yScale(values: readonly number[], zero = true): ScaleLinear<number, number> {
  const low = Math.min(...(zero ? [0] : []), ...values);
  const high = Math.max(...(zero ? [0] : []), ...values);
  return scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .range([HEIGHT - MARGIN.bottom, MARGIN.top])
    .nice(6);
}

/** Horizontal gridlines with their figures, and the zero line drawn darker. */
export function yAxis(y: ScaleLinear<number, number>, unit: 'money' | 'count'): string {
  // A count is whole: a tick at 2.5 areas would print as 3, beside the 3 above it.
  const ticks = y.ticks(6).filter((tick) => unit === 'money' || Number.isInteger(tick));
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 1e5;
  const parts = ticks.map((tick) => {
    const at = px(y(tick));
    return `<g class="tick"><line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${at}" y2="${at}" stroke="${tick === 0 ? '#0b0c0c' : '#b1b4b6'}" stroke-width="${tick === 0 ? 1.5 : 0.5}"/><text x="${MARGIN.left - 6}" y="${at}" dy="0.32em" text-anchor="end">${escapeXml(axisText(tick, unit, step))}</text></g>`;
  });
  return `<g class="axis y-axis" font-size="11">${parts.join('')}</g>`;
}

/** Category labels under the plot. */
export function xLabels(labels: readonly string[], at: (i: number) => number): string {
  return `<g class="axis x-axis" font-size="11">${labels
    .map(
      (label, i) =>
        `<text x="${px(at(i))}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle">${escapeXml(label)}</text>`,
    )
    .join('')}</g>`;
}

/** Entries a legend row holds: fewer when the labels are long, so they never overlap. */
function perRow(labels: readonly string[]): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return longest > 40 ? 1 : longest > 24 ? 2 : 3;
}

/** Legend rows under the chart, each entry with its swatch. */
export function legend(labels: readonly string[], swatch: (i: number) => string): string {
  const across = perRow(labels);
  const columnWidth = (WIDTH - MARGIN.left) / across;
  return `<g class="legend" font-size="11">${labels
    .map((label, i) => {
      const x = MARGIN.left + (i % across) * columnWidth;
      const y = HEIGHT + Math.floor(i / across) * 18 - 8;
      return `<g transform="translate(${px(x)},${px(y)})">${swatch(i)}<text x="26" y="4" dy="0.32em">${escapeXml(label)}</text></g>`;
    })
    .join('')}</g>`;
}

export const legendRows = (labels: readonly string[]): number =>
  Math.ceil(labels.length / perRow(labels));
