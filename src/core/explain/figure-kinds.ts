import type { Decimal } from 'decimal.js';
import { INCOME_LINES } from '../ledger.js';
import type { FinancialYear } from '../period.js';
import type { FinancialYearResult } from '../projection.js';
import type { ExplainNode } from './node.js';
import { rowsNode } from './income.js';
import { type ExplainRun, yearOf } from './run.js';
import { spendSettings } from './spend.js';

/** How one figure of the summary is built: its value in a year (or a setting's), and its parts. */
export interface Figure {
  readonly unit: 'GBP' | 'pupils';
  /** Whether the figure is also given per setting (the --detail rows), so --setting applies. */
  readonly bySetting: boolean;
  readonly how: string;
  readonly value: (year: FinancialYearResult, setting?: string) => Decimal;
  readonly parts: (run: ExplainRun, year: FinancialYear, setting?: string) => ExplainNode;
}

export const perSetting =
  (
    pick: (s: FinancialYearResult['settings'][number]) => Decimal,
    total: (y: FinancialYearResult) => Decimal,
  ) =>
  (year: FinancialYearResult, setting?: string): Decimal =>
    setting === undefined ? total(year) : pick(year.settings.find((s) => s.setting === setting)!);

type SettingYear = FinancialYearResult['settings'][number];

/** A spend figure given by setting: its parts are the terms of `kinds` (places: of the settings `fundedBy` pays). */
export function spendFigure(
  kinds: ('tariff' | 'bespoke' | 'place')[],
  how: string,
  one: (s: SettingYear) => Decimal,
  all: (y: FinancialYearResult) => Decimal,
  fundedBy?: 'la' | 'dfe',
): Figure {
  return {
    unit: 'GBP',
    bySetting: true,
    how,
    value: perSetting(one, all),
    parts: (run, year, setting) => {
      const tariff = run.model.tariff;
      const settings = spendSettings(run.terms, kinds, year, tariff, setting, fundedBy);
      if (setting !== undefined) {
        const paidBy = tariff.settings.find((s) => s.id === setting)?.placeFundedBy ?? 'la';
        return (
          settings[0] ?? {
            label: setting,
            value: one(yearOf(run, year).settings.find((s) => s.setting === setting)!),
            ...(fundedBy && paidBy !== fundedBy
              ? {
                  inputs: {
                    note: `its places are funded by ${fundedBy === 'la' ? 'the DfE (place_dfe)' : 'the authority (spend_place)'}`,
                  },
                }
              : {}),
          }
        );
      }
      return {
        label: 'all settings',
        value: all(yearOf(run, year)),
        rule: 'sum',
        children: settings,
      };
    },
  };
}

/** An income figure that adds the rows of funding lines (src/core/ledger.ts INCOME_LINES). */
export function lineFigure(field: keyof typeof INCOME_LINES, how: string): Figure {
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
