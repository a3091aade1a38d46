import { scalePoint } from 'd3-scale';
import { area, line } from 'd3-shape';
import { escapeXml, px } from './markup.js';
import { marker } from './styles.js';
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

/** One year's quantiles of a simulated measure (highneeds simulate's columns, as numbers). */
interface FanPoint {
  readonly category: string;
  readonly p2_5: number;
  readonly p10: number;
  readonly p25: number;
  readonly p50: number;
  readonly p75: number;
  readonly p90: number;
  readonly p97_5: number;
}

export interface FanChartSpec extends ChartText {
  readonly points: readonly FanPoint[];
  readonly unit: 'money' | 'count';
  /** A line marked against the fan, one value per point: the deterministic projection (batch --report). */
  readonly marked?: { readonly label: string; readonly values: readonly number[] };
  /** Let the axis leave out zero (false): a national fan is narrow beside its distance from zero. */
  readonly zero?: boolean;
}

/** The marked line's colour, dash and marker: apart from the grey bands and the black median in greyscale too. */
const MARK = { colour: '#1d70b8', dash: '6 3' } as const;

const BANDS = [
  {
    label: '95% of draws (2.5th to 97.5th percentile)',
    low: 'p2_5',
    high: 'p97_5',
    fill: '#dee0e2',
  },
  { label: '80% of draws (10th to 90th percentile)', low: 'p10', high: 'p90', fill: '#b1b4b6' },
  { label: '50% of draws (25th to 75th percentile)', low: 'p25', high: 'p75', fill: '#6f777b' },
] as const;

/** Nested grey bands of the draws' quantiles with the median as a line: readable in greyscale by design. */
export function fanChart(spec: FanChartSpec): string {
  const y = yScale(
    [...spec.points.flatMap((p) => [p.p2_5, p.p97_5]), ...(spec.marked?.values ?? [])],
    spec.zero ?? true,
  );
  const x = scalePoint<number>()
    .domain(spec.points.map((_, i) => i))
    .range([MARGIN.left + 24, WIDTH - MARGIN.right - 24]);
  const bands = BANDS.map((band) => {
    const shape = area<FanPoint>()
      .x((_, i) => x(i)!)
      .y0((p) => y(p[band.low]))
      .y1((p) => y(p[band.high]))
      .digits(2);
    return `<g class="series" data-label="${escapeXml(band.label)}"><path d="${shape([...spec.points])}" fill="${band.fill}"/></g>`;
  });
  const median = line<FanPoint>()
    .x((_, i) => x(i)!)
    .y((p) => y(p.p50))
    .digits(2);
  const labels = [
    ...BANDS.map((b) => b.label),
    'Median (50th percentile)',
    ...(spec.marked ? [spec.marked.label] : []),
  ];
  const swatch = (i: number) =>
    i < BANDS.length
      ? `<rect x="0" y="-3" width="20" height="14" fill="${BANDS[i]!.fill}"/>`
      : i === BANDS.length
        ? '<line x1="0" x2="20" y1="4" y2="4" stroke="#0b0c0c" stroke-width="2.5"/>'
        : `<line x1="0" x2="20" y1="4" y2="4" stroke="${MARK.colour}" stroke-width="2" stroke-dasharray="${MARK.dash}"/>${marker(0, '10', '4', MARK.colour)}`;
  return `${svgOpen(spec, labels.length, legendRows(labels))}${yAxis(y, spec.unit)}${xLabels(
    spec.points.map((p) => p.category),
    (i) => x(i)!,
  )}${bands.join('')}<g class="series" data-label="Median (50th percentile)"><path d="${median([...spec.points])}" fill="none" stroke="#0b0c0c" stroke-width="2.5"/></g>${spec.marked ? markedLine(spec.marked, x, y) : ''}${legend(labels, swatch)}</svg>`;
}

/** The marked line over the fan: dashed, with a marker at each year, so it reads apart from the median. */
function markedLine(
  marked: NonNullable<FanChartSpec['marked']>,
  x: (i: number) => number | undefined,
  y: (v: number) => number,
): string {
  const path = line<number>()
    .x((_, i) => x(i)!)
    .y((v) => y(v))
    .digits(2);
  const points = marked.values.map((v, i) => marker(0, px(x(i)!), px(y(v)), MARK.colour)).join('');
  return `<g class="series" data-label="${escapeXml(marked.label)}"><path d="${path([...marked.values])}" fill="none" stroke="${MARK.colour}" stroke-width="2" stroke-dasharray="${MARK.dash}"/>${points}</g>`;
}
