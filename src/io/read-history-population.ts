import type { Decimal } from 'decimal.js';
import { error, warning, type Issue } from '../core/issue.js';
import { NCY_MAX, NCY_MIN } from '../core/need.js';
import { populationKey } from '../core/calibrate/history.js';
import type { ColumnSpec, CsvRow, CsvTable } from './csv-table.js';
import { matchKey } from './column-names.js';
import { academicYearCell, decimalCell, ncyCell } from './cell-parsers.js';
import { calendarYear } from './calendar-year-cell.js';
import { flushNormalisations } from './normalise.js';

/** Population for a history: the transitions format's, or the model's (docs/calibration.md). */
const HISTORY_POPULATION_COLUMNS = {
  witan: { required: ['calendar-year', 'academic-year', 'population'], optional: [] },
  model: { required: ['academic_year', 'ncy', 'population'], optional: ['area'] },
} as const;

/**
 * Which of the two layouts a population file's header is: the transitions format's names a
 * calendar-year, written as the other headers may be (Calendar Year, calendar_year: matchKey),
 * quoted or not. The header is the first line that is not blank, as readCsvTable takes it.
 */
export function isWitanPopulation(text: string): boolean {
  return headerKeys(text).includes('calendaryear');
}

/** A CSV's header cells as written, unquoted. */
const headerCells = (text: string): string[] =>
  /^\uFEFF?\s*([^\n]*)/
    .exec(text)![1]!
    .split(',')
    .map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));

/** A CSV's header cells as match keys (column-names.ts). */
const headerKeys = (text: string): string[] => headerCells(text).map(matchKey);

/** Match keys of headers that name the NCY: NCY, NC Year, National Curriculum Year, Year group. */
const NCY_KEYS = new Set(['ncy', 'ncyear', 'nationalcurriculumyear', 'yeargroup']);

/**
 * The columns of a population file in the layout its header is (isWitanPopulation). A population
 * by age, as ONS mid-year estimates give it (`year, age, population`), lacks the NCY column; its
 * MISSING_COLUMN said only "expected columns", and that `year` may be academic_year, which then
 * failed on every row ("2019" is not 2019/20) with nothing said of the age (found by a user
 * trial). With an `age` column, the missing columns' hints say how to turn it into the NCY
 * (README, "The model folder": age at 31 August = NCY + 4) and how to write its year.
 */
export function historyPopulationColumns(text: string, witan: boolean): ColumnSpec {
  const columns = witan ? HISTORY_POPULATION_COLUMNS.witan : HISTORY_POPULATION_COLUMNS.model;
  const keys = headerKeys(text);
  // Beside calendar-year, the NCY is named academic-year, as the transitions format names it; an
  // NCY column named so ("NCY") was "not used" and academic-year "missing", with nothing to say
  // one was the other, and in England an academic year is 2023/24 (found by an officer's trial).
  const ncy = witan ? headerCells(text).find((cell) => NCY_KEYS.has(matchKey(cell))) : undefined;
  if (ncy !== undefined && !keys.includes('age'))
    return {
      ...columns,
      missingHints: {
        'academic-year': `column "${ncy}" may be it: beside calendar-year the NCY is named academic-year, as the transitions format names it; rename it academic-year, or name the columns academic_year (2023/24 for January 2024), ncy and population`,
      },
    };
  if (!keys.includes('age')) return columns;
  const missingHints: Record<string, string> = {
    ncy: AGE_HINT,
    'academic-year': `${AGE_HINT}; calendar-year is the January's year (2024: for the mid-2023 estimates)`,
    academic_year: `${keys.includes('year') ? 'column "year" may be it, as ' : ''}the academic year of the January, written 2023/24 for January 2024 (the mid-2023 estimates); or name the columns calendar-year (2024 for January 2024), academic-year (the NCY) and population`,
  };
  return { ...columns, missingHints };
}

