import type { Decimal } from 'decimal.js';
import { INCOME_LINES } from '../ledger.js';
import { type FinancialYear, formatFinancialYear } from '../period.js';
import type { FinancialYearResult } from '../projection.js';
import type { ExplainNode } from './node.js';
import { balanceChain, januaryPupils } from './balance.js';
import { hnbNode, rowsNode, writeOffNode } from './income.js';
import type { ExplainRun } from './run.js';
import { spendSettings } from './spend.js';

/** How one figure of the summary is built: its value in a year (or a setting's), and its parts. */
interface Figure {
  readonly unit: 'GBP' | 'pupils';
  /** Whether the figure is also given per setting (the --detail rows), so --setting applies. */
  readonly bySetting: boolean;
  readonly how: string;
  readonly value: (year: FinancialYearResult, setting?: string) => Decimal;
  readonly parts: (run: ExplainRun, year: FinancialYear, setting?: string) => ExplainNode;
}

const perSetting =
  (
    pick: (s: FinancialYearResult['settings'][number]) => Decimal,
    total: (y: FinancialYearResult) => Decimal,
  ) =>
  (year: FinancialYearResult, setting?: string): Decimal =>
    setting === undefined ? total(year) : pick(year.settings.find((s) => s.setting === setting)!);

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

const yearOf = (run: ExplainRun, year: FinancialYear): FinancialYearResult =>
  run.projection.years.find((y) => y.financialYear === year)!;

function spendFigure(kinds: ('tariff' | 'bespoke' | 'place')[], how: string): Figure {
  const pick = kinds.includes('place')
    ? {
        one: (s: FinancialYearResult['settings'][number]) => s.spendPlace,
        all: (y: FinancialYearResult) => y.spendPlace,
      }
    : {
        one: (s: FinancialYearResult['settings'][number]) => s.spendTopUp,
        all: (y: FinancialYearResult) => y.spendTopUp,
      };
  return {
    unit: 'GBP',
    bySetting: true,
    how,
    value: perSetting(pick.one, pick.all),
    parts: (run, year, setting) => {
      const settings = spendSettings(run.terms, kinds, year, run.model.tariff, setting);
      if (setting !== undefined)
        return (
          settings[0] ?? {
            label: setting,
            value: pick.one(yearOf(run, year).settings.find((s) => s.setting === setting)!),
          }
        );
      return {
        label: 'all settings',
        value: pick.all(yearOf(run, year)),
        rule: 'sum',
        children: settings,
      };
    },
  };
}

/** An income figure that adds the rows of funding lines (src/core/ledger.ts INCOME_LINES). */
function lineFigure(field: keyof typeof INCOME_LINES, how: string): Figure {
  return {
    unit: 'GBP',
    bySetting: false,
    how,
    value: (year) => year.income[field],
    parts: (run, year) =>
      rowsNode(
        run,
        year,
        INCOME_LINES[field],
        INCOME_LINES[field].join(' + '),
        yearOf(run, year).income[field],
      ),
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

/** The figures of the summary (README "Output"), in its column order; test/core/explain.test.ts keeps the two lists equal. */
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
  ),
  spend_place: spendFigure(
    ['place'],
    'place funding: commissioned places × the place value × months, ÷ 12',
  ),
  spend_total: sumOf(
    ['spend_top_up', 'spend_place'],
    'top-ups + place funding',
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
    ['income_hnb', 'income_transfer', 'income_safety_valve', 'income_other', 'income_write_off'],
    'every income line of the year',
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
} satisfies Record<string, Figure>;

export type FigureName = keyof typeof FIGURES;
export const FIGURE_NAMES = Object.keys(FIGURES) as FigureName[];
