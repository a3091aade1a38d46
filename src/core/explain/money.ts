import type { Decimal } from 'decimal.js';
import { deductionRows, givenDeductions } from '../deductions.js';
import { financingOfYear } from '../financing.js';
import { hnbOfYear } from '../ledger.js';
import { fundedByDfe } from '../place-cost.js';
import type { YearIncome } from '../ledger.js';
import { spendLineOfYear, spendLines } from '../other-spend.js';
import { type FinancialYear, formatFinancialYear } from '../period.js';
import { madeBy } from './income.js';
import { locationText } from '../issue.js';
import type { ExplainNode, InputValue } from './node.js';
import { type ExplainRun, yearOf } from './run.js';
import { spendSettings, twelfths } from './spend.js';

/*
 * The money lines of issue 16 (docs/explain.md): spend.csv's lines, the HNB deductions and the
 * cost of carrying the deficit, each from the functions the projection itself calls.
 */

/** Where a growth rate came from: a scenario's assumptions, or model.json's. */
const assumptionFrom = (run: ExplainRun, name: 'hnbGrowth' | 'otherSpendGrowth'): string =>
  run.scenario?.assumptions[name] !== undefined
    ? `scenario ${run.scenario.id}`
    : `model.json assumptions.${name}`;

/** The amount after each year of growth from `from` to `from + years`. */
const steps = (
  from: FinancialYear,
  years: number,
  amountIn: (fy: FinancialYear) => Decimal,
): InputValue[] =>
  Array.from({ length: years }, (_, i) => ({
    financialYear: formatFinancialYear(from + i + 1),
    amount: amountIn(from + i + 1),
  }));

/** spend_other: each spend.csv line of the year, as given or grown from its last given row (src/core/other-spend.ts). */
export function otherSpendNode(run: ExplainRun, year: FinancialYear): ExplainNode {
  const rows = spendLines(run.model.spend ?? []);
  const defaultGrowth = run.model.assumptions.otherSpendGrowth;
  return {
    label: 'spend.csv lines',
    value: yearOf(run, year).spendOther,
    rule: 'sum',
    children: yearOf(run, year).otherSpend.map((line): ExplainNode => {
      const list = rows.get(line.line)!;
      const of = spendLineOfYear(list, year, defaultGrowth)!;
      const at = of.from.origin ? locationText(of.from.origin) : undefined;
      return {
        // With its s251 code, as the DSG plan shows the line (docs/explain.md says it is given).
        label: line.s251 ? `${line.s251} ${line.line}` : line.line,
        value: of.amount,
        inputs: {
          line: line.line,
          ...(line.s251 ? { s251: line.s251 } : {}),
          given: {
            financialYear: formatFinancialYear(of.from.financialYear),
            amount: of.from.amount,
            ...(at ? { source: at } : {}),
          },
          ...(of.years > 0
            ? {
                growth: of.growth,
                growthFrom:
                  of.growthFrom === 'row'
                    ? "the row's own growth"
                    : assumptionFrom(run, 'otherSpendGrowth'),
                years: of.years,
                steps: steps(
                  of.from.financialYear,
                  of.years,
                  (fy) => spendLineOfYear([of.from], fy, defaultGrowth)!.amount,
                ),
              }
            : {}),
        },
      };
    }),
  };
}

/**
 * income_hnb_deductions, taken away from the HNB: the year's own hnb_deductions row, or the row
 * beside the allocation the year grows from, in cash, plus the change in the "dfe" settings' place
 * funding since the year it was stated for; or, with neither, the place funding of the "dfe"
 * settings, costed as spend is (src/core/ledger.ts, src/core/deductions.ts).
 */
