import * as path from 'node:path';
import { error, sortIssues, type Issue } from '../core/issue.js';
import type { AreaFactors } from '../core/nff/factors.js';
import type { NffParameters } from '../core/nff/parameters.js';
import { financialYearArgument, type FinancialYear, formatFinancialYear } from '../core/period.js';
import { decimalCell, financialYearCell } from './cell-parsers.js';
import { flushNormalisations } from './normalise.js';
import { readCsvTable } from './csv-table.js';
import { displayPath, type InputForm, readInput } from './files.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import {
  type Baseline,
  type Baselines,
  factorColumns,
  readNffFactors,
} from './read-nff-factors.js';
import { codeKey } from './batch/area-code-spelling.js';
import { HNB_FROM_COLUMNS } from './read-hnb-from.js';
import { parseNffParameters } from './read-nff-parameters.js';
import type { InputDigest } from './model-folder.js';
import { packagePathHint } from './package-path.js';

/** Problems with a whole CSV table: its rows are not read until they are fixed. */
const TABLE_LEVEL: ReadonlySet<string> = new Set([
  'CSV_MALFORMED',
  'MISSING_COLUMN',
  'TOO_MANY_ROWS',
  'FIELD_TOO_LONG',
]);

export interface LoadedNff {
  /** Both present only when neither file has an error. */
  readonly parameters?: NffParameters;
  readonly areas?: readonly AreaFactors[];
  readonly issues: readonly Issue[];
  readonly inputs: readonly InputDigest[];
}

/**
 * Reads `<parametersDir>/<year>.json` and the factors CSV checked against it, with every problem
 * found. `baselineFrom`: in a rollover year, each area's baseline_allocation is its allocation
 * in this earlier `highneeds nff` output for the year before (docs/nff.md, "Chaining years").
 */
export function loadNff(
  factorsFile: string,
  parametersDir: string,
  year: FinancialYear,
  limits: Limits = DEFAULT_LIMITS,
  baselineFrom?: string,
): LoadedNff {
  // The label ("2025-26") named formatFinancialYear, which the caller never called (a scripter's trial).
  financialYearArgument(year, 'loadNff');
  const issues: Issue[] = [];
  const inputs: InputDigest[] = [];
  // The parameters are JSON and the factors a CSV: each read as what it is (InputForm).
  const read = (filePath: string, form: InputForm, given?: string) => {
    const display = displayPath(filePath);
    const result = readInput(filePath, display, limits.maxFileBytes, form);
    if (result.status === 'ok') {
      inputs.push({ path: display, sha256: result.file.sha256 });
      if (result.warning) issues.push(result.warning);
      return { text: result.file.text, display };
    }
    issues.push(
      result.status === 'refused'
        ? result.issue
        : error(
            'FILE_MISSING',
            `${display} was not found`,
            { file: display },
            result.status === 'missing' && form === 'json'
              ? `parameters for ${formatFinancialYear(year)} are read from <params>/${formatFinancialYear(year)}.json`
              : given === undefined
                ? undefined
                : packagePathHint(given),
          ),
    );
    return undefined;
  };
  const parametersFile = read(
    path.resolve(parametersDir, `${formatFinancialYear(year)}.json`),
    'json',
  );
  const parameters = parametersFile
    ? parseNffParameters(parametersFile.text, parametersFile.display, year, issues)
    : undefined;
  const factorsText = read(path.resolve(factorsFile), 'csv', factorsFile);
  const baselines =
    baselineFrom && parameters?.mode === 'rollover'
      ? readBaselines(baselineFrom, year - 1, limits, read, issues)
      : undefined;
  let areas: AreaFactors[] | undefined;
  if (factorsText && parameters) {
    const table = readCsvTable(
      factorsText.text,
      factorsText.display,
      factorColumns(parameters, baselineFrom !== undefined && parameters.mode === 'rollover'),
      limits,
    );
    issues.push(...table.issues);
    if (!table.issues.some((issue) => TABLE_LEVEL.has(issue.code)))
      areas = readNffFactors(table, parameters, issues, baselines);
  }
  const sorted = sortIssues(issues);
  if (sorted.some((issue) => issue.severity === 'error') || !parameters || !areas)
    return { issues: sorted, inputs };
  return { parameters, areas, issues: sorted, inputs };
}

/** Each area's allocation before import/export for `year` in an earlier nff output (its other years and the total row are passed over). */
function readBaselines(
  file: string,
  year: FinancialYear,
  limits: Limits,
  read: (filePath: string, form: InputForm) => { text: string; display: string } | undefined,
  issues: Issue[],
): Baselines | undefined {
  const source = read(path.resolve(file), 'csv');
  if (!source) return undefined;
  const table = readCsvTable(source.text, source.display, HNB_FROM_COLUMNS, limits);
  issues.push(...table.issues);
  const byArea = new Map<string, Baseline>();
  for (const row of table.rows) {
    const code = row.get('area_code');
    if (code === '') continue;
    // A year as a spreadsheet may rewrite it (2025/26), read and noted as --hnb-from reads one.
    if (financialYearCell(row, 'financial_year', issues) !== year) continue;
    const allocation = decimalCell(row, 'allocation', issues, { kind: 'amount' });
    if (allocation === undefined) continue;
    // The allocation before import/export is rolled over (rollover.ts): an output without the column has none.
    const importExport =
      row.get('import_export') === ''
        ? undefined
        : decimalCell(row, 'import_export', issues, { allowNegative: true, kind: 'amount' });
    const amount = importExport ? allocation.minus(importExport) : allocation;
    // 0880 or 880.0 beside 880 is the same area, as in the factors file (a spreadsheet's rewriting).
    const earlier = byArea.get(codeKey(code));
    if (earlier) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `area ${code} already has an allocation for ${formatFinancialYear(year)} on line ${earlier.at.line}${earlier.written === code ? '' : `, written ${earlier.written}`}`,
          row.at('area_code'),
        ),
      );
      continue;
    }
    byArea.set(codeKey(code), {
      amount,
      written: code,
      at: row.at('area_code'),
      column: row.label('area_code'),
    });
  }
  flushNormalisations(issues);
  return { file: source.display, year: formatFinancialYear(year), byArea };
}
