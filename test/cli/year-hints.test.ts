import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';
import { cli } from '../helpers/run-cli.js';

/**
 * Years as a spreadsheet user writes them, found by a user trial. The column says which kind of
 * year it holds: one of that kind written another way (its end year in full, its label, a dash
 * for a financial year's hyphen) is read and said; the other kind's spelling, a date or a year
 * that is not one is refused, with a hint saying how to write the year that was meant.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-years-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dir = path.join(scratch, 'model');
cpSync(path.join(ROOT, 'fixtures/worked-example'), dir, { recursive: true });
writeFileSync(
  path.join(dir, 'funding.csv'),
  [
    'financial_year,line,amount',
    '2025/26,opening_balance,-100000.00',
    '2026-27,hnb_allocation,300000.00',
    '2027-29,other_income,1.00',
    '2026/2027,la_contribution,1.00',
    '01/04/2027,la_contribution,1.00',
    '2027-04-01,la_contribution,1.00',
    '1-Apr-27,la_contribution,1.00',
    '46478,la_contribution,1.00',
    '',
  ].join('\n'),
);
writeFileSync(
  path.join(dir, 'places.csv'),
  ['academic_year,setting,places', '2025-26,special,8', '01/09/2026,special,10', ''].join('\n'),
);

describe('a year written the other way', () => {
  it('is refused at its cell with the spelling that was meant', async () => {
    const result = await cli(['validate', dir], { cwd: scratch });
    expect(result.code).toBe(1);
    const hints = result.stderr
      .split('\n')
      .map((line, i, lines) =>
        line.includes('INVALID_YEAR') ? `${line.split(': error')[0]} ${lines[i + 1]}` : '',
      )
      .filter(Boolean);
    expect(hints).toEqual([
      'model/funding.csv:2:1   hint: write it 2025-26: financial years take a hyphen (2025/26 is how an academic year is written)',
      // Not consecutive years: what was meant is not plain, so no hint.
      expect.stringMatching(/^model\/funding.csv:4:1 model\/funding.csv:5:1/),
      'model/funding.csv:5:1   hint: write it 2026-27: financial years take a hyphen (2026/2027 is how an academic year is written)',
      'model/funding.csv:6:1   hint: a date: 1 April 2027 is in 2027-28',
      // Every form of date a spreadsheet writes is hinted alike (only dd/mm/yyyy was).
      'model/funding.csv:7:1   hint: a date: 1 April 2027 is in 2027-28',
      'model/funding.csv:8:1   hint: a date: 1 April 2027 is in 2027-28',
      'model/funding.csv:9:1   hint: 46478 is how a spreadsheet stores the date 1 April 2027, which is in 2027-28: write the year',
      'model/places.csv:2:1   hint: write it 2025/26: academic years take a slash (2025-26 is how a financial year is written)',
      'model/places.csv:3:1   hint: a date: 1 September 2026 is in 2026/27',
    ]);
  });
});

describe("a year written as the column's kind another way", () => {
  it('is read, and said once for the column', async () => {
    const read = path.join(scratch, 'read');
    cpSync(path.join(ROOT, 'fixtures/worked-example'), read, { recursive: true });
    const funding = readFileSync(path.join(read, 'funding.csv'), 'utf8');
    writeFileSync(
      path.join(read, 'funding.csv'),
      `${funding.trimEnd()}\nFY2026-27,la_contribution,1.00\n2026-2027,la_contribution,1.00\n2026\u201327,la_contribution,1.00\n`,
    );
    writeFileSync(
      path.join(read, 'places.csv'),
      ['academic_year,setting,places', '2026/2027,special,10', 'AY 2027/28,special,10', ''].join(
        '\n',
      ),
    );
    const result = await cli(['validate', read], { cwd: scratch });
    expect(result.stderr).not.toContain('error');
    expect(result.stderr).toContain(
      'read/funding.csv:5:1: warning CODE_NORMALISED: "financial_year": read a year written in full, with a label or with a dash in 3 cells ("FY2026-27" as 2026-27, the first here)',
    );
    expect(result.stderr).toContain(
      'read/places.csv:2:1: warning CODE_NORMALISED: "academic_year": read a year written in full, with a label or with a dash in 2 cells ("2026/2027" as 2026/27, the first here)',
    );
    expect(result.code).toBe(0);
  });
});

describe('a year in model.json or scenarios.json written the other way', () => {
  it('is refused at its field with the spelling that was meant', async () => {
    const json = path.join(scratch, 'json');
    cpSync(path.join(ROOT, 'fixtures/worked-example'), json, { recursive: true });
    writeFileSync(
      path.join(json, 'model.json'),
      JSON.stringify({
        area: { code: 'W01', name: 'Worked Example' },
        baseYear: '2025-26',
        horizon: 'FY2027/28',
        tariff: 'tariff.json',
        assumptions: { newPlansGrowth: '0.5', hnbGrowth: '0.1', tariffUplift: '0' },
        overrideEnd: '2027/28',
        writeOff: { share: '0.9', balanceYear: '2025/26', paidIn: '2026-27' },
      }),
    );
    const result = await cli(['validate', json], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '$.baseYear "2025-26" is not an academic year written like 2025/26\n  hint: write it 2025/26: academic years take a slash (2025-26 is how a financial year is written)\n',
    );
    expect(result.stderr).toContain(
      '$.horizon "FY2027/28" is not a financial year written like 2030-31\n  hint: write it 2027-28: financial years take a hyphen (2027/28 is how an academic year is written)\n',
    );
    expect(result.stderr).toContain(
      '$.overrideEnd "2027/28" is not a financial year written like 2027-28\n  hint: write it 2027-28: financial years take a hyphen',
    );
    // The write-off's years are read by the same rule as a scenario's (src/io/json-years.ts).
    expect(result.stderr).toContain(
      '$.writeOff.balanceYear "2025/26" is not a financial year written like 2026-27\n  hint: write it 2025-26: financial years take a hyphen',
    );
  });

  it("in a scenario's profile too", async () => {
    const json = path.join(scratch, 'scenario');
    cpSync(path.join(ROOT, 'fixtures/worked-example'), json, { recursive: true });
    writeFileSync(
      path.join(json, 'scenarios.json'),
      JSON.stringify({
        scenarios: [
          {
            id: 'a',
            label: 'A',
            levers: [
              {
                id: 'x',
                label: 'X',
                kind: 'new-plans',
                share: '-0.1',
                profile: { shape: 'step', from: '2027-28' },
              },
            ],
          },
        ],
      }),
    );
    const result = await cli(['validate', json], { cwd: scratch });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '.profile.from "2027-28" is not an academic year written like 2026/27\n  hint: write it 2027/28: academic years take a slash',
    );
  });
});

describe('an NFF parameters file whose year is written the other way', () => {
  it('is refused at its field with the spelling that was meant, as a scenario year is', async () => {
    const nff = path.join(scratch, 'nff');
    cpSync(path.join(ROOT, 'fixtures/errors/NFF_WRONG_YEAR'), nff, { recursive: true });
    const file = path.join(nff, 'nff-parameters/2025-26.json');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '"financialYear": "2024-25"',
        '"financialYear": "2025/26"',
      ),
    );
    const result = await cli(
      ['nff', 'nff-factors.csv', '--params', 'nff-parameters', '--year', '2025-26'],
      { cwd: nff },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      '$.financialYear "2025/26" is not a financial year written like 2026-27\n  hint: write it 2025-26: financial years take a hyphen',
    );
  });
});

describe('a date written as a UK spreadsheet writes it, where YYYY-MM-DD is asked for', () => {
  it('says how to write that day (found by an officer user trial)', async () => {
    const at = await cli(['tariffs', 'show', 'example-borough-2025', '--at', '01/04/2026']);
    expect([at.code, at.stderr]).toEqual([
      2,
      'highneeds: --at 01/04/2026 is not a date written YYYY-MM-DD: as a UK date, 1 April 2026, write it 2026-04-01\n',
    ]);
    // Not a day of the calendar either way: no day offered.
    expect(
      (await cli(['tariffs', 'show', 'example-borough-2025', '--at', '31/02/2026'])).stderr,
    ).toBe('highneeds: --at 31/02/2026 is not a date written YYYY-MM-DD\n');
  });

  it("in a tariff lever's from, at its cell", async () => {
    const model = path.join(scratch, 'lever-date');
    cpSync(path.join(ROOT, 'fixtures/example'), model, { recursive: true });
    const scenarios = readFileSync(path.join(model, 'scenarios.json'), 'utf8');
    const tariffFrom = /"from": "(\d{4})-(\d{2})-(\d{2})"/.exec(scenarios)!;
    writeFileSync(
      path.join(model, 'scenarios.json'),
      scenarios.replace(
        tariffFrom[0],
        `"from": "${tariffFrom[3]}/${tariffFrom[2]}/${tariffFrom[1]}"`,
      ),
    );
    const result = await cli(['validate', model]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `.from "${tariffFrom[3]}/${tariffFrom[2]}/${tariffFrom[1]}" is not a date written YYYY-MM-DD: as a UK date, ${Number(tariffFrom[3])} `,
    );
    expect(result.stderr).toContain(`write it ${tariffFrom[1]}-${tariffFrom[2]}-${tariffFrom[3]}`);
  });
});
