import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../helpers/run-cli.js';

/**
 * What a user trial of calibrate on a case-management extract found: messy histories that ran
 * without a word to wrong rates, or stopped with a message that led nowhere.
 */
const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-calibrate-messy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** calibrate of fixtures/history's population and codes with these snapshots, into the scratch folder. */
const calibrate = (snapshots: string, out: string) =>
  cli([
    ...['calibrate', '--snapshots', snapshots, '--out-dir', path.join(scratch, out)],
    ...['--population', 'fixtures/history/population.csv', '--codes', 'fixtures/history/codes.csv'],
  ]);
const SNAPSHOTS = readFileSync('fixtures/history/snapshots.csv', 'utf8').trim().split('\n');
/** January 2021's pupils who could go on (below NCY 20, who all age out), counted from the file. */
const COULD_GO_ON_2021 = SNAPSHOTS.filter((line) => {
  const [year, , ncy] = line.split(',');
  return year === '2021' && Number(ncy) < 20;
}).length;
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lines written as a snapshots file, with the first line and the number of lines `changed` holds. */
function writtenWith(name: string, lines: readonly string[], changed: (line: string) => boolean) {
  const file = path.join(scratch, name);
  writeFileSync(file, lines.join('\n') + '\n');
  return { file, first: lines.findIndex(changed) + 1, cells: lines.filter(changed).length };
}
/** calibration.csv of a folder calibrate wrote into the scratch folder. */
const calibrationOf = (out: string) => readFileSync(path.join(scratch, out, 'calibration.csv'));

/** fixtures/history/snapshots.csv with the person ids of January `year` rewritten by `id`. */
function renamed(name: string, year: string, id: (person: string, index: number) => string) {
  let index = 0;
  const lines = SNAPSHOTS.map((line, n) => {
    const cells = line.split(',');
    if (n === 0 || cells[0] !== year) return line;
    cells[1] = id(cells[1]!, index++);
    return cells.join(',');
  });
  const file = path.join(scratch, name);
  writeFileSync(file, lines.join('\n') + '\n');
  const first = lines.findIndex((line) => line.startsWith(`${year},`)) + 1;
  return { file, first, pupils: index };
}

describe('snapshots whose person ids change between Januaries', () => {
  it('none followed from one January to the next is an error at the later one, not a fit', async () => {
    // Excel dropped the leading letter (zeros, in the trial) of every id of January 2022.
    const { file, first } = renamed('all.csv', '2022', (person) => person.slice(1));
    const result = await calibrate(file, 'all');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:${first}:2: error PERSONS_NOT_FOLLOWED: none of the ${COULD_GO_ON_2021} pupils of January 2021 below NCY 20 is in January 2022 by person_id`,
    );
    // January 2022's ids are not January 2023's either: the next step is said too.
    expect(result.stderr).toMatch(/none of the \d+ pupils of January 2022 below NCY 20 is in/);
    expect(result.stderr).toMatch(/\n2 errors\n$/);
    expect(existsSync(path.join(scratch, 'all'))).toBe(false);
  });

  it('fewer than half followed is a warning that says how many', async () => {
    // Two ids in three changed (a new system for part of the year's extract).
    const { file, first } = renamed('part.csv', '2022', (person, i) =>
      i % 3 === 0 ? person : `N${person}`,
    );
    const result = await calibrate(file, 'part');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      new RegExp(
        `${escaped(file)}:${first}:2: warning PERSONS_NOT_FOLLOWED: only \\d+ of the ${COULD_GO_ON_2021} pupils of January 2021 below NCY 20 are in January 2022 by person_id: the other \\d+ would be fitted as plans that ended`,
      ),
    );
  });

  it('ids that change in a step --fit-years leaves out stop nothing; in a fitted step they do', async () => {
    // A new system from January 2022: the ids of 2019 to 2021 are the old system's. Fitting only
    // the years after the change is the officer's way round it (found by a review).
    const lines = SNAPSHOTS.map((line, n) => {
      const cells = line.split(',');
      if (n === 0 || cells[0]! > '2021') return line;
      cells[1] = `OLD${cells[1]!}`;
      return cells.join(',');
    });
    const file = path.join(scratch, 'old-system.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const fitting = (years: string, out: string) =>
      cli([
        ...['calibrate', '--snapshots', file, '--out-dir', path.join(scratch, out)],
        ...['--population', 'fixtures/history/population.csv'],
        ...['--codes', 'fixtures/history/codes.csv', '--fit-years', years],
      ]);
    const after = await fitting('2022-2024', 'after');
    expect(after.stderr).not.toContain('PERSONS_NOT_FOLLOWED');
    // Nor is the step left out a year out of line: all its plans ended and were new, unfitted.
    expect(after.stderr).not.toContain('YEAR_OUT_OF_LINE');
    expect(after.code).toBe(0);
    const across = await fitting('2021-2024', 'across');
    expect(across.code).toBe(1);
    expect(across.stderr).toContain(
      `error PERSONS_NOT_FOLLOWED: none of the ${COULD_GO_ON_2021} pupils of January 2021 below NCY 20 is in January 2022 by person_id`,
    );
  });

  it('the history as it is says nothing of the kind', async () => {
    const result = await calibrate('fixtures/history/snapshots.csv', 'plain');
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain('PERSONS_NOT_FOLLOWED');
  });
});

describe('a person missing from a January between two they are in', () => {
  it('is a plan that ended and a new plan, said in one warning with how many', async () => {
    // Three persons of January 2021 and 2023 lose their rows of January 2022, as an extract
    // that dropped them would: without the warning they were fitted as leavers and joiners unsaid.
    const persons = (year: string) =>
      new Set(SNAPSHOTS.filter((l) => l.startsWith(`${year},`)).map((l) => l.split(',')[1]));
    const in2021 = persons('2021');
    const in2023 = persons('2023');
    const lost = [...persons('2022')].filter((p) => in2021.has(p) && in2023.has(p)).slice(0, 3);
    const lines = SNAPSHOTS.filter((l) => !lost.some((p) => l.startsWith(`2022,${p},`)));
    const file = path.join(scratch, 'returns.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    const returns = lost.map((p) => lines.findIndex((l) => l.startsWith(`2023,${p},`)) + 1);
    const result = await calibrate(file, 'returns');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${file}:${Math.min(...returns)}:2: warning PERSON_RETURNS: person "${lost[returns.indexOf(Math.min(...returns))]}" is in January 2021 and January 2023 but not in January 2022: counted as a plan that ended after January 2021 and a new plan in January 2023 (3 such returns in the file, the first here)\n`,
    );
    const plain = await calibrate('fixtures/history/snapshots.csv', 'no-returns');
    expect(plain.stderr).not.toContain('PERSON_RETURNS');
    // A return across steps --fit-years leaves out misleads no fit, and is not said.
    const later = await cli([
      ...['calibrate', '--snapshots', file, '--out-dir', path.join(scratch, 'returns-later')],
      ...['--population', 'fixtures/history/population.csv'],
      ...['--codes', 'fixtures/history/codes.csv', '--fit-years', '2023-2024'],
    ]);
    expect(later.code).toBe(0);
    expect(later.stderr).not.toContain('PERSON_RETURNS');
  });
});

