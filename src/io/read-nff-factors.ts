import type { Decimal } from 'decimal.js';
import { ZERO } from '../core/decimal.js';
import { error, warning, type Issue, type Location } from '../core/issue.js';
import {
  ACA_PLAUSIBLE,
  type AreaFactors,
  FACTOR_COLUMNS as C,
  ROLLED_IN_GRANTS_COLUMN,
  STANDARD_PROXY_FACTORS,
} from '../core/nff/factors.js';
import type { NffParameters } from '../core/nff/parameters.js';
import { formatFinancialYear } from '../core/period.js';
import { decimalCell, requiredText } from './cell-parsers.js';
import type { ColumnSpec, CsvRow, CsvTable } from './csv-table.js';
import { flushNormalisations, normalisations, type NumberKind } from './normalise.js';
import { codeKey } from './batch/area-code-spelling.js';

/**
 * The columns nff-factors.csv must and may have for a year's parameters (docs/nff.md, "Factors").
 * `baselinesGiven`: a rollover year's baselines come from an earlier nff output (--baseline-from),
 * so the column may be left out.
 */
export function factorColumns(parameters: NffParameters, baselinesGiven = false): ColumnSpec {
  const required =
    parameters.mode === 'formula'
      ? [
          C.code,
          C.name,
          C.aca,
          C.basicEntitlementPupils,
          C.historicSpend,
          C.hospitalEducation,
          C.netImportedPupils,
          C.population,
          C.baselineAllocation,
          C.baselinePopulation,
          ...parameters.proxyFactors.map((f) => f.id),
        ]
      : [
          C.code,
          C.name,
          ...(baselinesGiven ? [] : [C.baselineAllocation]),
          ...parameters.rolledInGrants.map((g) => g.column),
        ];
  const known = [...Object.values(C), ...STANDARD_PROXY_FACTORS, ROLLED_IN_GRANTS_COLUMN];
  const unique = [...new Set(required)];
  return {
    required: unique,
    optional: [...new Set(known)].filter((name) => !unique.includes(name)),
  };
}

/** One area's allocation in an earlier nff output, with its code as that file writes it. */
export interface Baseline {
  readonly amount: Decimal;
  readonly written: string;
  readonly at: Location;
  readonly column: string;
}

/** Last year's allocation of each area, from an earlier nff output (--baseline-from), for a rollover year. */
export interface Baselines {
  readonly file: string;
  readonly year: string;
  /** By codeKey: an output a spreadsheet saved again may write 0880 or 880.0 for 880. */
  readonly byArea: ReadonlyMap<string, Baseline>;
}

/** The rows of nff-factors.csv as areas; every problem in every row is reported. */
export function readNffFactors(
  table: CsvTable,
  parameters: NffParameters,
  issues: Issue[],
  baselines?: Baselines,
): AreaFactors[] {
  /** Each area's code as given and its line, by its codeKey: 0880 or 880.0 beside 880 is the same area. */
  const seen = new Map<string, { readonly code: string; readonly line: number }>();
  // The factors are gathered in a spreadsheet from DfE's tables: amounts may carry £ and thousands
  // separators and counts separators, read as a model CSV's are, with one NUMBER_NORMALISED
  // warning a column (found by a user trial: the same cells a funding.csv takes were refused here).
  const areas = table.rows.flatMap((row) => {
    const before = issues.length;
    const area = readArea(row, parameters, issues, baselines);
    const code = row.get(C.code);
    // The same code written another way (0880 as a text column has it beside 880) is the same
    // area: counted twice, it was in the total and in a pot's shares twice (an analyst's trial).
    const earlier = code === '' ? undefined : seen.get(codeKey(code));
    if (earlier) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `area ${code} is already given on line ${earlier.line}${earlier.code === code ? '' : `, written ${earlier.code}`}`,
          row.at(C.code),
          'give each area one row',
        ),
      );
      return [];
    }
    if (code !== '') seen.set(codeKey(code), { code, line: row.line });
    return area && issues.slice(before).every((issue) => issue.severity === 'warning')
      ? [area]
      : [];
  });
  flushNormalisations(issues);
  if (table.rows.length === 0)
    issues.push(error('MISSING_VALUE', `${table.file} has no areas`, { file: table.file }));
  // A formula year works import/export out from net_imported_pupils; a given import_export would
  // otherwise be dropped without a word (it is a rollover year's column).
  const given = table.rows.find((row) => row.get(C.importExport) !== '');
  if (parameters.mode !== 'rollover' && given)
    issues.push(
      warning(
        'UNKNOWN_COLUMN',
        `column "${C.importExport}" is not used in ${formatFinancialYear(parameters.financialYear)}, a formula year, and will be ignored`,
        given.at(C.importExport),
        `a formula year's import/export adjustment is net_imported_pupils × the import/export rate; ${C.importExport} is read in rollover years`,
      ),
    );
  return areas;
}

