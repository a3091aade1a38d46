import { ageGroupLabel, type AgeGroup } from '../core/breakdown/age-group.js';
import type { BreakdownYear, CategoryYear } from '../core/breakdown/breakdown.js';
import { formatFinancialYear } from '../core/period.js';
import type { Issue } from '../core/issue.js';
import type { Projection } from '../core/projection.js';
import type { WriteOffResult } from '../core/write-off.js';
import { plainCell } from './format-cell.js';
import {
  FLOW_TOTAL_FIELDS,
  flowsByFinancialYear,
  flowTotalCells,
  SETTING_FLOW_COLUMNS,
} from './flows.js';
import { headline } from './headline.js';
import { detailRows, SUMMARY_COLUMNS, summaryRows, type Row } from './rows.js';

/** A JSON number written from its exact decimal text, never through a float. */
class RawNumber {
  constructor(readonly text: string) {}
}

export const rawNumber = (text: string): RawNumber => new RawNumber(text);

type JsonOut = string | boolean | null | RawNumber | JsonOut[] | { [key: string]: JsonOut };

export interface JsonReportOptions {
  readonly detail: boolean;
  /** The run's warnings, their paths from the model folder (issueFromBase): `warnings` and `issues`. */
  readonly warnings: readonly Issue[];
  readonly manifest: JsonOut;
  /** With detail: each year's EHCPs and top-up spend by need and by age group (src/core/breakdown). */
  readonly breakdown?: readonly BreakdownYear[];
}

export function renderJson(projection: Projection, options: JsonReportOptions): string {
  const details = options.detail ? detailRows(projection) : [];
  const flows = flowsByFinancialYear(projection);
  const summary = summaryRows(projection).map((row, index) => {
    const out = rowOut(row, SUMMARY_COLUMNS);
    out['flows'] = rowOut(
      flowTotalCells(flows.get(projection.years[index]!.financialYear)!),
      FLOW_TOTAL_FIELDS,
    );
    const split = options.detail ? options.breakdown?.[index] : undefined;
    if (split) {
      out['needs'] = split.byNeed.map((c) => categoryOut('need', c.key, c));
      out['age_groups'] = split.byAgeGroup.map((c) =>
        categoryOut('age_group', ageGroupLabel(c.key as AgeGroup), c),
      );
    }
    if (options.detail) {
      const year = details.filter((d) => d['financial_year'] === row['financial_year']);
      out['settings'] = year
        .filter((d) => d['setting'] !== '')
        .map((d) =>
          rowOut(d, [
            'setting',
            'pupils_january',
            'spend_top_up',
            'spend_place',
            ...SETTING_FLOW_COLUMNS,
            'place_dfe',
          ]),
        );
      out['other_spend'] = year
        .filter((d) => d['setting'] === '')
        .map((d) => rowOut(d, ['line', 's251', 'spend_other']));
    }
    return out;
  });
  const head = headline(projection);
  const document: JsonOut = {
    area: { code: projection.area.code, name: projection.area.name },
    tariff: {
      id: projection.tariff.id,
      title: projection.tariff.title,
      references: projection.tariff.references.map((r) => ({ title: r.title, url: r.url })),
    },
    opening_balance: new RawNumber(plainCell('opening_balance', projection.openingBalance)),
    headline: {
      first_in_year_balance:
        head.firstInYearBalance === undefined ? null : formatFinancialYear(head.firstInYearBalance),
      horizon: formatFinancialYear(head.horizon),
      cumulative_balance_at_horizon: new RawNumber(
        plainCell('cumulative_balance', head.cumulativeAtHorizon),
      ),
      deficit_at_override_end: head.deficitAtOverrideEnd
        ? {
            financial_year: formatFinancialYear(head.deficitAtOverrideEnd.financialYear),
            deficit: new RawNumber(
              plainCell('cumulative_balance', head.deficitAtOverrideEnd.deficit),
            ),
          }
        : null,
      deficit_after_override: head.deficitAfterOverride
        ? {
            from: formatFinancialYear(head.deficitAfterOverride.from),
            financial_year: formatFinancialYear(head.deficitAfterOverride.financialYear),
            deficit: new RawNumber(
              plainCell('cumulative_balance', head.deficitAfterOverride.deficit),
            ),
          }
        : null,
      ...(head.generalFundFinancing
        ? {
            general_fund_financing: new RawNumber(
              plainCell('general_fund_financing', head.generalFundFinancing),
            ),
          }
        : {}),
    },
    ...(projection.writeOff ? { write_off: writeOffOut(projection.writeOff) } : {}),
    summary,
    warnings: warningLines(options.warnings),
    issues: issuesOut(options.warnings),
    manifest: options.manifest,
  };
  return `${write(document, '')}\n`;
}

function writeOffOut(w: WriteOffResult): JsonOut {
  return {
    share: new RawNumber(w.share.toFixed()),
    balance_year: formatFinancialYear(w.balanceYear),
    paid_in: formatFinancialYear(w.paidIn),
    eligible_deficit: new RawNumber(plainCell('income_write_off', w.eligibleDeficit)),
    basis: w.basis,
    amount: new RawNumber(plainCell('income_write_off', w.amount)),
  };
}

function categoryOut(name: string, key: string, c: CategoryYear): { [key: string]: JsonOut } {
  return rowOut({ [name]: key, pupils_january: c.pupilsJanuary, spend_top_up: c.spendTopUp }, [
    name,
    'pupils_january',
    'spend_top_up',
  ]);
}

function rowOut(row: Row, columns: readonly string[]): { [key: string]: JsonOut } {
  const out: { [key: string]: JsonOut } = {};
  for (const column of columns) {
    const value = row[column];
    if (value === undefined) continue;
    out[column] = typeof value === 'string' ? value : new RawNumber(plainCell(column, value));
  }
  return out;
}

function write(value: JsonOut, indent: string): string {
  if (value instanceof RawNumber) return value.text;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return value.length === 0
      ? '[]'
      : `[\n${value.map((item) => inner + write(item, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value);
  return entries.length === 0
    ? '{}'
    : `{\n${entries.map(([key, item]) => `${inner}${JSON.stringify(key)}: ${write(item, inner)}`).join(',\n')}\n${indent}}`;
}

export type { JsonOut };

/** Warnings as "CODE: message" lines, for reading (JSON outputs' `warnings`). */
export const warningLines = (issues: readonly Issue[]): JsonOut =>
  issues.map((issue) => `${issue.code}: ${issue.message}`);

/**
 * Warnings as a script reads them (JSON outputs' `issues`, beside `warnings`): each with its
 * severity, code, words, hint and place (file, line, column; null where it has none). A
 * scripter's trial found the place lost in the lines: a script could not tell which file to fix.
 * Paths are as the caller gives them (project and simulate: from the model folder, as the
 * manifest names files, so that the bytes do not depend on the working folder).
 */
export function issuesOut(issues: readonly Issue[]): JsonOut {
  return issues.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    hint: issue.hint ?? null,
    file: issue.location?.file ?? null,
    line: issue.location?.line === undefined ? null : new RawNumber(String(issue.location.line)),
    column:
      issue.location?.column === undefined ? null : new RawNumber(String(issue.location.column)),
  }));
}

/** JSON text with exact number literals, two-space indented, ending in a newline. */
export function jsonText(value: JsonOut): string {
  return `${write(value, '')}\n`;
}