describe("an extract's census date in the snapshots' year column", () => {
  it('a date in January is read as its year, said once for the column', async () => {
    const dated = SNAPSHOTS.map((line, n) => (n === 0 ? line : `18/01/${line}`));
    const file = path.join(scratch, 'dated.csv');
    writeFileSync(file, dated.join('\n') + '\n');
    const result = await calibrate(file, 'dated');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${file}:2:1: warning CODE_NORMALISED: "year": read a date in January as its year in ${SNAPSHOTS.length - 1} cells ("18/01/2019" as 2019, the first here)`,
    );
    const plain = await calibrate('fixtures/history/snapshots.csv', 'undated');
    expect(plain.code).toBe(0);
    const calibration = (out: string) => readFileSync(path.join(scratch, out, 'calibration.csv'));
    expect(calibration('dated').equals(calibration('undated'))).toBe(true);
  });

  it.each([
    // 2022/23's January is January 2023, as extracts and census releases label it: it was an
    // error on every row of the January, each saying to write 2023 (found by a user trial).
    ['2022/23', 'read an academic year as the year of its January'],
    // "2023-24" was INVALID_YEAR with no hint, where "2023/24" was read (an officer's trial): an
    // academic and a financial year hold the same January.
    [
      '2022-23',
      'read a year written with a hyphen (an academic or a financial year: either holds one January) as the year of its January',
    ],
  ])('%s is read as the year of its January, said once for the column', async (year, words) => {
    const name = `academic-${year.replace('/', '_')}`;
    const academic = SNAPSHOTS.map((line) => line.replace(/^2023,/, `${year},`));
    const { file, first, cells } = writtenWith(`${name}.csv`, academic, (line) =>
      line.startsWith(`${year},`),
    );
    const result = await calibrate(file, name);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${file}:${first}:1: warning CODE_NORMALISED: "year": ${words} in ${cells} cells ("${year}" as 2023, the first here)`,
    );
    await calibrate('fixtures/history/snapshots.csv', `not-${name}`);
    expect(calibrationOf(name).equals(calibrationOf(`not-${name}`))).toBe(true);
  });

  it.each([
    // A date in another month names no January.
    [
      '17/05/2023',
      'the year of a January census, 2024 for January 2024 (a date in January, 18/01/2024, is read as its year)',
    ],
  ])('%s is an error that says what to write', async (year, hint) => {
    const file = path.join(scratch, `${year.replace(/\//g, '-')}.csv`);
    writeFileSync(file, SNAPSHOTS.map((l) => l.replace(/^2023,/, `${year},`)).join('\n'));
    const result = await calibrate(file, year.replace(/\//g, '-'));
    expect(result.code).toBe(1);
    // Said once for the column's cells written that way, with how many (foldRepeatedCells).
    const cells = SNAPSHOTS.filter((l) => l.startsWith('2023,')).length;
    expect(result.stderr).toContain(
      `:1: error INVALID_YEAR: calendar year "${year}" is not written like 2024 (${cells} cells, the first here)\n  hint: ${hint}\n`,
    );
  });
});

describe('a population by age, as ONS mid-year estimates give it', () => {
  const population = (name: string, header: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, `${header}\n2024,10,1000\n`);
    return file;
  };
  const withPopulation = (file: string, out: string) =>
    cli([
      ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv', '--population', file],
      ...['--codes', 'fixtures/history/codes.csv', '--out-dir', path.join(scratch, out)],
    ]);

  it('says the NCY is the age less 4, and how to write the year, not "rename year academic_year"', async () => {
    const file = population('by-age.csv', 'year,age,population');
    const result = await withPopulation(file, 'by-age');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:1: error MISSING_COLUMN: required column "academic_year" is missing\n  hint: column "year" may be it, as the academic year of the January, written 2023/24 for January 2024 (the mid-2023 estimates); or name the columns calendar-year (2024 for January 2024), academic-year (the NCY) and population; expected columns: academic_year, ncy, population (optional: area)\n`,
    );
    expect(result.stderr).toContain(
      `${file}:1: error MISSING_COLUMN: required column "ncy" is missing\n  hint: column "age" holds ages, not NCYs: the population is by NCY, age at 31 August − 4 (age 4 is Reception, NCY 0; age 24 is NCY 20); expected columns: academic_year, ncy, population (optional: area)\n`,
    );
  });

  it('in the transitions layout too', async () => {
    const file = population('calendar-by-age.csv', 'calendar-year,age,population');
    const result = await withPopulation(file, 'calendar-by-age');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error MISSING_COLUMN: required column "academic-year" is missing\n  hint: column "age" holds ages, not NCYs: the population is by NCY, age at 31 August − 4 (age 4 is Reception, NCY 0; age 24 is NCY 20); calendar-year is the January\'s year (2024: for the mid-2023 estimates); expected columns: calendar-year, academic-year, population\n',
    );
  });

  it('an NCY column beside calendar-year is offered as academic-year, which the NCY is named there', async () => {
    // Found by an officer's trial: "Calendar Year,NC Year,Population" was told academic-year was
    // missing and "NC Year" not used, with nothing to say one was the other.
    const file = population('calendar-ncy.csv', 'Calendar Year,NC Year,Population');
    const result = await withPopulation(file, 'calendar-ncy');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:1: error MISSING_COLUMN: required column "academic-year" is missing\n  hint: column "NC Year" may be it: beside calendar-year the NCY is named academic-year, as the transitions format names it; rename it academic-year, or name the columns academic_year (2023/24 for January 2024), ncy and population; expected columns: calendar-year, academic-year, population\n`,
    );
  });

  it('a calendar year where an academic year belongs says which academic year it is in', async () => {
    const file = population('calendar-years.csv', 'academic_year,ncy,population');
    const result = await withPopulation(file, 'calendar-years');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:2:1: error INVALID_YEAR: academic year "2024" is not written like 2025/26\n  hint: January 2024 is in 2023/24, September 2024 starts 2024/25\n`,
    );
  });
});

it("a transitions file's normalised cells are counted at every line, not once per distinct line", async () => {
  // Identical lines are read once (src/io/repeated-lines.ts); "Year 5" was counted 39 times in 158 cells.
  const lines = readFileSync('fixtures/history/transitions.csv', 'utf8').trim().split('\n');
  const named = lines.map((line, n) => {
    const cells = line.split(',');
    if (n > 0 && cells[3] === '5' && cells[1] !== 'NONSEND') cells[3] = 'Year 5';
    return cells.join(',');
  });
  const cells = named.filter((line) => line.split(',')[3] === 'Year 5').length;
  expect(cells).toBeGreaterThan(100);
  const file = path.join(scratch, 'year-names.csv');
  writeFileSync(file, named.join('\n') + '\n');
  const result = await cli([
    ...['calibrate', '--transitions', file, '--population', 'fixtures/history/population.csv'],
    ...['--codes', 'fixtures/history/codes.csv', '--out-dir', path.join(scratch, 'year-names')],
  ]);
  expect(result.code).toBe(0);
  expect(result.stderr).toMatch(
    new RegExp(
      `warning CODE_NORMALISED: "academic-year-1": read a year name as an NCY in ${cells} cells \\("Year 5" as 5, the first here\\)`,
    ),
  );
});

it('a pupil taught out of year group is told what NCY to give, not to "correct the extract"', async () => {
  // P1 is in NCY -1 in January 2019 and 0 in 2020: held back, 0 again in 2021.
  const held = SNAPSHOTS.map((line) => line.replace(/^2021,P1,1,/, '2021,P1,0,'));
  expect(held).not.toEqual(SNAPSHOTS);
  const file = path.join(scratch, 'held-back.csv');
  writeFileSync(file, held.join('\n') + '\n');
  const result = await calibrate(file, 'held-back');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'error AGE_NOT_ADVANCING: person "P1" is in NCY 0 in January 2020 and NCY 0 in January 2021; it must advance by one\n  hint: the engine ages every pupil one NCY a year: for a pupil taught out of year group, give the NCY of their age (age at 31 August − 4) in every January\n',
  );
});

it("the stub's place values say they are charged on top of the costs given, which are top-ups", async () => {
  // A whole cost per pupil given as costs.csv, then the stub's suggested £10,000 place value,
  // counted each place twice in the trial: nothing said the cost was the top-up alone.
  const out = path.join(scratch, 'costed');
  const result = await cli([
    ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv', '--out-dir', out],
    ...['--population', 'fixtures/history/population.csv', '--codes', 'fixtures/history/codes.csv'],
    ...['--costs', 'fixtures/history/costs.csv'],
  ]);
  expect(result.code).toBe(0);
  const tariff = JSON.parse(readFileSync(path.join(out, 'tariff.json'), 'utf8')) as {
    settings: { notes: string }[];
  };
  for (const setting of tariff.settings)
    expect(setting.notes).toContain(
      'it is charged on top of the top-up, so take it off a top-up that was a whole cost per pupil',
    );
  expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toContain(
    'a place value is charged on top of the top-up, so if the costs given were whole costs per pupil, take it off the top-up',
  );
});

it('a folder calibrated without costs, projected as it is, says its spend is nil as well as its funding', async () => {
  // The stub priced every pupil at £0: project gave nil spend and balances, warning of the
  // funding alone (found by a user trial).
  const out = path.join(scratch, 'no-costs');
  const calibrated = await cli([
    ...['calibrate', '--transitions', 'fixtures/history-worked/transitions.csv'],
    ...['--population', 'fixtures/history-worked/population.csv', '--out-dir', out],
  ]);
  expect(calibrated.code).toBe(0);
  const projected = await cli(['project', out, '--format', 'csv']);
  expect(projected.code).toBe(0);
  expect(projected.stderr).toContain(
    `${out}/tariff.json: warning ZERO_SPEND: the tariff prices every pupil at £0: no top-up or place funding in any year, so spend is nil but for spend.csv's lines\n`,
  );
  expect(projected.stderr).toContain('warning ZERO_HNB_ALLOCATION');
  const readme = readFileSync(path.join(out, 'README.md'), 'utf8');
  expect(readme).toContain('warn ZERO_SPEND');
  // The rows to fill in, by name and year, and a population of one year named once.
  expect(readme).toContain(
    'the `opening_balance` of 2023-24 (the high-needs DSG balance at its end, negative for a deficit) and the `hnb_allocation` of 2024-25',
  );
  expect(readme).toContain('| resident children by NCY, 2024/25 |');
});

