import type { Decimal } from 'decimal.js';
import type { FinancialYear } from '../period.js';

/** How the floor and cap treated an area: raised to the floor, cut to the cap, or left alone. */
export type Limit = 'floor' | 'cap' | 'none';

/** Every step of one area's formula allocation, unrounded (docs/nff.md, "The calculation"). */
export interface FormulaArea {
  readonly code: string;
  readonly name: string;
  readonly aca: Decimal;
  readonly basicEntitlement: Decimal;
  readonly historicSpend: Decimal;
  /** Each proxy factor's funding (value × unit value × ACA), in the parameters' order. */
  readonly proxies: readonly { readonly id: string; readonly amount: Decimal }[];
  readonly proxyTotal: Decimal;
  readonly hospitalEducation: Decimal;
  readonly formulaTotal: Decimal;
  /** The sum of the elements the floor and cap compare. */
  readonly compared: Decimal;
  readonly population: Decimal;
  readonly baselineAllocation: Decimal;
  readonly baselinePopulation: Decimal;
  readonly baselinePerHead: Decimal;
  readonly comparedPerHead: Decimal;
  /** comparedPerHead ÷ baselinePerHead − 1. */
  readonly changePerHead: Decimal;
  readonly limit: Limit;
  /** Positive: floor protection; negative: the gains cap's deduction. */
  readonly protection: Decimal;
  /** formulaTotal + protection: the "HN elements in floor/gains calculation". */
  readonly elementsTotal: Decimal;
  readonly importExport: Decimal;
  /** elementsTotal + importExport. */
  readonly allocation: Decimal;
  /** Academy, NMSS, FE and specialist post-16 places and the hospital adjustment, when any is given (deductions.ts). */
  readonly placeDeductions?: Decimal;
  readonly afterDeductions?: Decimal;
}

export interface RolloverArea {
  readonly code: string;
  readonly name: string;
  readonly baselineAllocation: Decimal;
  /** baselineAllocation × uplift. */
  readonly uplift: Decimal;
  readonly grants: readonly { readonly id: string; readonly amount: Decimal }[];
  /** This year's import/export adjustment (factors' import_export; 0 when not given). */
  readonly importExport: Decimal;
  /** baseline + uplift + grants + importExport. */
  readonly allocation: Decimal;
  readonly placeDeductions?: Decimal;
  readonly afterDeductions?: Decimal;
}

/** The unit value each proxy factor was paid at (given, or pot × weight ÷ Σ value × ACA). */
export interface UnitValue {
  readonly id: string;
  readonly unitValue: Decimal;
}

export interface SolvedCap {
  readonly cap: Decimal;
  readonly target: Decimal;
  readonly iterations: number;
  /** The stated tolerance: |Σ allocations − target| is below this. */
  readonly tolerance: Decimal;
}

export type NffResult =
  | {
      readonly mode: 'formula';
      readonly financialYear: FinancialYear;
      readonly floor: Decimal;
      readonly cap: Decimal;
      readonly solvedCap?: SolvedCap;
      readonly unitValues: readonly UnitValue[];
      readonly areas: readonly FormulaArea[];
    }
  | {
      readonly mode: 'rollover';
      readonly financialYear: FinancialYear;
      readonly upliftRate: Decimal;
      readonly areas: readonly RolloverArea[];
    };
