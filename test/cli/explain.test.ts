import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { cli, sharedRuns } from '../helpers/run-cli.js';

/** Runs highneeds in this process (no spawn), with stdout and stderr captured and colour off. */
async function highneeds(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const columns = env['COLUMNS'] ? Number(env['COLUMNS']) : undefined;
  return cli(args, { env, ...(columns ? { columns } : {}) });
}

/** The projections the explanations are checked against, each run once (the fixtures are not changed). */
const summaries = sharedRuns();

const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-explain-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The pence of a printed amount ("-1,234.56"), as a whole number. */
const pence = (text: string): number => Math.round(Number(text.replace(/,/g, '')) * 100);

/** The amount column of a table line: right-aligned under the header's "amount". */
function amountOf(line: string, lines: readonly string[]): number {
  const header = lines.find((l) => l.startsWith('part '))!;
  const end = header.indexOf('amount') + 'amount'.length;
  return pence(line.slice(0, end).trim().split(/\s+/).pop()!);
}

/** The summary's figure for a year, from `project --format csv` run the same way. */
async function summaryFigure(args: readonly string[], year: string, column: string) {
  const { stdout } = await summaries(['project', 'fixtures/example', ...args, '--format', 'csv']);
  const [header, ...rows] = stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  const row = rows.find((r) => r[header!.indexOf('financial_year')] === year)!;
  return row[header!.indexOf(column)]!;
}