it('pupils with no need recorded are one error for the column, with how many and what to give', async () => {
  // An extract's blank needs were an error on every row, with no hint (found by a user trial).
  const blank = SNAPSHOTS.map((line, n) => {
    const cells = line.split(',');
    if (n > 0 && n % 50 === 0) cells[3] = '';
    return cells.join(',');
  });
  const cells = blank.filter((line, n) => n > 0 && line.split(',')[3] === '').length;
  const file = path.join(scratch, 'blank-needs.csv');
  writeFileSync(file, blank.join('\n') + '\n');
  const result = await calibrate(file, 'blank-needs');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `${file}:51:4: error MISSING_VALUE: "need" is empty (${cells} cells of need, the first here)\n  hint: give each pupil's primary need; where none is recorded, as SEN2's Unknown is not modelled, give the area's most common need or OTH\n`,
  );
  expect(result.stderr).toMatch(/\n1 error\n$/);
});

it('a population missing for a January the fit needs is said with the rows refused, not after they are fixed', async () => {
  // An unmapped need code hid the POPULATION_MISSING a user trial met only when it had mapped it.
  // The rows refused leave their persons out of January 2021; they are no new plans in 2022, so
  // the population of their NCYs then, taken out here, is not asked for.
  const lines = SNAPSHOTS.map((line) => {
    const cells = line.split(',');
    if (cells[0] === '2021' && cells[3] === 'SEMH' && ['11', '12', '13'].includes(cells[2]!))
      cells[3] = 'SEMHX';
    return cells.join(',');
  });
  const file = path.join(scratch, 'refused-and-population.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  const population = path.join(scratch, 'population-without-2022.csv');
  const kept = readFileSync('fixtures/history/population.csv', 'utf8')
    .trim()
    .split('\n')
    .filter((line) => !/^2022,(0|12|13|14),/.test(line));
  writeFileSync(population, kept.join('\n') + '\n');
  const result = await cli([
    ...['calibrate', '--snapshots', file, '--population', population],
    ...['--codes', 'fixtures/history/codes.csv', '--out-dir', path.join(scratch, 'refused')],
  ]);
  expect(result.code).toBe(1);
  const errors = result.stderr.split('\n').filter((line) => line.includes(': error '));
  expect(errors.map((line) => line.replace(/^.*: error /, ''))).toEqual([
    'POPULATION_MISSING: new plans join at NCY 0, but the population file has no population for NCY 0 in January 2022 (2021/22)',
    expect.stringMatching(/^UNKNOWN_NEED: need "SEMHX" is neither mapped/),
  ]);
});

it('an unmapped setting written another way in one January is the same setting, said once', async () => {
  // "special school" beside "Special school" were two settings, and every pupil of the one a move
  // to the other (a user trial's extract fitted a move rate of 0.88 between them).
  const lines = SNAPSHOTS.map((line) =>
    line.startsWith('2022,') ? line.replace(/,FE$/, ',fe') : line,
  );
  const { file, first, cells } = writtenWith('setting-case.csv', lines, (line) =>
    line.endsWith(',fe'),
  );
  const result = await calibrate(file, 'setting-case');
  expect(result.code).toBe(0);
  expect(result.stderr).toContain(
    `${file}:${first}:5: warning CODE_NORMALISED: "setting": matched a setting id ignoring case, spaces and underscores in ${cells} cells ("fe" as FE, the first here)`,
  );
  await calibrate('fixtures/history/snapshots.csv', 'setting-as-is');
  expect(calibrationOf('setting-case').equals(calibrationOf('setting-as-is'))).toBe(true);
});

it('snapshots of a header alone are a history too short, not a crash', async () => {
  const file = path.join(scratch, 'header-only.csv');
  writeFileSync(file, 'year,person_id,ncy,need,setting\n');
  const result = await calibrate(file, 'header-only');
  expect(result.code).toBe(1);
  expect(result.stderr).toBe(
    `${file}: error HISTORY_TOO_SHORT: the history has no year of changes: no two consecutive Januaries; calibrate needs at least two, to see one year of changes\n1 error\n`,
  );
});

it('a population of the history alone asks for a forecast, not an earlier horizon there is none of', async () => {
  // ONS mid-year estimates end at the history's last January; the hint said to give an earlier
  // --horizon, though the first was already the one taken (found by a user trial).
  const population = path.join(scratch, 'population-history-only.csv');
  const lines = readFileSync('fixtures/history/population.csv', 'utf8').trim().split('\n');
  writeFileSync(
    population,
    lines.filter((l, n) => n === 0 || Number(l.split(',')[0]) <= 2025).join('\n') + '\n',
  );
  const result = await cli([
    ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv', '--population', population],
    ...['--codes', 'fixtures/history/codes.csv', '--out-dir', path.join(scratch, 'no-forecast')],
  ]);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    '\n  hint: the projection starts in 2025/26, so the population needs a forecast of January 2026 at least: ONS subnational population projections by single year of age, turned into NCYs as the estimates are\n',
  );
});