const AGE_HINT =
  'column "age" holds ages, not NCYs: the population is by NCY, age at 31 August − 4 (age 4 is Reception, NCY 0; age 24 is NCY 20)';

/**
 * Resident children by January and NCY. In the transitions format `calendar-year` Y is January Y
 * and `academic-year` the NCY; in the model's, `academic_year` 2025/26 is January 2026.
 */
export function readHistoryPopulation(
  table: CsvTable,
  witan: boolean,
  issues: Issue[],
): Map<string, Decimal> {
  const population = new Map<string, Decimal>();
  const lines = new Map<string, number>();
  const unused = { rows: 0, first: undefined as CsvRow | undefined };
  const allAges = { rows: 0, first: undefined as CsvRow | undefined };
  const ncyColumn = witan ? 'academic-year' : 'ncy';
  for (const row of table.rows) {
    const ncyText = row.get(ncyColumn).trim();
    const notRead = outsideModel(ncyText) ? unused : ALL_AGES.test(ncyText) ? allAges : undefined;
    if (notRead) {
      notRead.rows += 1;
      notRead.first ??= row;
      continue;
    }
    const before = issues.length;
    const january = witan
      ? calendarYear(row, 'calendar-year', issues)
      : (academicYearCell(row, 'academic_year', issues) ?? NaN) + 1;
    const ncy = ncyCell(row, ncyColumn, issues);
    const value = decimalCell(row, 'population', issues, { kind: 'count' });
    if (issues.length > before || january === undefined || ncy === undefined || !value) continue;
    const key = populationKey(january, ncy);
    const first = lines.get(key);
    if (first !== undefined) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `population for NCY ${ncy} in January ${january} is already given on line ${first}`,
          row.at(),
        ),
      );
      continue;
    }
    lines.set(key, row.line);
    population.set(key, value);
  }
  flushNormalisations(issues);
  if (unused.first)
    issues.push(
      warning(
        'POPULATION_NCY_UNUSED',
        `${unused.rows === 1 ? 'a row is' : `${unused.rows} rows are`} for an NCY outside ${NCY_MIN} to ${NCY_MAX}, the years the model follows, and not read (NCY ${unused.first.get(ncyColumn)}, the first here)`,
        unused.first.at(ncyColumn),
        'nothing to do: a population by single year of age turned into NCYs (NCY = age − 4) runs beyond them',
      ),
    );
  // An ONS table's row for every age together (found by an analyst's trial: an NCY error).
  if (allAges.first)
    issues.push(
      warning(
        'POPULATION_NCY_UNUSED',
        `${allAges.rows === 1 ? 'a row is' : `${allAges.rows} rows are`} for all ages together, not one NCY, and not read ("${allAges.first.get(ncyColumn).trim()}", the first here)`,
        allAges.first.at(ncyColumn),
        "nothing to do: the population is read NCY by NCY, and a table's all-ages total is the sum of those rows",
      ),
    );
  return population;
}

/** An NCY cell of a row for every age together, as an ONS table has: "All ages", "All", "Total". */
const ALL_AGES = /^(?:all(?:\s+ages)?|total|all\s+ncys?)$/i;

/**
 * A whole NCY outside the model's: a population by single year of age, as ONS mid-year estimates
 * give it (ages 0 to 90), turned into NCYs runs from −4 to 86, and each row beyond −3 to 20 was an
 * error, hundreds of them (found by a user trial), though no pupil is ever there.
 */
function outsideModel(text: string): boolean {
  // ONS's last single year of age is "90+" (NCY 86 and over, once turned into NCYs).
  const over = /^(\d+)\+$/.exec(text);
  if (over) return Number.parseInt(over[1]!, 10) > NCY_MAX;
  if (!/^-?\d+$/.test(text)) return false;
  const ncy = Number.parseInt(text, 10);
  return ncy < NCY_MIN || ncy > NCY_MAX;
}
