import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlTable } from './html-table.js';
import { inProcess } from './in-process.js';

// Found in an officer's trial: the report's EHCPs by age group totalled 1,417.45 beside 1,417.44
// by setting and in the summary (project's CSV, the Summary sheet). The tables were reconciled
// to their lines' own exact sum, and the same expected pupils (doubles) summed by age group lie a
// few units of the 13th decimal from the summary's sum: here 27.184999… against 27.18500…01, so
// 27.18 beside 27.19. Every table of EHCPs now adds up to the summary's pupils_january.
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-pupil-totals-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const model = path.join(scratch, 'near-half');
const rates = [75, 51, 99, 51, 41, 11, 11, 39, 94, 57, 57, 55, 79, 22, 85];
const files: Record<string, string> = {
  'model.json': JSON.stringify({
    area: { code: '999', name: 'Near Half' },
    baseYear: '2025/26',
    horizon: '2027-28',
    tariff: 'example-borough-2025',
  }),
  'cohort.csv':
    'ncy,need,setting,band,count\n7,ASD,special-academy,3,1\n0,MLD,special-maintained,2,10\n10,SEMH,special-academy,3,3\n9,SLCN,mainstream,2,15\n',
  'ceasing.csv': `ncy,rate\n${rates.map((r, ncy) => `${ncy},0.0${r}`).join('\n')}\n`,
  'transitions.csv':
    'from_ncy,from_setting,to_setting,rate,to_band\n6,mainstream,special-academy,0.183,3\n',
  'funding.csv':
    'financial_year,line,amount\n2025-26,opening_balance,0\n2026-27,hnb_allocation,1000000\n2026-27,hnb_deductions,0\n',
};
let html: string;
let summary: string;

beforeAll(async () => {
  mkdirSync(model);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(model, name), text);
  const csv = await inProcess(['project', model, '--format', 'csv']);
  expect(csv.code).toBe(0);
  summary = csv.stdout.split('\n')[1]!.split(',')[3]!;
  const out = path.join(scratch, 'report.html');
  const run = await inProcess(['report', model, '--out', out]);
  expect(run.code, run.stderr).toBe(0);
  html = readFileSync(out, 'utf8');
}, 60_000);

describe('tables of EHCPs total the summary pupils_january when their sum lies near a half', () => {
  it('the summary says 27.18 in 2026-27 (the case this test is for)', () => {
    expect(summary).toBe('27.18');
  });

  for (const caption of [
    'EHCPs in January by setting',
    'EHCPs in January by age group in',
    'EHCPs in January by primary need',
    'EHCPs in January by placement category',
    'EHCPs in January by age group:',
    'Flows into each January',
  ])
    it(`${caption}: 27.18, and the lines add up to it`, () => {
      const [head, ...rows] = htmlTable(html, caption);
      const at = head!.indexOf('2026-27');
      const total = rows.at(-1)!;
      expect(total[at]).toBe('27.18');
      const hundredths = rows
        .slice(0, -1)
        .reduce((t, r) => t + Math.round(Number(r[at]!.replace(/,/g, '')) * 100), 0);
      expect(hundredths).toBe(2718);
    });

  it("the workbook's DSG plan totals (formulas over the lines) are 27.18 too", async () => {
    const out = path.join(scratch, 'report.xlsx');
    const run = await inProcess(['report', model, '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.getWorksheet('DSG plan')!;
    const totals: number[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(1).value !== 'Total EHCPs') return;
      const cells: number[] = [];
      for (let c = sheet.getRow(row.number).cellCount, i = 2; i <= c; i += 1) {
        const value = row.getCell(i).value;
        if (value && typeof value === 'object' && 'formula' in value) {
          const terms = String(value.formula).match(/^SUM\(([A-Z]+)(\d+):[A-Z]+(\d+)\)$/)!;
          let sum = 0;
          for (let r = Number(terms[2]); r <= Number(terms[3]); r += 1)
            sum += Math.round(Number(sheet.getCell(`${terms[1]}${r}`).value) * 100);
          cells.push(sum);
        }
      }
      totals.push(cells[0]!);
    });
    expect(totals).toEqual([2718, 2718]);
  });
});