describe("an extract's header as SEN2 and a case system head it", () => {
  it('each column that may be a missing one is offered for that one alone', async () => {
    // Found by an officer's trial: "NC Year" was offered for year as well as ncy, and "Census
    // Date" and "Placement" were only "not used", with year and setting "missing".
    const header = 'Census Date,Person ID,NC Year,Primary Need,Placement';
    const file = path.join(scratch, 'sen2-header.csv');
    writeFileSync(file, [header, ...SNAPSHOTS.slice(1)].join('\n') + '\n');
    const result = await calibrate(file, 'sen2-header');
    expect(result.code).toBe(1);
    const expected = 'expected columns: year, person_id, ncy, need, setting (optional: band)';
    const mayBe = (name: string, column: string) =>
      `  hint: column "${name}" may be it: rename it ${column}; ${expected}`;
    for (const [name, column] of [
      ['Census Date', 'year'],
      ['NC Year', 'ncy'],
      ['Primary Need', 'need'],
      ['Placement', 'setting'],
    ])
      expect(result.stderr).toContain(
        `${file}:1: error MISSING_COLUMN: required column "${column}" is missing\n${mayBe(name!, column!)}\n`,
      );
    expect(result.stderr).not.toContain('UNKNOWN_COLUMN');
  });

  it("a case system's name for the person is offered for person_id", async () => {
    // Found by an officer's trial: "Child ID" was only "not used", and person_id "missing".
    for (const name of ['Child ID', 'Pupil ID', 'UPN']) {
      const file = path.join(scratch, `person-${name.replace(' ', '-')}.csv`);
      writeFileSync(file, [`year,${name},ncy,need,setting`, ...SNAPSHOTS.slice(1)].join('\n'));
      const result = await calibrate(file, `person-${name.replace(' ', '-')}`);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `${file}:1: error MISSING_COLUMN: required column "person_id" is missing\n  hint: column "${name}" may be it: rename it person_id;`,
      );
    }
  });
});

