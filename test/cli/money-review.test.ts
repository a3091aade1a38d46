import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';
import { asOnOneCore } from '../helpers/one-core.js';

// Threads are not what this file tests: its commands run on one (the reason is in the helper).
asOnOneCore();

/*
 * Money defects found by a review of the money figures against the domain brief, each seen by the
 * user at the command line. Each model is fixtures/errors/_valid (2 mainstream pupils at £5,000,
 * 1 special at £20,000 + a £10,000 place, 1 resourced at £8,000 + a £6,000 place: £54,000 a year;
 * an HNB of £100,000; opening balance −£1,000) with the files and model.json fields given.
 */
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function validWith(files: Record<string, string>, modelFields: object = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-money-'));
  made.push(dir);
  const model = path.join(dir, 'm');
  cpSync(path.join(ROOT, 'fixtures/errors/_valid'), model, { recursive: true });
  const json = JSON.parse(readFileSync(path.join(model, 'model.json'), 'utf8')) as object;
  writeFileSync(path.join(model, 'model.json'), JSON.stringify({ ...json, ...modelFields }));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(model, name), text);
  return model;
}

/** £80,000 of services: £134,000 of spend a year, an underlying in-year balance of −£34,000. */
const SERVICES = 'financial_year,line,amount,s251\n2026-27,SEN support services,80000.00,1.2.5\n';

describe('spend.csv lines the projection already charges', () => {
  // An officer who copies the whole s251 high-needs budget into spend.csv counted top-ups and place
  // funding twice, and nothing said so. The money is still added as given (a top-up line may be for
  // pupils without an EHCP), but each such line is named once, at its first s251 cell.
  it('warns once per line on s251 1.0.2 or 1.2.1–1.2.3, and still adds it', async () => {
    const model = validWith(
      {
        'spend.csv': [
          'financial_year,line,amount,s251',
          '2026-27,place funding,30000.00,1.0.2',
          '2027-28,place funding,31000.00,1.0.2',
          '2026-27,independent fees,70000.00, 1.2.3',
          '2026-27,SEN support services,20000.00,1.2.5',
          '',
        ].join('\n'),
      },
      { horizon: '2027-28' },
    );
    const result = await cli(['project', model]);
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('SPEND_LINE_MODELLED'));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain(
      'spend.csv:2:4: warning SPEND_LINE_MODELLED: spend line "place funding" is s251 1.0.2',
    );
    expect(warnings[0]).toContain('already charges as spend_place');
    expect(warnings[1]).toContain(
      'spend.csv:4:4: warning SPEND_LINE_MODELLED: spend line "independent fees" is s251 1.2.3',
    );
    expect(result.stderr).not.toContain('SEN support services');
    // spend_other is the 16th column: 30,000 + 70,000 + 20,000, then 31,000 + 70,000 + 20,000.
    const rows = result.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.map((r) => r[15])).toEqual(['120000.00', '121000.00']);
  });
});

describe('the import/export adjustment of a year without one', () => {
  // It is never carried into a later year while the HNB and its deductions are: the run warns,
  // and explain says so of the figure.
  it('is warned of, and explain says why it is 0', async () => {
    const funding = `${readFileSync(path.join(ROOT, 'fixtures/errors/_valid/funding.csv'), 'utf8')}2026-27,import_export,-6000.00\n`;
    const model = validWith({ 'funding.csv': funding }, { horizon: '2027-28' });
    const args = ['--year', '2027-28', '--figure', 'income_import_export'];
    const result = await cli(['explain', model, ...args]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'funding.csv:4:1: warning IMPORT_EXPORT_NOT_CARRIED: import_export is -£6,000.00 for 2026-27 but not given for 2027-28',
    );
    expect(result.stdout).toContain(
      "for its year only: a year without an import_export row has none, the last year's not being carried",
    );
    expect(result.stdout).toMatch(/\nincome_import_export 2027-28 +0\.00\n/);
  });
});

