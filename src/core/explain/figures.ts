import { INCOME_COLUMNS } from '../summary-figures.js';
import type { Decimal } from 'decimal.js';
import { type FinancialYear, formatFinancialYear } from '../period.js';
import type { FinancialYearResult } from '../projection.js';
import type { ExplainNode } from './node.js';
import { balanceChain, januaryPupils } from './balance.js';
import { type Figure, lineFigure, perSetting, spendFigure } from './figure-kinds.js';
import { hnbNode, rowsNode, writeOffNode } from './income.js';
import { type ExplainRun, yearOf } from './run.js';
import { deductionsNode, financingNode, otherSpendNode } from './money.js';
import { underlyingInYearBalance } from '../underlying-balance.js';

/** A part that is a figure of its own, for the same year: explain it with --figure. */
function figureRef(run: ExplainRun, name: string, year: FinancialYear, sign?: -1): ExplainNode {
  const result = yearOf(run, year);
  return {
    label: `${name} ${formatFinancialYear(year)}`,
    value: (FIGURES as Record<string, Figure>)[name]!.value(result),
    figure: name,
    ...(sign ? { sign } : {}),
  };
}

function sumOf(
  names: readonly string[],
  how: string,
  value: (y: FinancialYearResult) => Decimal,
  signs: readonly (1 | -1)[] = [],
): Figure {
  return {
    unit: 'GBP',
    bySetting: false,
    how,
    value,
    parts: (run, year) => ({
      label: 'parts',
      value: value(yearOf(run, year)),
      rule: 'sum',
      children: names.map((name, i) =>
        figureRef(run, name, year, signs[i] === -1 ? -1 : undefined),
      ),
    }),
  };
}

/**
 * underlying_in_year_balance: in_year_balance less the year's Safety Valve payments, write-off
 * grant and la_contribution rows (a part of income_other, shown row by row where the year has any).
 */
function underlyingFigure(): Figure {
  const columns = sumOf(
    ['in_year_balance', 'income_safety_valve', 'income_write_off'],
    'the in-year balance before Safety Valve payments, the write-off grant and the authority\'s own contributions, which go to the cumulative deficit (docs/methodology.md, "Income and balances"): in_year_balance − income_safety_valve − income_write_off − the la_contribution rows of income_other',
    underlyingInYearBalance,
    [1, -1, -1],
  );
  return {
    ...columns,
    parts: (run, year) => {
      const node = columns.parts(run, year);
      const contribution = yearOf(run, year).income.laContribution;
      if (contribution.isZero()) return node;
      const rows = rowsNode(run, year, ['la_contribution'], 'la_contribution', contribution);
      return { ...node, children: [...node.children!, { ...rows, sign: -1 }] };
    },
  };
}

/** The figures of the summary (README "Output"), in its column order, then place_dfe of the --detail rows; test/core/explain.test.ts keeps the lists equal. */
export const FIGURES = {
  pupils_january: {
    unit: 'pupils',
    bySetting: true,
    how: "expected EHCPs in January: the projected cohort of the AY holding the year's January, by setting",
    value: perSetting(
      (s) => s.pupilsJanuary,
      (y) => y.pupilsJanuary,
    ),
    parts: januaryPupils,
  },
  spend_top_up: spendFigure(
    ['tariff', 'bespoke'],
    "top-ups: for each month, pupils × the annual top-up in force on the month's 1st, ÷ 12",
    (s) => s.spendTopUp,
    (y) => y.spendTopUp,
  ),
  spend_place: spendFigure(
    ['place'],
    'place funding the authority pays ("la" settings): commissioned places × the place value × months, ÷ 12; empty places at the unoccupied value where there is one',
    (s) => s.spendPlace,
    (y) => y.spendPlace,
    'la',
  ),
  spend_total: sumOf(
    ['spend_top_up', 'spend_place', 'spend_other'],
    'top-ups + place funding + spend.csv lines',
    (y) => y.spendTotal,
  ),
  income_hnb: {
    unit: 'GBP',
    bySetting: false,
    how: 'the high-needs block allocation given for the year, or the last one given grown by hnbGrowth a year',
    value: (year) => year.income.hnb,
    parts: (run, year) => hnbNode(run, year, 'hnb_allocation'),
  },
  income_transfer: lineFigure('transfer', 'block transfers into the high-needs block'),
  income_safety_valve: lineFigure('safetyValve', 'Safety Valve instalments received in the year'),
  income_other: lineFigure('other', 'local authority contributions and other income'),
  income_write_off: {
    unit: 'GBP',
    bySetting: false,
    how: 'the 2026 write-off grant in the year paid: share × the eligible deficit',
    value: (year) => year.income.writeOff,
    parts: (run, year) => writeOffNode(run, year, 'write-off'),
  },
  income_total: sumOf(
    INCOME_COLUMNS,
    'every income line of the year: the HNB less its deductions, then the rest',
    (y) => y.income.total,
  ),
  in_year_balance: sumOf(
    ['income_total', 'spend_total'],
    'income − spend',
    (y) => y.inYearBalance,
    [1, -1],
  ),
  cumulative_balance: {
    unit: 'GBP',
    bySetting: false,
    how: 'the opening balance + each in-year balance to this year',
    value: (year) => year.cumulativeBalance,
    parts: (run, year) => balanceChain(run, year, (fy) => figureRef(run, 'in_year_balance', fy)),
  },
  spend_other: {
    unit: 'GBP',
    bySetting: false,
    how: "spend.csv's lines: each as given for the year, or its last given amount grown by the row's growth (else otherSpendGrowth) a year",
    value: (year) => year.spendOther,
    parts: otherSpendNode,
  },
  income_hnb_deductions: {
    unit: 'GBP',
    bySetting: false,
    how: 'taken off the HNB for places the DfE funds: hnb_deductions as given, or carried in cash from the allocation it is given beside, plus the change in the "dfe" settings\' place funding since the year it was given for (places, pupils where places follow them, a scenario\'s levers); or, with none given, the "dfe" settings\' place funding',
    value: (year) => year.income.hnbDeductions,
    parts: deductionsNode,
  },
  income_import_export: lineFigure(
    'importExport',
    "the import/export adjustment, signed as published, for its year only: a year without an import_export row has none, the last year's not being carried (warning IMPORT_EXPORT_NOT_CARRIED)",
  ),
  general_fund_financing: {
    unit: 'GBP',
    bySetting: false,
    how: 'rate × the average of the deficits at the start and end of the year (zero in surplus); a general-fund cost, outside the DSG balance',
    value: (year) => year.generalFundFinancing,
    parts: financingNode,
  },
  underlying_in_year_balance: underlyingFigure(),
  // Given by setting in the --detail rows (and for the year, which computed deductions are made of); not a summary column.
  place_dfe: spendFigure(
    ['place'],
    'place funding the DfE pays directly ("dfe" settings), for information: commissioned places × the place value × months, ÷ 12',
    (s) => s.placeDfe,
    (y) => y.placeDfe,
    'dfe',
  ),
} satisfies Record<string, Figure>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];
