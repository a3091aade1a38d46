import type { Decimal } from 'decimal.js';
import { Dec } from '../../core/decimal.js';
import { toCount2dp, toPence } from '../../core/rounding.js';
import { withThousands } from '../../core/thousands.js';
import type { ReportSection } from '../presentation/section.js';
import { resolvedRows, WEB_ADDRESS, type ReportTable } from '../presentation/table-model.js';
import { escapeXml } from '../svg/markup.js';
import { REPORT_CSS } from './report-css.js';

export interface HtmlReport {
  readonly title: string;
  readonly subtitle: string;
  readonly sections: readonly ReportSection[];
}

/**
 * One self-contained HTML file: the styles inline, the charts inline SVG, no script, no font and
 * no address to fetch, so it opens from a USB stick and prints on A4. Nothing in it depends on
 * the clock, the locale or the machine: the same report gives the same bytes.
 */
export function renderHtml(report: HtmlReport): string {
  const nav = `<nav aria-label="Contents"><h2>Contents</h2><ol>${report.sections
    .map((s) => `<li><a href="#${s.id}">${escapeXml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;
  const ids = { next: 0 };
  const body = report.sections.map((s) => section(s, ids)).join('\n');
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(report.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeXml(report.title)}</h1><p>${escapeXml(report.subtitle)}</p></header>
<main>
${nav}
${body}
</main>
</body>
</html>
`;
}

/**
 * A box that scrolls sideways when what it holds is wider than the screen (a phone's 390 px),
 * so the page itself never does; named by what it holds and reachable by keyboard, so a person
 * who cannot swipe can still scroll it (WCAG 2.1.1).
 */
const scrolling = (label: string, inner: string): string =>
  `<div class="scroll" role="region" aria-labelledby="${label}" tabindex="0">${inner}</div>`;

function section(s: ReportSection, ids: { next: number }): string {
  const paragraphs = (s.paragraphs ?? [])
    .map((p) => `<p${s.id === 'headline' ? ' class="headline"' : ''}>${escapeXml(p)}</p>`)
    .join('');
  const [first, ...rest] = s.tables;
  // The chart and its data table stay together on the page (figure, break-inside: avoid). The
  // figure is named by the chart's title: its caption, which introduces the table below, would
  // otherwise be its name, the same for every chart (found reviewing the page for screen readers).
  const titleId = s.chart ? chartTitleId(s.chart) : '';
  const chart = s.chart
    ? `<figure aria-labelledby="${titleId}">${scrolling(titleId, s.chart)}<figcaption class="note">The figures behind the chart:</figcaption></figure>`
    : '';
  return `<section id="${s.id}"><h2>${escapeXml(s.title)}</h2>${paragraphs}${chart}${[
    first,
    ...rest,
  ]
    .filter((t): t is ReportTable => t !== undefined)
    .map((t) => table(t, `table-${++ids.next}`))
    .join('')}</section>`;
}

/** The id of a chart's own title (svg/frame.ts writes `<title id="CHART-title">`). */
const chartTitleId = (svg: string): string => /<title id="([^"]+)"/.exec(svg)?.[1] ?? '';

function table(t: ReportTable, id: string): string {
  const columns = [
    ...t.columns,
    ...(t.totalColumn
      ? [{ key: t.totalColumn.key, label: t.totalColumn.label, kind: figureKind(t) }]
      : []),
  ];
  const head = `<thead><tr>${columns
    .map(
      (c) => `<th scope="col"${c.kind === 'text' ? '' : ' class="n"'}>${escapeXml(c.label)}</th>`,
    )
    .join('')}</tr></thead>`;
  const rows = resolvedRows(t).map((cells, r) => {
    const strong = t.rows[r]?.strong ? ' class="strong"' : '';
    const tds = columns.map((c, i) => {
      const value = cells[c.key];
      if (i === 0)
        return `<th scope="row">${escapeXml(typeof value === 'string' ? value : '')}</th>`;
      if (value === undefined) return '<td></td>';
      if (typeof value === 'string' && WEB_ADDRESS.test(value))
        return `<td><a href="${escapeXml(value)}">${escapeXml(value)}</a></td>`;
      if (typeof value === 'string')
        return `<td${/^[0-9a-f]{64}$/.test(value) ? ' class="mono"' : ''}>${escapeXml(value)}</td>`;
      return `<td class="n">${figureText(t.rows[r]?.kind ?? c.kind, value)}</td>`;
    });
    return `<tr${strong}>${tds.join('')}</tr>`;
  });
  const note = t.note ? `<p class="note">${escapeXml(t.note)}</p>` : '';
  return `${scrolling(id, `<table><caption id="${id}">${escapeXml(t.title)}</caption>${head}<tbody>${rows.join('')}</tbody></table>`)}${note}`;
}

const figureKind = (t: ReportTable) => t.columns.find((c) => c.kind !== 'text')?.kind ?? 'money';

/** Money to pence, counts to 2 dp (a whole number of areas as it is), grouped in thousands: the CSV's figures, made readable. */
function figureText(kind: string, value: Decimal): string {
  if (kind === 'share') return `${value.times(100).toFixed(2, Dec.ROUND_HALF_UP)}%`;
  const text =
    kind === 'whole'
      ? value.toFixed(0, Dec.ROUND_HALF_UP)
      : kind === 'count'
        ? toCount2dp(value)
        : toPence(value);
  const grouped = withThousands(text.replace(/^-/, ''));
  return `${text.startsWith('-') ? '-' : ''}${kind === 'money' ? '£' : ''}${grouped}`;
}