describe('highneeds explain', () => {
  it('a top-up by setting: the root is the --detail figure, its AY parts add up to it, each band cites its tariff row', async () => {
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2027-28',
      '--figure',
      'spend_top_up',
      '--setting',
      'special-academy',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    const detail = await highneeds(['project', 'fixtures/example', '--detail', '--format', 'csv']);
    const row = detail.stdout
      .split('\n')
      .find((l) => l.startsWith('999,2027-28,special-academy,'))!
      .split(',');
    const root = lines.find((l) => l.startsWith('spend_top_up (special-academy) 2027-28'))!;
    expect(amountOf(root, lines)).toBe(pence(row[4]!));
    const spans = lines.filter((l) => /^ {2}AY /.test(l));
    expect(spans).toHaveLength(2);
    expect(spans.reduce((t, l) => t + amountOf(l, lines), 0)).toBe(pence(row[4]!));
    expect(lines.filter((l) => /^ {4}band \d, need \*/.test(l))).toHaveLength(10);
    expect(result.stdout).toMatch(/ 2025-04-01 \+2 uplifts +derived +devon-2023-24\n/);
    expect(result.stdout).toMatch(/Sources:\n {2}devon-2023-24: Devon County Council/);
  });

  it('a balance: the chain from the opening balance, each in-year balance as the summary prints it', async () => {
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2028-29',
      '--figure',
      'cumulative_balance',
      '--scenario',
      'mitigated',
    ]);
    expect(result.code).toBe(0);
    // The parts are earlier years' figures of the scenario: the footnote names no one year, and
    // keeps the scenario (a user trial followed it to the model as given, a different figure) and
    // the model folder (an officer's trial ran it as printed, on the shipped example instead).
    expect(result.stdout).toContain(
      "* a figure of its own: highneeds explain fixtures/example --figure NAME --year YEAR --scenario mitigated, with the part's name and year\n",
    );
    const lines = result.stdout.split('\n');
    const amounts = lines
      .filter((l) => /^ {2}(opening|in_year_balance)/.test(l))
      .map((l) => amountOf(l, lines));
    expect(amounts).toHaveLength(4);
    // Each in-year balance keeps its printed value, so a penny they miss the total by is a
    // `rounding` line of its own (docs/explain.md), at most one penny either way.
    const rounding = lines.filter((l) => /^ {2}rounding /.test(l)).map((l) => amountOf(l, lines));
    expect(rounding.every((a) => Math.abs(a) === 1)).toBe(true);
    expect(amounts[0]).toBe(pence('-18500000.00'));
    for (const [i, year] of ['2026-27', '2027-28', '2028-29'].entries())
      expect(amounts[i + 1]).toBe(
        pence(await summaryFigure(['--scenario', 'mitigated'], year, 'in_year_balance')),
      );
    const figure = await summaryFigure(
      ['--scenario', 'mitigated'],
      '2028-29',
      'cumulative_balance',
    );
    expect([...amounts, ...rounding].reduce((t, a) => t + a, 0)).toBe(pence(figure));
  });

  it('fits the terminal: no line wider than COLUMNS', async () => {
    const result = await highneeds(
      ['explain', 'fixtures/example', '--year', '2027-28', '--figure', 'spend_place'],
      { COLUMNS: '60' },
    );
    expect(result.code).toBe(0);
    const wide = result.stdout.split('\n').filter((l) => l.length > 60);
    expect(wide).toEqual([]);
  });

  it('--format json: a versioned tree whose parts add up to the figure, written atomically with --out', async () => {
    const out = path.join(scratch, 'transfer.json');
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2028-29',
      '--figure',
      'income_transfer',
      '--scenario',
      'mitigated',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.schema_version).toBe(1);
    expect(json.scenario).toEqual({ id: 'mitigated', label: 'Mitigated: DBV workstreams' });
    expect(json.tree.amount).toBe(1475000);
    expect(json.tree.parts).toHaveLength(1);
    expect(json.tree.parts[0].inputs).toMatchObject({
      line: 'block_transfer',
      amount: 1475000,
      lever: 'transfer-2028',
    });
    expect(json.tree.parts[0].inputs.source).toMatch(/scenarios\.json:\d+:\d+$/);
  });

  it('unknown figure, year, setting and scenario: every one at once, located at its option, exit 2', async () => {
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2031-32',
      '--figure',
      'spend',
      '--setting',
      'academy',
      '--scenario',
      'nope',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n').filter((l) => !l.startsWith('  '))).toEqual([
      '--figure: error UNKNOWN_FIGURE: "spend" is not a figure of the summary',
      '--year: error UNKNOWN_YEAR: "2031-32" is not a financial year of the projection',
      '--setting: error UNKNOWN_SETTING: setting "academy" is not in tariff "example-borough-2025"',
      '--scenario: error UNKNOWN_SCENARIO: scenario "nope" is not defined',
      '4 errors',
      '',
    ]);
    expect(result.stderr).toContain('  hint: years: 2026-27, 2027-28, 2028-29, 2029-30, 2030-31\n');
    expect(result.stderr).toContain(
      '  hint: scenarios: unmitigated, mitigated, safety-valve, demand-management\n',
    );
  });

  it('--setting as a spreadsheet writes a setting is told the id it may be', async () => {
    // Found by an officer's trial: the cells take "Special Academy" as special-academy, but
    // --setting was told only the list of settings.
    for (const [given, meant] of [
      ['Special Academy', 'special-academy'],
      ['independant', 'independent'],
    ]) {
      const result = await highneeds(
        ['explain', 'fixtures/example', '--year', '2027-28', '--figure', 'spend_top_up'].concat(
          '--setting',
          given!,
        ),
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`  hint: did you mean "${meant}"? settings: mainstream, `);
    }
  });

  it('--setting with a figure that is not given by setting is a usage error', async () => {
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2027-28',
      '--figure',
      'income_hnb',
      '--setting',
      'mainstream',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--figure: error UNKNOWN_FIGURE: income_hnb is not given by setting\n  hint: with --setting, figures: pupils_january, spend_top_up, spend_place, place_dfe\n',
    );
  });

  it('--out naming a file explain cannot write (.xlsx, .csv) is a usage error, and nothing is written', async () => {
    for (const name of ['explained.xlsx', 'explained.csv']) {
      const out = path.join(scratch, name);
      const result = await highneeds([
        'explain',
        'fixtures/example',
        '--year',
        '2027-28',
        '--figure',
        'spend_total',
        '--out',
        out,
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('explain writes a text table or JSON');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--format table with a .json --out is a usage error, and nothing is written', async () => {
    const out = path.join(scratch, 'x.json');
    const result = await highneeds([
      'explain',
      '--year',
      '2027-28',
      '--figure',
      'spend_total',
      '--format',
      'table',
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('names a JSON file but --format is table');
  });
});

describe('docs/explain.md', () => {
  /** The output docs/explain.md shows under a command, and what explain prints for it. */
  async function shownAndPrinted(args: readonly string[]) {
    const doc = readFileSync('docs/explain.md', 'utf8');
    const command = `$ node bin/highneeds ${args.join(' ')}\n`;
    expect(doc).toContain(command);
    const shown = doc.slice(doc.indexOf(command) + command.length).split('\n```')[0];
    const result = await highneeds(args);
    expect(result.code).toBe(0);
    return { shown: `${shown}\n`, printed: result.stdout };
  }

  it("the worked example's output is what explain prints, to the penny", async () => {
    const { shown, printed } = await shownAndPrinted(
      'explain fixtures/worked-example --year 2027-28 --figure spend_place'.split(' '),
    );
    expect(shown).toBe(printed);
    expect(shown).toContain('41,666.67');
    expect(shown).toContain('29,166.66');
    expect(shown).toContain('70,833.33');
  });

  it("the SEN unit's occupied and unoccupied places are what explain prints, to the penny", async () => {
    const { shown, printed } = await shownAndPrinted(
      'explain fixtures/money-explain --year 2027-28 --figure spend_place --setting unit'.split(
        ' ',
      ),
    );
    expect(shown).toBe(printed);
    for (const amount of ['12,500.00', '20,833.33', '10,500.00', '29,166.67', '73,000.00'])
      expect(shown).toContain(amount);
  });

  it("pupils placed out of area fill none of the unit's places, and are named", async () => {
    const { shown, printed } = await shownAndPrinted(
      'explain fixtures/out-of-area --year 2026-27 --figure spend_place --setting unit'.split(' '),
    );
    expect(shown).toBe(printed);
    for (const text of ['40,000.00', '5.00 filled', '2.00 out of area, charged no place'])
      expect(shown).toContain(text);
  });
});

describe('highneeds explain: the money lines (fixtures/money-explain)', () => {
  const explain = (year: string, figure: string) =>
    highneeds(['explain', 'fixtures/money-explain', '--year', year, '--figure', figure]);

  it('spend_other: each spend.csv line with its file:line and growth steps', async () => {
    const result = await explain('2028-29', 'spend_other');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        '1.2.8 hospital education: £100,000.00 given for 2026-27 (fixtures/money-explain/spend.csv:2:1)',
        "  grown by 0.05 a year (the row's own growth):",
        '    2027-28: £105,000.00',
        '    2028-29: £110,250.00',
        // Each line with its s251 code, as the DSG plan shows it (a forum trial missed it here).
        '1.2.5 SEN support services: £55,000.00 given for 2028-29 (fixtures/money-explain/spend.csv:4:1)',
      ].join('\n'),
    );
    const lines = result.stdout.split('\n');
    expect(
      amountOf(
        lines.find((l) => l.startsWith('spend_other 2028-29'))!,
        lines,
      ),
    ).toBe(pence(await moneySummary('2028-29', 'spend_other')));
  });

  it('income_hnb_deductions: computed from the "dfe" places, taken away, with the warning named', async () => {
    const result = await explain('2026-27', 'income_hnb_deductions');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}− place funding of the "dfe" settings +200,000\.00\n/);
    expect(result.stdout).toMatch(/\n {4}academy +200,000\.00\n/);
    expect(result.stdout).toContain('(warning DEDUCTIONS_COMPUTED)');
  });

  it('income_hnb_deductions: a scenario\'s places lever in a "dfe" setting is in the change in the "dfe" place funding carried deductions gain', async () => {
    const result = await cli([
      'explain',
      'fixtures/example',
      '--scenario',
      'mitigated',
      '--year',
      '2028-29',
      '--figure',
      'income_hnb_deductions',
    ]);
    expect(result.code, result.stderr).toBe(0);
    // 2026-27's row in cash, not grown by hnbGrowth.
    expect(result.stdout).toMatch(/\n {2}− hnb_deductions 2026-27 +5,460,000\.00\n/);
    expect(result.stdout).toMatch(
      /\n {2}− change in the "dfe" place funding since 2026-27 +815,080\.78\n/,
    );
    // 330 places in places.csv and the lever's 60, all year: 390 × 10,000.
    expect(result.stdout).toMatch(/\n {6}special-academy +3,900,000\.00\n/);
    expect(result.stdout).toContain('places.csv 60.00 by lever');
    expect(result.stdout).toMatch(/\nincome_hnb_deductions 2028-29 +-6,275,080\.78\n/);
  });

  it('general_fund_financing: the rate × the average of the two deficits', async () => {
    const result = await explain('2027-28', 'general_fund_financing');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '0.045 (model.json deficitFinancing.rate) × (deficit at the start £376,000.00 + at the end £474,500.00) ÷ 2',
    );
    expect(await moneySummary('2027-28', 'general_fund_financing')).toBe('19136.25');
  });
});