it('a January the population file has no row for is one error at that file, not one per NCY', async () => {
  // Found by an analyst's trial: a population extract that left out one year gave 13 errors, one
  // for each NCY new plans join at, each at a row of the history rather than at the file to fix.
  const population = readFileSync('fixtures/history/population.csv', 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('2022,'));
  const file = path.join(scratch, 'population-without-2022.csv');
  writeFileSync(file, population.join('\n'));
  const result = await cli([
    ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv', '--population', file],
    ...['--codes', 'fixtures/history/codes.csv', '--out-dir', path.join(scratch, 'no-2022')],
  ]);
  expect(result.code).toBe(1);
  expect(result.stderr.split('\n').filter((line) => line.includes(': error '))).toEqual([
    `${file}: error POPULATION_MISSING: new plans join at NCY -1 to 11, but the population file has no row for January 2022 (2021/22)`,
  ]);
});

it('a projected year the population file lacks at every NCY is named once, not once an NCY', async () => {
  // Found by an analyst's trial: one projected year missing read "no population for NCY -1 in
  // 2031/32, NCY 0 in 2031/32, NCY 1 in 2031/32 and 10 more".
  const result = await cli([
    ...['calibrate', '--snapshots', 'fixtures/history/snapshots.csv'],
    ...['--population', 'fixtures/history/population.csv', '--codes', 'fixtures/history/codes.csv'],
    ...['--horizon', '2032-33', '--out-dir', path.join(scratch, 'past-population')],
  ]);
  expect(result.code).toBe(1);
  expect(result.stderr.split('\n')[0]).toBe(
    'fixtures/history/population.csv: error POPULATION_MISSING: new plans are fitted per head, but the population file has no population for every NCY new plans join at in 2031/32 and 2032/33, projected years to 2032-33',
  );
});