function readArea(
  row: CsvRow,
  parameters: NffParameters,
  issues: Issue[],
  baselines?: Baselines,
): AreaFactors | undefined {
  const code = requiredText(row, C.code, issues);
  const name = requiredText(row, C.name, issues);
  const year = formatFinancialYear(parameters.financialYear);
  const factor = (
    column: string,
    rules: { allowNegative?: boolean; positive?: boolean; kind?: NumberKind } = {},
  ): Decimal | undefined => {
    if (row.get(column) === '') {
      issues.push(
        error(
          'MISSING_VALUE',
          `area ${code ?? '?'} has no "${row.label(column)}"`,
          row.at(column),
          `every area needs every factor the ${year} parameters use; write 0 where an area has none`,
        ),
      );
      return undefined;
    }
    const value = decimalCell(row, column, issues, {
      allowNegative: rules.allowNegative || rules.positive,
      ...(rules.kind ? { kind: rules.kind } : {}),
    });
    if (value && rules.positive && (value.isNegative() || value.isZero())) {
      issues.push(
        error(
          'NFF_NOT_POSITIVE',
          `"${row.label(column)}" is ${row.get(column)}; it must be more than 0, since the floor and cap compare amounts per head against the baseline`,
          row.at(column),
        ),
      );
      return undefined;
    }
    return value;
  };
  const optional = (column: string): Decimal | undefined =>
    decimalCell(row, column, issues, { optional: true, kind: 'amount' });
  const signed = (column: string): Decimal | undefined =>
    decimalCell(row, column, issues, { optional: true, allowNegative: true, kind: 'amount' });
  const amount = { kind: 'amount' } as const;
  const count = { kind: 'count' } as const;
  const deductions = {
    academyPlaceDeduction: optional(C.academyPlaceDeduction),
    nmssPlaceDeduction: optional(C.nmssPlaceDeduction),
    fePlaceDeduction: optional(C.fePlaceDeduction),
    specialistPost16PlaceDeduction: optional(C.specialistPost16PlaceDeduction),
    hospitalDeduction: signed(C.hospitalDeduction),
  };
  if (parameters.mode === 'rollover') {
    // --baseline-from: last year's allocation as an earlier nff run worked it out, in place of the column.
    const baselineAllocation = baselines
      ? fromBaselines(baselines, code, row, issues)
      : factor(C.baselineAllocation, amount);
    const grants = new Map(parameters.rolledInGrants.map((g) => [g.id, factor(g.column, amount)]));
    if (!code || !name || !baselineAllocation || [...grants.values()].some((v) => !v))
      return undefined;
    return {
      code,
      name,
      aca: ZERO,
      basicEntitlementPupils: ZERO,
      historicSpend: ZERO,
      hospitalEducation: ZERO,
      netImportedPupils: ZERO,
      population: ZERO,
      baselinePopulation: ZERO,
      baselineAllocation,
      proxies: new Map(),
      grants: grants as Map<string, Decimal>,
      ...defined({ ...deductions, importExport: signed(C.importExport) }),
      origin: row.at(),
    };
  }
  const aca = factor(C.aca);
  if (aca && (aca.lessThan(ACA_PLAUSIBLE.min) || aca.greaterThan(ACA_PLAUSIBLE.max))) {
    issues.push(
      warning(
        'NFF_ACA_OUT_OF_RANGE',
        `area ${code ?? '?'} has an area cost adjustment of ${row.get(C.aca)}, outside the plausible ${ACA_PLAUSIBLE.min.toFixed()} to ${ACA_PLAUSIBLE.max.toFixed()}`,
        row.at(C.aca),
        'an ACA is a multiplier such as 1.0449, not a percentage; it is used as given',
      ),
    );
  }
  const fixed = {
    basicEntitlementPupils: factor(C.basicEntitlementPupils, count),
    historicSpend: factor(C.historicSpend, amount),
    hospitalEducation: factor(C.hospitalEducation, amount),
    netImportedPupils: factor(C.netImportedPupils, { allowNegative: true, ...count }),
    population: factor(C.population, { positive: true, ...count }),
    baselineAllocation: factor(C.baselineAllocation, { positive: true, ...amount }),
    baselinePopulation: factor(C.baselinePopulation, { positive: true, ...count }),
  };
  const proxies = new Map(
    parameters.proxyFactors
      .filter((f) => f.id !== C.population)
      .map((f) => [f.id, factor(f.id, count)]),
  );
  if (fixed.population) proxies.set(C.population, fixed.population);
  if (
    !code ||
    !name ||
    !aca ||
    Object.values(fixed).some((v) => !v) ||
    [...proxies.values()].some((v) => !v)
  )
    return undefined;
  return {
    code,
    name,
    aca,
    ...(fixed as { [K in keyof typeof fixed]: Decimal }),
    proxies: proxies as Map<string, Decimal>,
    grants: new Map(),
    ...defined(deductions),
    origin: row.at(),
  };
}

function fromBaselines(
  baselines: Baselines,
  code: string | undefined,
  row: CsvRow,
  issues: Issue[],
): Decimal | undefined {
  if (code === undefined) return undefined;
  const given = baselines.byArea.get(codeKey(code));
  if (given === undefined) {
    issues.push(
      error(
        'NFF_AREA_MISSING',
        `${baselines.file} has no allocation for area ${code} in ${baselines.year}, the year before`,
        row.at(C.code),
        'give --baseline-from the nff output of the year before, for every area of the factors file',
      ),
    );
    return undefined;
  }
  // The code as the factors file writes it is the area's; the earlier output's spelling is said once.
  if (given.written !== code)
    normalisations(issues).note('areaCode', given.at, given.column, given.written, code);
  return given.amount;
}

const defined = <T extends object>(object: T): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as Partial<T>;
