import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { exampleReport } from '../helpers/example-report.js';
import { inProcess } from './in-process.js';

let html: string;
let plan: Record<string, string>[];

/** A table of the report, £ and thousands separators dropped. */
const tableOf = (caption: string): string[][] =>
  htmlTable(html, caption).map((row) => row.map((cell) => cell.replace(/[£,]/g, '')));

beforeAll(async () => {
  const report = await exampleReport();
  expect(report.run.code).toBe(0);
  html = report.html;
  // The breakdowns are of the last scenario (the plan).
  const scenarios = JSON.parse(readFileSync('fixtures/example/scenarios.json', 'utf8')) as {
    scenarios: { id: string }[];
  };
  const id = scenarios.scenarios.at(-1)!.id;
  const projected = await inProcess([
    'project',
    'fixtures/example',
    '--scenario',
    id,
    '--format',
    'csv',
  ]);
  plan = parse(projected.stdout, { columns: true }) as Record<string, string>[];
}, 60_000);

describe("the report's breakdown tables add up to the summary's figures", () => {
  for (const [caption, total, column] of [
    ['Spend by setting', 'Total spend', 'spend_total'],
    ['Spend by age group', 'Total spend', 'spend_total'],
    ['Spend by primary need', 'Total spend', 'spend_total'],
    ['EHCPs in January by setting', 'Total EHCPs', 'pupils_january'],
    ['EHCPs in January by age group', 'Total EHCPs', 'pupils_january'],
    ['EHCPs in January by primary need', 'Total EHCPs', 'pupils_january'],
    // Found in a browser read: 2,928.09 here against 2,928.08 in the summary (lines rounded alone).
    ['Flows into each January', 'EHCPs in January', 'pupils_january'],
  ] as const)
    it(`${caption}: the total row is ${column} to the penny, and the lines add up to it`, () => {
      const [head, ...rows] = tableOf(caption);
      const totalRow = rows.find((r) => r[0] === total)!;
      const lines = rows.filter((r) => r !== totalRow);
      head!.slice(1).forEach((year, i) => {
        const figure = plan.find((p) => p['financial_year'] === year)![column]!;
        expect(Number(totalRow[i + 1]).toFixed(2), `${caption} ${year}`).toBe(
          Number(figure).toFixed(2),
        );
        // In pence, so the sum is exact.
        const pence = lines.reduce((t, r) => t + Math.round(Number(r[i + 1]) * 100), 0);
        expect(pence).toBe(Math.round(Number(figure) * 100));
      });
    });

  it("the flows' opening line is the January before as the summary prints it", () => {
    const rows = tableOf('Flows into each January');
    const opening = rows.find((r) => r[0] === 'EHCPs at the January before')!;
    expect(opening.slice(2)).toEqual(plan.slice(0, -1).map((p) => p['pupils_january']));
  });

  it("the place funding line is the summary's spend_place, as printed there", () => {
    const rows = tableOf('Spend by age group');
    const place = rows.find((r) => r[0]!.startsWith('Place funding'))!;
    expect(place.slice(1)).toEqual(plan.map((p) => p['spend_place']));
  });
});