export function deductionsNode(run: ExplainRun, year: FinancialYear): ExplainNode {
  const { from } = hnbOfYear(run.model.funding, year, run.model.assumptions.hnbGrowth);
  const given = givenDeductions(deductionRows(run.model.funding), year, from?.financialYear);
  const income = yearOf(run, year).income;
  const value = income.hnbDeductions;
  const settings = spendSettings(run.terms, ['place'], year, run.model.tariff, undefined, 'dfe');
  const placeFunding = twelfths('place funding of the "dfe" settings', settings);
  if (!given) {
    return {
      label: 'computed',
      value,
      rule: 'sum',
      inputs: {
        basis: 'computed',
        note: 'no hnb_deductions given for this year or beside the allocation it grows from, so the place funding of the "dfe" settings is deducted (warning DEDUCTIONS_COMPUTED)',
      },
      children: [{ ...placeFunding, sign: -1 }],
    };
  }
  return {
    label: given.basis,
    value,
    rule: 'sum',
    inputs: { basis: given.basis },
    children: [
      {
        label: `hnb_deductions ${formatFinancialYear(given.row.financialYear)}`,
        value: given.amount,
        sign: -1,
        inputs: {
          given: {
            financialYear: formatFinancialYear(given.row.financialYear),
            amount: given.row.amount,
            ...madeBy(given.row, run),
          },
          ...(given.basis === 'carried'
            ? {
                note: 'carried in cash: place values are frozen, so the deductions follow the places, not hnbGrowth',
              }
            : {}),
        },
      },
      ...(income.deductionsChange.isZero() ? [] : [changeNode(run, income, placeFunding)]),
    ],
  };
}

/**
 * What given deductions gain from the "dfe" settings' places since the year they were stated for:
 * their place funding in the year less that of the stated year as the model was before any
 * scenario (places.csv's places, the pupils where places follow them, a scenario's places levers
 * and moved pupils), which the DfE recoups at values frozen in cash (src/core/ledger.ts).
 */
function changeNode(run: ExplainRun, income: YearIncome, placeFunding: ExplainNode): ExplainNode {
  const from = income.deductionsFrom!;
  const dfe = new Set(run.model.tariff.settings.filter(fundedByDfe).map((s) => s.id));
  const levers = (run.scenario?.levers ?? []).flatMap((lever) =>
    lever.kind === 'places' && dfe.has(lever.setting)
      ? [`${lever.id}: ${lever.places.toString()} places in ${lever.setting}`]
      : [],
  );
  return {
    label: `change in the "dfe" place funding since ${formatFinancialYear(from.financialYear)}`,
    value: income.deductionsChange,
    sign: -1,
    rule: 'sum',
    inputs: {
      placeFundingFrom: from.placeFunding,
      fromYear: formatFinancialYear(from.financialYear),
      ...(levers.length > 0 ? { levers } : {}),
      note: `the "dfe" settings' place funding in the year less that of ${formatFinancialYear(from.financialYear)}, before any scenario: the DfE recoups the places it funds at values frozen in cash`,
    },
    children: [
      placeFunding,
      {
        label: `place funding ${formatFinancialYear(from.financialYear)}`,
        value: from.placeFunding,
        sign: -1,
      },
    ],
  };
}

/** general_fund_financing: rate × the average of the deficits at the year's start and end (src/core/financing.ts). */
export function financingNode(run: ExplainRun, year: FinancialYear): ExplainNode {
  const { years, openingBalance, financingRate: rate } = run.projection;
  const index = years.findIndex((y) => y.financialYear === year);
  const opening = index === 0 ? openingBalance : years[index - 1]!.cumulativeBalance;
  const closing = years[index]!.cumulativeBalance;
  const financing = financingOfYear(rate, opening, closing);
  return {
    label: 'general-fund cost of the deficit',
    value: financing.cost,
    inputs: rate
      ? {
          rate,
          rateFrom: 'model.json deficitFinancing.rate',
          openingBalance: opening,
          closingBalance: closing,
          openingDeficit: financing.openingDeficit,
          closingDeficit: financing.closingDeficit,
        }
      : { rate: 'none: model.json gives no deficitFinancing' },
  };
}
