import { hnbOfYear, lineRows } from '../ledger.js';
import { locationText } from '../issue.js';
import type { FundingLine, FundingRow } from '../model.js';
import { type FinancialYear, formatFinancialYear } from '../period.js';
import type { ExplainNode, InputValue } from './node.js';
import type { ExplainRun } from './run.js';

const where = (row: FundingRow): string | undefined =>
  row.origin ? locationText(row.origin) : undefined;

/** Where a funding row came from: its file and line (funding.csv, scenarios.json), and the lever that added it. */
export function madeBy(row: FundingRow, run: ExplainRun): Record<string, InputValue> {
  const scenario = run.scenario;
  const lever = scenario?.levers.find((l) => l.kind === 'funding' && l.rows.includes(row));
  const at = where(row);
  return {
    ...(at ? { source: at } : {}),
    ...(!at && scenario
      ? {
          source: `scenario ${scenario.id}${scenario.agreement ? ', its Safety Valve agreement' : ''}`,
        }
      : {}),
    ...(lever ? { lever: lever.id } : {}),
    ...(row.derived ? { derived: row.derived } : {}),
  };
}

/** An income figure that adds funding rows: each row of its lines for the year, in the ledger's order. */
export function rowsNode(
  run: ExplainRun,
  year: FinancialYear,
  lines: readonly FundingLine[],
  label: string,
  value: ExplainNode['value'],
): ExplainNode {
  const rows = lineRows(run.model.funding, year, lines);
  return {
    label,
    value,
    rule: 'sum',
    inputs: { lines: [...lines] },
    children: rows.map((row) => ({
      label: `${row.line} ${formatFinancialYear(row.financialYear)}`,
      value: row.amount,
      inputs: {
        line: row.line,
        amount: row.amount,
        ...(row.share ? { share: row.share } : {}),
        ...(row.schoolsBlock ? { schoolsBlock: row.schoolsBlock } : {}),
        ...madeBy(row, run),
      },
    })),
  };
}

/** The HNB allocation: the row given for the year, or the last given one grown by hnbGrowth for each year since. */
export function hnbNode(run: ExplainRun, year: FinancialYear, label: string): ExplainNode {
  const growth = run.model.assumptions.hnbGrowth;
  const { from, years, amount } = hnbOfYear(run.model.funding, year, growth);
  const scenarioGrowth = run.scenario?.assumptions.hnbGrowth !== undefined;
  return {
    label,
    value: amount,
    inputs: from
      ? {
          given: {
            financialYear: formatFinancialYear(from.financialYear),
            amount: from.amount,
            ...madeBy(from, run),
          },
          ...(years > 0
            ? {
                hnbGrowth: growth,
                growthFrom: scenarioGrowth
                  ? `scenario ${run.scenario!.id}`
                  : 'model.json assumptions.hnbGrowth',
                years,
                steps: Array.from({ length: years }, (_, i) => {
                  const fy = from.financialYear + i + 1;
                  return {
                    financialYear: formatFinancialYear(fy),
                    amount: hnbOfYear(run.model.funding, fy, growth).amount,
                  };
                }),
              }
            : {}),
        }
      : { given: 'none' },
  };
}

/** The 2026 write-off in the year it is paid: share × eligible deficit. */
export function writeOffNode(run: ExplainRun, year: FinancialYear, label: string): ExplainNode {
  const writeOff = run.projection.writeOff;
  const paid = writeOff && writeOff.paidIn === year;
  const value = run.projection.years.find((y) => y.financialYear === year)!.income.writeOff;
  return {
    label,
    value,
    inputs: paid
      ? {
          share: writeOff.share,
          eligibleDeficit: writeOff.eligibleDeficit,
          basis: writeOff.basis,
          balanceYear: formatFinancialYear(writeOff.balanceYear),
          paidIn: formatFinancialYear(writeOff.paidIn),
        }
      : {
          note: writeOff
            ? `the write-off is paid in ${formatFinancialYear(writeOff.paidIn)}`
            : 'the model has no write-off paid inside the projection',
        },
  };
}