/** A figure of fixtures/money-explain's summary. */
async function moneySummary(year: string, column: string): Promise<string> {
  const { stdout } = await summaries(['project', 'fixtures/money-explain', '--format', 'csv']);
  const [header, ...rows] = stdout
    .trim()
    .split('\n')
    .map((line) => line.split(','));
  return rows.find((r) => r[header!.indexOf('financial_year')] === year)![header!.indexOf(column)]!;
}

describe('explain --year written as an academic year', () => {
  it('says how to write the financial year meant (a user trial gave 2027/28)', async () => {
    const result = await highneeds([
      'explain',
      'fixtures/example',
      '--year',
      '2027/28',
      '--figure',
      'spend_total',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      '--year: error UNKNOWN_YEAR: "2027/28" is not a financial year of the projection\n' +
        '  hint: write it 2027-28: financial years take a hyphen (2027/28 is how an academic year is written); years: 2026-27, 2027-28, 2028-29, 2029-30, 2030-31\n1 error\n',
    );
  });
});

describe('explain on a narrow terminal', () => {
  it('keeps the parts indented under their parent when the part column is narrowed', async () => {
    // Found by a user trial: at 80 columns the annual_cost rows lost their indent and read as
    // siblings of their academic year.
    const result = await highneeds(
      [
        'explain',
        'fixtures/example',
        '--year',
        '2027-28',
        '--figure',
        'spend_top_up',
        '--setting',
        'independent',
      ],
      { COLUMNS: '80' },
    );
    expect(result.code).toBe(0);
    const parts = result.stdout
      .split('\n\n')[1]!
      .split('\n')
      .slice(1)
      .map((line) => /^ */.exec(line)![0].length);
    // The figure, then each academic year (2) and its annual_cost pupils (4), wrapped or not.
    expect(parts[0]).toBe(0);
    expect(parts.slice(1).every((indent) => indent >= 2)).toBe(true);
    expect(result.stdout).toMatch(/\n {4}pupils priced by their own/);
  });
});

describe('explain of pupils priced by their own annual_cost', () => {
  it('shows how many pupils the fees added together are for', async () => {
    // Found by an officer's user trial: two pupils at £58,500 showed as one row of
    // "annual £ 117,000.00" with no pupils, read as one pupil's fee.
    const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-fees-'));
    cpSync('fixtures/errors/_valid', dir, { recursive: true });
    writeFileSync(
      path.join(dir, 'cohort.csv'),
      'ncy,need,setting,band,count,annual_cost\n5,SEMH,special,,2,58500.00\n3,ASD,mainstream,1,1,\n',
    );
    try {
      const args = ['explain', dir, '--year', '2026-27', '--figure', 'spend_top_up'];
      const table = await cli([...args, '--setting', 'special']);
      expect(table.code, table.stderr).toBe(0);
      const rows = table.stdout.split('\n').filter((l) => l.includes('their own annual_cost'));
      // 2 pupils × £58,500 = £117,000 a year: 5 months of it, then 7.
      expect(
        rows.map((l) =>
          l
            .trim()
            .split(/\s{2,}/)
            .slice(1, 4),
        ),
      ).toEqual([
        ['48,750.00', '2.00', '117,000.00'],
        ['68,250.00', '2.00', '117,000.00'],
      ]);
      const json = await cli([...args, '--setting', 'special', '--format', 'json']);
      expect(json.stdout).toContain('"pupils": 2,\n              "annual_cost": 117000,');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("explain --figure written as project's table labels it", () => {
  const explainFigure = (figure: string) =>
    cli(['explain', 'fixtures/example', '--year', '2027-28', '--figure', figure]);

  it('names the column meant (found by an officer user trial: "Spend: total")', async () => {
    const result = await explainFigure('Spend: total');
    expect([result.code, result.stderr]).toEqual([
      2,
      '--figure: error UNKNOWN_FIGURE: "Spend: total" is not a figure of the summary\n  hint: did you mean spend_total?\n1 error\n',
    ]);
  });

  it('every label of the project table is known, as the column it labels', async () => {
    const labels = new Set<string>();
    for (const args of [
      ['fixtures/example', '--scenario', 'safety-valve'],
      ['fixtures/money-explain'],
    ]) {
      const table = (await cli(['project', ...args, '--format', 'table'])).stdout;
      for (const line of table.split('\n\n')[0]!.split('\n').slice(2))
        labels.add(line.split(/\s{2,}/)[0]!);
    }
    expect(labels.size).toBeGreaterThanOrEqual(17);
    for (const label of labels) {
      const result = await explainFigure(label);
      expect(result.stderr, label).toMatch(/hint: did you mean [a-z_]+\?/);
    }
  });
});
