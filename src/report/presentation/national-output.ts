import { renderHtml } from '../html/render-html.js';
import { writeWorkbook } from '../xlsx/write-workbook.js';
import { failedCount } from './failed-areas.js';
import { nationalSections, nationalSheets, type NationalReportInput } from './national-report.js';

/** The national report in both forms, from one batch's results. */
export async function renderNationalReport(
  input: NationalReportInput,
): Promise<{ html: string; xlsx: Uint8Array }> {
  const areas = new Set(input.rows.map((r) => String(r['area_code']))).size;
  const html = renderHtml({
    title: 'High-needs projection: national report',
    subtitle: `${areas} areas modelled${input.failures?.length ? `; ${failedCount(input.failures)}` : ''}; scenarios: ${input.scenarios.map((s) => s || 'the model as given').join(', ')}.`,
    sections: nationalSections(input),
  });
  return { html, xlsx: await writeWorkbook(nationalSheets(input)) };
}