it("a snapshots file's totals row of the sheet's count of ids is a totals row, not ids that add up wrong", async () => {
  // Found by an officer's trial: "Total,22346" under person_id (the sheet's COUNTA of its rows)
  // was told the rows' person ids "add up to 50,536,727", as if ids were an amount.
  const lines = SNAPSHOTS.map((line, n) => (n === 0 ? line : line.replace(/,P(\d+),/, ',$1,')));
  const counted = writtenWith('counted.csv', [...lines, `Total,${lines.length - 1},,,`], (l) =>
    l.startsWith('Total'),
  );
  const result = await calibrate(counted.file, 'counted');
  expect(result.code).toBe(0);
  expect(result.stderr).not.toContain('TOTALS_DISAGREE');
  expect(result.stderr).toContain(
    `${counted.file}:${counted.first}:1: warning TOTALS_ROW: "Total" begins a spreadsheet's totals row`,
  );
  // A count the rows are short of is an extract that lost rows: said, as a sum would be.
  const short = writtenWith(
    'short.csv',
    [...lines.slice(0, -5), `Total,${lines.length - 1},,,`],
    (l) => l.startsWith('Total'),
  );
  const lost = await calibrate(short.file, 'short');
  expect(lost.stderr).toContain(
    `${short.file}:${short.first}:2: warning TOTALS_DISAGREE: the totals row gives "person_id" as ${lines.length - 1}, a count of the rows, but ${(lines.length - 6).toLocaleString('en-GB')} rows above it give one: it is left out, and the rows themselves are read\n`,
  );
});

/** fixtures/history's `name`.csv with `lines` added at its foot, in the scratch folder. */
function extended(name: string, lines: readonly string[]): string {
  const file = path.join(scratch, `${name}-extended.csv`);
  const given = readFileSync(`fixtures/history/${name}.csv`, 'utf8').trim().split('\n');
  writeFileSync(file, [...given, ...lines].join('\n') + '\n');
  return file;
}

/** calibrate of fixtures/history's snapshots, population and codes, or the snapshots, codes and costs given. */
const calibrateHistory = (
  files: { snapshots?: string; codes?: string; costs?: string },
  out: string,
) =>
  cli([
    ...['calibrate', '--snapshots', files.snapshots ?? 'fixtures/history/snapshots.csv'],
    ...['--population', 'fixtures/history/population.csv'],
    ...['--codes', files.codes ?? 'fixtures/history/codes.csv'],
    ...(files.costs ? ['--costs', files.costs] : []),
    ...['--out-dir', path.join(scratch, out)],
  ]);