describe("the write-off's deficit at the opening date", () => {
  // With no reported figures it was said to be of the deficit "as projected" (headline) and of the
  // "projection" (explain), though it is funding.csv's opening_balance as given.
  it("is named as funding.csv's opening balance, in the headline and in explain", async () => {
    const model = validWith(
      {},
      { writeOff: { share: '0.9', balanceYear: '2025-26', paidIn: '2026-27' } },
    );
    const table = await cli(['project', model, '--format', 'table']);
    expect(table.code).toBe(0);
    // The valid model opens at −£1,000.00: 0.9 × £1,000.00 = £900.00.
    expect(table.stdout).toContain(
      "write-off (High Needs Stability Grant) in 2026-27: 0.9 × the £1,000.00 deficit at the end of 2025-26 (funding.csv's opening_balance) = £900.00",
    );
    expect(table.stdout).not.toContain('as projected');
    const args = ['--year', '2026-27', '--figure', 'income_write_off'];
    const explained = await cli(['explain', model, ...args]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain(
      "write-off: 0.9 × eligible deficit £1,000.00 (funding.csv's opening_balance, end of 2025-26), paid in 2026-27",
    );
  });
});

describe('Safety Valve', () => {
  // solve's in-year-balance target counted the agreement's own instalment, so it answered "already
  // met" where compare said the agreement's in-year target was missed. Domain brief §2.5 adds Safety
  // Valve and grant receipts to the cumulative balance only.
  it('solve seeks the in-year balance before Safety Valve payments, and says so', async () => {
    const agreement = {
      total: '60000.00',
      instalments: [{ financialYear: '2026-27', amount: '60000.00', status: 'due' }],
      inYearBalanceBy: '2026-27',
    };
    const scenarios = { scenarios: [{ id: 'sv', label: 'Safety Valve', agreement }] };
    const model = validWith({ 'spend.csv': SERVICES, 'scenarios.json': JSON.stringify(scenarios) });
    const target = ['--target', 'in-year-balance>=0@2026-27'];
    const vary = [
      '--vary',
      'transfer:2026-27:10000000',
      '--range',
      '0,0.01',
      '--tolerance',
      '0.0001',
    ];
    const result = await cli(['solve', model, '--scenario', 'sv', ...target, ...vary]);
    expect(result.code, result.stderr).toBe(0);
    // 34,000 of a 10,000,000 schools block is a share of 0.0034 (to within the tolerance), not 0.
    // The year has Safety Valve income and no write-off: the answer names the one it leaves out.
    const answer =
      /holds from transfer:2026-27:10000000 = ([0-9.]+) \(to within 0\.0001; in-year-balance there, before Safety Valve payments: £([0-9.,]+)\)/.exec(
        result.stderr,
      );
    expect(answer, result.stderr).not.toBeNull();
    const share = Number(answer![1]);
    expect(share).toBeGreaterThanOrEqual(0.0034);
    expect(share).toBeLessThanOrEqual(0.0035);
    expect(Number(answer![2]!.replace(/,/g, ''))).toBeCloseTo(10_000_000 * share - 34000, 2);
    // The CSV's in_year_balance still includes the instalment: 60,000 more.
    const cells = result.stdout.trim().split('\n')[1]!.split(',');
    expect(cells[0]).toBe('2026-27');
    expect(Number(cells[3])).toBeCloseTo(60000 + 10_000_000 * share - 34000, 2);
  });

  // Found by the house-style review: the agreement's figures were rounded by toFixed(2), not
  // toPence, so a balance 0.4p short of nil read -£0.00 beside the rows' 0.00.
  it("compare prints the agreement's balance at the horizon by the rows' rounding: 0.4p short is £0.00", async () => {
    const agreement = {
      total: '1000.00',
      instalments: [{ financialYear: '2026-27', amount: '1000.00', status: 'due' }],
      inYearBalanceBy: '2026-27',
      clearDeficitBy: '2026-27',
    };
    const scenarios = { scenarios: [{ id: 'sv', label: 'Safety Valve', agreement }] };
    // £100,000 of HNB and £1,000 of Safety Valve less £54,000 of spend: £47,000 less 47,000.004.
    const funding =
      'financial_year,line,amount\n2025-26,opening_balance,-47000.004\n2026-27,hnb_allocation,100000.00\n';
    const model = validWith({
      'funding.csv': funding,
      'scenarios.json': JSON.stringify(scenarios),
    });
    const json = await cli(['compare', model, '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).toContain('"cumulative_at_horizon": 0.00,');
    const table = await cli(['compare', model, '--format', 'table']);
    expect(table.stdout).toContain('cumulative balance at the horizon: £0.00;');
  });

  it("compare names the write-off among what the agreement's underlying balance leaves out", async () => {
    const agreement = {
      total: '10000.00',
      instalments: [{ financialYear: '2026-27', amount: '10000.00', status: 'due' }],
      inYearBalanceBy: '2026-27',
    };
    const model = validWith(
      {
        'scenarios.json': JSON.stringify({ scenarios: [{ id: 'sv', label: 'SV', agreement }] }),
      },
      { writeOff: { share: '0.9', balanceYear: '2025-26', paidIn: '2026-27' } },
    );
    const result = await cli(['compare', model, '--format', 'table']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'underlying in-year balance (before Safety Valve payments and the write-off grant) first reached: 2026-27',
    );
  });

  // An agreement whose in-year target was met in its year and missed later had every instalment
  // from the target year on "at risk", though DfE releases each after reviewing progress (domain
  // brief §2.6): the ones due while the plan was on track are not at risk.
  it('compare puts at risk the instalments from the first year the target is missed, and says which', async () => {
    const scenarios = {
      scenarios: [
        {
          id: 'sv',
          label: 'Safety Valve',
          // 50,000 of other income meets the target in 2026-27 (+16,000); 2027-28 misses (−34,000).
          funding: [{ financialYear: '2026-27', line: 'other_income', amount: '50000.00' }],
          agreement: {
            total: '20000.00',
            instalments: [
              { financialYear: '2026-27', amount: '10000.00', status: 'due' },
              { financialYear: '2027-28', amount: '10000.00', status: 'due' },
            ],
            inYearBalanceBy: '2026-27',
          },
        },
      ],
    };
    const model = validWith(
      { 'spend.csv': SERVICES, 'scenarios.json': JSON.stringify(scenarios) },
      { horizon: '2027-28' },
    );
    const result = await cli(['compare', model, '--format', 'table']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'underlying in-year balance from 2026-27 on: MISSED (first in 2027-28)',
    );
    expect(result.stdout).toContain('instalments at risk: £10,000.00 due 2027-28\n');
    // Opening −1,000; +26,000 in 2026-27; −24,000 in 2027-28: £1,000, and −£9,000 without 2027-28's £10,000.
    expect(result.stdout).toContain(
      'cumulative balance at the horizon: £1,000.00; without the at-risk instalments: -£9,000.00',
    );
  });
});
