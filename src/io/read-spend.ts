import { error, warning, type Issue, type Location } from '../core/issue.js';
import type { SpendRow } from '../core/model.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import { modelledS251Line } from '../core/s251-lines.js';
import { decimalCell, financialYearCell, requiredText } from './cell-parsers.js';
import type { CsvTable } from './csv-table.js';
import { flushNormalisations } from './normalise.js';

export const SPEND_COLUMNS = {
  required: ['financial_year', 'line', 'amount'],
  optional: ['area', 's251', 'growth', 'note'],
} as const;

/**
 * spend.csv: the high-needs spend lines besides top-ups and places (s251 1.2.4–1.2.13 and any
 * other), by FY. A row before the projection is kept (a later year grows from it); one after
 * the horizon is ignored with a warning; a line twice in a year is an error.
 */
export function readSpend(
  table: CsvTable,
  years: { first: FinancialYear; last: FinancialYear },
  issues: Issue[],
): SpendRow[] {
  const seen = new Map<string, number>();
  const warned = new Set<string>();
  const rows = table.rows.flatMap((row): SpendRow[] => {
    const before = issues.length;
    const financialYear = financialYearCell(row, 'financial_year', issues);
    const line = requiredText(row, 'line', issues);
    const amount = decimalCell(row, 'amount', issues, {
      kind: 'amount',
      // An officer's trial put a DBV savings target on a spend line as (250,000): told only "must not be negative".
      negativeHint:
        'spend.csv holds what is spent; a saving is a lever of a scenario (scenarios.json, docs/scenarios.md), and money received (a recharge, a contribution) a funding.csv line (other_income or la_contribution)',
    });
    const growth =
      row.get('growth') === ''
        ? undefined
        : // A growth is a rate: 3% as 0.03, as areas.csv's growths and every model CSV's rates.
          decimalCell(row, 'growth', issues, { growth: true, kind: 'rate' });
    const s251 = row.get('s251');
    if (issues.length > before || financialYear === undefined || !line || !amount) return [];
    const key = `${financialYear}\u0000${line}`;
    if (seen.has(key)) {
      issues.push(
        error(
          'DUPLICATE_ROW',
          `spend line "${line}" is already given on line ${seen.get(key)} for ${formatFinancialYear(financialYear)}`,
          row.at(),
          'give each line once a year; split it into lines with their own names if it has parts',
        ),
      );
      return [];
    }
    seen.set(key, row.line);
    if (financialYear > years.last) {
      issues.push(
        warning(
          'YEAR_OUT_OF_RANGE',
          `spend line "${line}" for ${formatFinancialYear(financialYear)} is after the horizon ${formatFinancialYear(years.last)}; the row is ignored`,
          row.at('financial_year'),
        ),
      );
      return [];
    }
    if (s251 && !warned.has(line)) {
      const modelled = modelledSpendWarning(line, s251, row.at('s251'));
      if (modelled) {
        issues.push(modelled);
        warned.add(line);
      }
    }
    return [
      {
        financialYear,
        line,
        amount,
        ...(s251 ? { s251 } : {}),
        ...(growth ? { growth } : {}),
        origin: row.at(),
      },
    ];
  });
  flushNormalisations(issues);
  return rows;
}

const CHARGED_FROM = {
  spend_top_up: 'the pupils of cohort.csv and new-plans.csv at the tariff',
  spend_place: "places.csv's places (else each setting's pupils) at the tariff's place values",
} as const;

/**
 * SPEND_LINE_MODELLED, once per line: a row on an s251 line the projection charges itself (top-ups,
 * place funding) counts that money twice, as an officer copying the whole s251 high-needs budget
 * into spend.csv would. A warning, not an error: an authority may pay top-ups for pupils without
 * a plan, whom the cohort does not hold.
 */
function modelledSpendWarning(line: string, s251: string, at: Location): Issue | undefined {
  const modelled = modelledS251Line(s251);
  if (!modelled) return undefined;
  return warning(
    'SPEND_LINE_MODELLED',
    `spend line "${line}" is s251 ${modelled.code}, ${modelled.what}, which the projection already charges as ${modelled.figure} (${CHARGED_FROM[modelled.figure]}): its amounts are added on top, counting that money twice`,
    at,
    'spend.csv is for the high-needs lines besides top-ups and places (s251 1.2.4 to 1.2.13); remove the line, or keep only what the cohort does not hold (top-ups for pupils without an EHCP)',
  );
}
