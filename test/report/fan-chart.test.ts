import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { cumulativeFan, fanSection } from '../../src/report/presentation/fan-section.js';
import type { FanRow } from '../../src/report/presentation/report-model.js';
import { renderHtml } from '../../src/report/html/render-html.js';

/** No rate row or lever with a range: the pupils' chance alone. */
const NOTHING_DRAWN = { rows: [], levers: [] };

/**
 * Rows shaped as `highneeds simulate` writes them. The quantiles here are those of a normal
 * distribution (mean m, sd s: p = m + z·s), worked out below, so the fan's order is known; they
 * stand for simulate's output only as input to the renderer, and are no one's projection.
 */
const Z = {
  p2_5: -1.959964,
  p10: -1.281552,
  p25: -0.67449,
  p50: 0,
  p75: 0.67449,
  p90: 1.281552,
  p97_5: 1.959964,
};
function rows(): FanRow[] {
  return [0, 1, 2, 3, 4].map((k) => {
    const mean = -20e6 - 4e6 * k;
    const sd = 1e6 * (1 + k);
    const q = (z: number) => new Dec((mean + z * sd).toFixed(2));
    return {
      financialYear: `${2026 + k}-${String(27 + k)}`,
      measure: 'cumulative_balance',
      mean: q(0),
      p2_5: q(Z.p2_5),
      p10: q(Z.p10),
      p25: q(Z.p25),
      p50: q(Z.p50),
      p75: q(Z.p75),
      p90: q(Z.p90),
      p97_5: q(Z.p97_5),
      pDeficit: new Dec(1),
    };
  });
}

describe('the fan of outcomes', () => {
  const section = fanSection(rows(), '1000', 'Mitigated', NOTHING_DRAWN);
  const svg = section.chart!;

  it('names the scenario it drew', () => {
    expect(section.paragraphs!.join(' ')).toContain('under the plan scenario, "Mitigated":');
  });

  it('draws three nested bands and the median, titled and described for screen readers', () => {
    expect(svg).toMatch(
      /^<svg[^>]*data-series="4"[^>]*><title id="chart-fan-title">Cumulative DSG balance: range of outcomes<\/title><desc id="chart-fan-desc">Fan chart/,
    );
    expect(svg.match(/<g class="series"/g)).toHaveLength(4);
    expect(svg).toContain('95% of draws');
    expect(svg).toContain('Median (50th percentile)');
  });

  it('puts each band inside the wider one: the 50% band is the narrowest at every year', () => {
    const heights = [
      ...svg.matchAll(/<g class="series" data-label="(\d+)% of draws[^"]*"><path d="M([^"]+)Z"/g),
    ].map(([, share, d]) => {
      const ys = d!.split(/[ML]/).map((p) => Number(p.split(',')[1]));
      // An area path runs along the top, then back along the bottom: its height at the first year.
      return { share: Number(share), height: Math.abs(ys.at(-1)! - ys[0]!) };
    });
    expect(heights.map((h) => h.share)).toEqual([95, 80, 50]);
    expect(heights[0]!.height).toBeGreaterThan(heights[1]!.height);
    expect(heights[1]!.height).toBeGreaterThan(heights[2]!.height);
  });

  it('is followed by the table of every quantile, to the penny', () => {
    const html = renderHtml({ title: 't', subtitle: 's', sections: [section] });
    const table = html.slice(html.indexOf('</svg>'));
    expect(table.indexOf('<table>')).toBeGreaterThan(0);
    expect(table).toContain('-£21,959,964.00'); // 2026-27's 2.5th percentile: −20m − 1.959964 × 1m
    expect(
      renderHtml({
        title: 't',
        subtitle: 's',
        sections: [fanSection(rows(), '1000', 'Mitigated', NOTHING_DRAWN)],
      }),
    ).toBe(html);
  });
});

describe('the fan with a projection marked (the national report)', () => {
  // A projection below every band in the last year: the axis must reach down to it.
  const values = [-20e6, -24e6, -28e6, -32e6, -60e6];
  const { chart } = cumulativeFan(rows(), '1000', {
    id: 'chart-marked',
    title: 'Marked',
    marked: { label: 'Projection (national.csv)', values },
  });
  const svg = chart!;

  it('draws the projection as a fifth series, dashed with a marker at each year, in the legend and the description', () => {
    expect(svg).toMatch(/data-series="5"/);
    const line = svg.split('data-label="Projection (national.csv)">')[1]!.split('</g>')[0]!;
    expect(line).toContain('stroke-dasharray');
    expect(line.match(/<circle/g)).toHaveLength(values.length);
    expect(svg).toContain('a dashed line with markers for the projection (national.csv)');
  });

  it('takes the projection into the axis: the last marker is inside the plot', () => {
    const ys = [...svg.matchAll(/<circle transform="translate\([^,]+,([^)]+)\)"/g)].map((m) =>
      Number(m[1]),
    );
    const axis = [...svg.matchAll(/<g class="tick"><line [^>]*y1="([^"]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(Math.max(...ys)).toBeLessThanOrEqual(Math.max(...axis));
  });

  it('leaves the single-area fan as it was: no marked line unless asked', () => {
    expect(fanSection(rows(), '1000', 'Mitigated', NOTHING_DRAWN).chart).not.toContain(
      'Projection',
    );
  });
});

describe('a zoomed fan (the national report)', () => {
  const ticks = (svg: string) =>
    [...svg.matchAll(/<g class="tick">.*?<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
  it('leaves zero off the axis when the whole fan is below it, and says so', () => {
    const svg = cumulativeFan(rows(), '1000', { id: 'z', title: 'Z', zoom: true }).chart!;
    expect(ticks(svg)).not.toContain('£0.0m');
    expect(svg).toContain('The axis does not start at zero.');
    expect(ticks(cumulativeFan(rows(), '1000', { id: 'n', title: 'N' }).chart!)).toContain('£0.0m');
  });

  it('keeps zero when the fan or the marked line crosses it', () => {
    const svg = cumulativeFan(rows(), '1000', {
      id: 'c',
      title: 'C',
      zoom: true,
      marked: { label: 'Projection', values: [1e6, -24e6, -28e6, -32e6, -36e6] },
    }).chart!;
    expect(ticks(svg)).toContain('£0.0m');
    expect(svg).not.toContain('does not start at zero');
  });
});