it('a second cost for one need and setting is an error at it, not a cost dropped or a stub project refuses', async () => {
  // Found by an officer's trial: "*,OOC Indep,£58,000" then "*,OOC Indep,£60,000" wrote £58,000
  // without a word, and "Autism,…" beside "ASD,…" in one setting wrote a tariff stub with two
  // rates for one key, which project refused (DUPLICATE_TARIFF_ROW).
  const costs = extended('costs', ['*,ISS,"£60,000.00"', 'ASD,MSSIB,27000.00']);
  const result = await calibrateHistory({ costs }, 'costs-twice');
  expect(result.code).toBe(1);
  expect(result.stderr.split('\n').filter((line) => line.includes(': error '))).toEqual([
    `${costs}:7:3: error DUPLICATE_ROW: a cost for any need in setting "independent" is already given on line 5`,
    `${costs}:8:3: error DUPLICATE_ROW: a cost for need ASD in setting "special" is already given on line 4`,
  ]);
  expect(existsSync(path.join(scratch, 'costs-twice'))).toBe(false);
});

it("a January's rows with the next January's year are one error naming the January missing, not one per person", async () => {
  // Found by an officer's trial: January 2024's rows with their year written "2024/25" (January
  // 2025) were 3,251 PERSON_TWICE errors, one a person, the first 200 said and nothing of 2024.
  const lines = SNAPSHOTS.map((line) => line.replace(/^2024,/, '2024/25,'));
  const moved = writtenWith('moved.csv', lines, (line) => line.startsWith('2024/25,'));
  const repeated = lines.filter((line, n) => n > moved.first - 1 && line.startsWith('2025,'));
  const persons = new Set(
    lines.filter((l) => l.startsWith('2024/25,')).map((l) => l.split(',')[1]),
  );
  const twice = repeated.filter((line) => persons.has(line.split(',')[1]));
  const at = lines.indexOf(twice[0]!) + 1;
  const result = await calibrate(moved.file, 'moved');
  expect(result.code).toBe(1);
  const errors = result.stderr.split('\n').filter((line) => line.includes(': error '));
  expect(errors).toEqual([
    expect.stringMatching(
      new RegExp(
        `^${escaped(moved.file)}:${at}:2: error PERSON_TWICE: ${twice.length} persons are in the January 2025 snapshot twice: on lines ${at} to \\d+, and before, on lines ${moved.first} to \\d+ `,
      ),
    ),
  ]);
  expect(result.stderr).toContain(
    'hint: no row gives January 2024, and the rows before write their year "2024/25" and these "2025", both read as January 2025: correct the year of the rows that are January 2024\'s',
  );
});

it('a codes.csv row of a code already mapped says it is the same code, and which row to keep; a kind that is neither says what to write', async () => {
  // Found by an officer's trial: "setting,MAINSTREAM,mainstream" below "setting,Mainstream,…"
  // was "already mapped on line 5" with no hint, and kind "needs" had none either.
  const codes = extended('codes', [
    'setting,mmsib,mainstream',
    'setting,ISS,special',
    'needs,SLCD,SLCN',
  ]);
  const result = await calibrateHistory({ codes }, 'codes-twice');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `${codes}:6:2: error DUPLICATE_ROW: setting code "mmsib" is already mapped on line 2\n  hint: codes match in any case, and with spaces or underscores for hyphens, so this row maps the code of line 2 to the same setting: delete it\n`,
  );
  expect(result.stderr).toContain(
    `${codes}:7:2: error DUPLICATE_ROW: setting code "ISS" is already mapped on line 4\n  hint: codes match in any case, and with spaces or underscores for hyphens, so this row maps the code of line 4, which maps it to "independent": keep the row of the setting meant\n`,
  );
  expect(result.stderr).toContain(
    `${codes}:8:1: error CODE_MAP_INVALID: kind "needs" is neither need nor setting\n  hint: write need (to map a local need code to a SEN2 code) or setting (a local setting name to the setting id the model will use)\n`,
  );
});

it('persons given a row per need, each beside their first, keep an error each, however many', async () => {
  // The rows of a January given again are one error (above); a second row per person, each
  // beside their own first (an extract with a row for each need), is each person's own problem.
  let added = 0;
  const lines = SNAPSHOTS.flatMap((line) => {
    if (!line.startsWith('2023,') || added >= 12) return [line];
    added += 1;
    const cells = line.split(',');
    cells[3] = cells[3] === 'MLD' ? 'SEMH' : 'MLD';
    return [line, cells.join(',')];
  });
  const needs = writtenWith('row-per-need.csv', lines, () => false);
  const result = await calibrate(needs.file, 'row-per-need');
  expect(result.code).toBe(1);
  const errors = result.stderr.split('\n').filter((line) => line.includes(': error '));
  expect(errors).toHaveLength(12);
  for (const line of errors)
    expect(line).toMatch(
      /error PERSON_TWICE: person "P\d+" is already in the January 2023 snapshot on line \d+$/,
    );
  expect(result.stderr).toContain(
    'hint: one row per person per January: keep their primary need and their placement at the census date',
  );
});

it('costs by band, repeating a need and setting, are told the band column is not read', async () => {
  // Found by an officer's trial: a cost per band was one cost per setting, said only as the
  // band column's UNKNOWN_COLUMN, and each repeat "already given" without why.
  const costs = path.join(scratch, 'costs-by-band.csv');
  writeFileSync(
    costs,
    'need,setting,band,cost\n*,mainstream,A,6000\n*,mainstream,B,8000\n*,special,A,24000\n*,independent,A,55000\n*,FE,A,9000\n',
  );
  const result = await calibrateHistory({ costs }, 'costs-by-band');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `${costs}:3:4: error DUPLICATE_ROW: a cost for any need in setting "mainstream" is already given on line 2\n  hint: keep one row: a cost per pupil for each need and setting ("*" for any need); the "band" column is not read, as bands are not fitted: give each band its top-up in the tariff.json calibrate writes\n`,
  );
});

it('a January whose NCYs are all one up is one error for each step it spoils, naming it, not one per pupil', async () => {
  // Found by an officer's trial: January 2022's NCYs written as the year group each pupil goes
  // into were 583 AGE_NOT_ADVANCING errors, the first 200 said, each of a pupil out of year group.
  const lines = SNAPSHOTS.map((line) => {
    const cells = line.split(',');
    if (cells[0] !== '2022' || Number(cells[2]) >= 20) return line;
    cells[2] = String(Number(cells[2]) + 1);
    return cells.join(',');
  });
  const shifted = writtenWith('shifted.csv', lines, () => false);
  const result = await calibrate(shifted.file, 'shifted');
  expect(result.code).toBe(1);
  const errors = result.stderr.split('\n').filter((line) => line.includes(': error '));
  expect(errors).toEqual([
    expect.stringMatching(
      /error AGE_NOT_ADVANCING: \d+ persons do not advance by one NCY from January 2021 to January 2022, where each must: most of them go up 2 NCYs \(the first, "P\d+" here, NCY -?\d+ to -?\d+\)$/,
    ),
    expect.stringMatching(
      /error AGE_NOT_ADVANCING: \d+ persons do not advance by one NCY from January 2022 to January 2023, where each must: most of them stay in the same NCY /,
    ),
  ]);
  expect(result.stderr).toContain(
    "hint: January 2022 is in this step and the one after it, which does not advance either: its NCYs are likely written otherwise than the other Januaries' (the year group a pupil goes into, or an extract's own year groups); correct its ncy column;",
  );
});

it('a snapshots file given as --transitions (or the other way) is a usage error naming the option to give', async () => {
  // Found by an officer's trial: seven MISSING_COLUMN errors, each offering a column to rename
  // ("Year" to calendar-year), where the fix was the other option.
  const history = ['--population', 'fixtures/history/population.csv'];
  const asTransitions = await cli([
    ...['calibrate', '--transitions', 'fixtures/history/snapshots.csv', ...history],
    ...['--out-dir', path.join(scratch, 'as-transitions')],
  ]);
  expect(asTransitions.code).toBe(2);
  expect(asTransitions.stderr).toContain(
    'fixtures/history/snapshots.csv has the columns of January snapshots (year, person_id, ncy, need, setting): give it as --snapshots fixtures/history/snapshots.csv, not --transitions',
  );
  expect(asTransitions.stderr).not.toContain('MISSING_COLUMN');
  const asSnapshots = await cli([
    ...['backtest', '--snapshots', 'fixtures/history/transitions.csv', ...history],
  ]);
  expect(asSnapshots.code).toBe(2);
  expect(asSnapshots.stderr).toContain(
    'give it as --transitions fixtures/history/transitions.csv, not --snapshots',
  );
});

it('a need whose codes.csv row was refused is told to correct that row, not to add one', async () => {
  // Found by an officer's trial: codes.csv's "needs,Autism,ASD" was CODE_MAP_INVALID, and each
  // Autism cell's UNKNOWN_NEED said to add the row it had.
  const codes = extended('codes', ['needs,Autism,ASD', 'need,Other,Other']);
  const lines = SNAPSHOTS.map((line, n) => (n === 3 ? line.replace(',ASD,', ',Autism,') : line));
  const named = writtenWith('autism.csv', lines, (line) => line.includes(',Autism,'));
  const result = await calibrateHistory({ snapshots: named.file, codes }, 'autism');
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    `${named.file}:${named.first}:4: error UNKNOWN_NEED: need "Autism" is neither mapped in codes-extended.csv nor a SEN2 primary-need code\n  hint: codes-extended.csv has a row for it on line 6, but that row is refused (CODE_MAP_INVALID): correct it\n`,
  );
});
