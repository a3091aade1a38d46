import type { Decimal } from 'decimal.js';
import { sum, ZERO } from '../core/decimal.js';
import type { FormulaArea, NffResult, RolloverArea } from '../core/nff/result.js';
import { formatFinancialYear } from '../core/period.js';
import { toPence } from '../core/rounding.js';
import type { Record_, RecordValue } from './records.js';

/** The nff output contract (docs/nff.md, "Output"): these columns, in this order. */
export function nffColumns(result: NffResult): string[] {
  const head = ['area_code', 'area_name', 'financial_year'];
  const tail = ['allocation', 'place_deductions', 'block_after_deductions'];
  if (result.mode === 'rollover') {
    return [
      ...head,
      'baseline_allocation',
      'uplift',
      ...(result.areas[0]?.grants ?? []).map((g) => `grant_${g.id}`),
      'import_export',
      ...tail,
    ];
  }
  return [
    ...head,
    'aca',
    'basic_entitlement',
    'historic_spend',
    ...result.unitValues.map((u) => `proxy_${u.id}`),
    'proxy_total',
    'hospital_education',
    'formula_total',
    'compared_elements',
    'population_2_18',
    'baseline_allocation',
    'baseline_population_2_18',
    'baseline_per_head',
    'compared_per_head',
    'change_per_head',
    'floor',
    'cap',
    'limited_by',
    'floor_cap_adjustment',
    'elements_total',
    'import_export',
    ...tail,
  ];
}

/** The step table the terminal shows: each step's total; each proxy factor is in CSV, JSON and --area. */
const FORMULA_TABLE_COLUMNS = [
  'area_code',
  'area_name',
  'basic_entitlement',
  'historic_spend',
  'proxy_total',
  'hospital_education',
  'formula_total',
  'change_per_head',
  'limited_by',
  'floor_cap_adjustment',
  'import_export',
  'allocation',
  'block_after_deductions',
] as const;

/**
 * The table's columns: a rollover year's every step, its grants and import/export among them, so
 * that the allocation is the sum of the figures beside it (the table once showed the baseline and
 * uplift alone, and its line under them left import/export out of the sum).
 */
export function nffTableColumns(result: NffResult): readonly string[] {
  if (result.mode === 'formula') return FORMULA_TABLE_COLUMNS;
  return nffColumns(result).filter((c) => c !== 'financial_year' && c !== 'place_deductions');
}

const money = (value: Decimal | undefined): RecordValue =>
  value === undefined ? undefined : { figure: toPence(value) };
/** Shares as given (0.07), or to 12 places when longer (a solved cap). */
export const shareText = (value: Decimal): string =>
  value.decimalPlaces() > 12 ? value.toFixed(12) : value.toFixed();
const share = (value: Decimal): RecordValue => ({ figure: shareText(value) });
/** A share as an exact percentage: 0.07 → "7", a solved cap to 10 places of a percent. */
export const percentText = (value: Decimal, places?: number): string => {
  const percent = value.times(100);
  return places !== undefined
    ? percent.toFixed(places)
    : percent.decimalPlaces() > 10
      ? percent.toFixed(10)
      : percent.toFixed();
};

/** One record per area, then a total row (area_code empty, area_name "Total"). Figures rounded here, at output. */
export function nffRecords(
  result: NffResult,
  only?: string,
  options: { percent?: boolean } = {},
): Record_[] {
  // For people: the change per head as a percentage to 2 places, rounded once from the unrounded share.
  const change = (value: Decimal): RecordValue => ({
    figure: options.percent ? `${percentText(value, 2)}%` : value.toFixed(6),
  });
  const year = formatFinancialYear(result.financialYear);
  const pick = <T extends { code: string }>(areas: readonly T[]): readonly T[] =>
    only === undefined ? areas : areas.filter((a) => a.code === only);
  if (result.mode === 'rollover') {
    const rows = pick(result.areas).map((a) => rolloverRecord(a, year));
    return only === undefined ? [...rows, rolloverRecord(rolloverTotal(result.areas), year)] : rows;
  }
  const rows = pick(result.areas).map((a) => formulaRecord(a, year, result, change));
  return only === undefined
    ? [...rows, formulaRecord(formulaTotal(result.areas), year, result, change)]
    : rows;
}

function formulaRecord(
  a: FormulaArea,
  year: string,
  result: Extract<NffResult, { mode: 'formula' }>,
  change: (value: Decimal) => RecordValue,
): Record_ {
  return {
    area_code: a.code,
    area_name: a.name,
    financial_year: year,
    aca: a.aca.isZero() ? undefined : { figure: a.aca.toFixed() },
    basic_entitlement: money(a.basicEntitlement),
    historic_spend: money(a.historicSpend),
    ...Object.fromEntries(a.proxies.map((p) => [`proxy_${p.id}`, money(p.amount)])),
    proxy_total: money(a.proxyTotal),
    hospital_education: money(a.hospitalEducation),
    formula_total: money(a.formulaTotal),
    compared_elements: money(a.compared),
    population_2_18: { figure: a.population.toFixed() },
    baseline_allocation: money(a.baselineAllocation),
    baseline_population_2_18: { figure: a.baselinePopulation.toFixed() },
    baseline_per_head: money(a.baselinePerHead),
    compared_per_head: money(a.comparedPerHead),
    change_per_head: change(a.changePerHead),
    floor: share(result.floor),
    cap: share(result.cap),
    limited_by: a.limit === 'none' ? '' : a.limit,
    floor_cap_adjustment: money(a.protection),
    elements_total: money(a.elementsTotal),
    import_export: money(a.importExport),
    allocation: money(a.allocation),
    place_deductions: money(a.placeDeductions),
    block_after_deductions: money(a.afterDeductions),
  };
}

function rolloverRecord(a: RolloverArea, year: string): Record_ {
  return {
    area_code: a.code,
    area_name: a.name,
    financial_year: year,
    baseline_allocation: money(a.baselineAllocation),
    uplift: money(a.uplift),
    ...Object.fromEntries(a.grants.map((g) => [`grant_${g.id}`, money(g.amount)])),
    import_export: money(a.importExport),
    allocation: money(a.allocation),
    place_deductions: money(a.placeDeductions),
    block_after_deductions: money(a.afterDeductions),
  };
}

const total = <T>(areas: readonly T[], pick: (area: T) => Decimal | undefined): Decimal =>
  sum(areas.map((a) => pick(a) ?? ZERO));

/** The total row: sums, and per-head figures of the sums (not sums of per-head figures). */
function formulaTotal(areas: readonly FormulaArea[]): FormulaArea {
  const t = (pick: (a: FormulaArea) => Decimal | undefined) => total(areas, pick);
  const population = t((a) => a.population);
  const baselineAllocation = t((a) => a.baselineAllocation);
  const baselinePopulation = t((a) => a.baselinePopulation);
  const compared = t((a) => a.compared);
  const baselinePerHead = baselinePopulation.isZero()
    ? ZERO
    : baselineAllocation.div(baselinePopulation);
  const comparedPerHead = population.isZero() ? ZERO : compared.div(population);
  return {
    code: '',
    name: 'Total',
    aca: ZERO,
    basicEntitlement: t((a) => a.basicEntitlement),
    historicSpend: t((a) => a.historicSpend),
    proxies: (areas[0]?.proxies ?? []).map(({ id }) => ({
      id,
      amount: t((a) => a.proxies.find((p) => p.id === id)?.amount),
    })),
    proxyTotal: t((a) => a.proxyTotal),
    hospitalEducation: t((a) => a.hospitalEducation),
    formulaTotal: t((a) => a.formulaTotal),
    compared,
    population,
    baselineAllocation,
    baselinePopulation,
    baselinePerHead,
    comparedPerHead,
    changePerHead: baselinePerHead.isZero() ? ZERO : comparedPerHead.div(baselinePerHead).minus(1),
    limit: 'none',
    protection: t((a) => a.protection),
    elementsTotal: t((a) => a.elementsTotal),
    importExport: t((a) => a.importExport),
    allocation: t((a) => a.allocation),
    ...deductionTotals(areas),
  };
}

function rolloverTotal(areas: readonly RolloverArea[]): RolloverArea {
  const t = (pick: (a: RolloverArea) => Decimal | undefined) => total(areas, pick);
  return {
    code: '',
    name: 'Total',
    baselineAllocation: t((a) => a.baselineAllocation),
    uplift: t((a) => a.uplift),
    grants: (areas[0]?.grants ?? []).map(({ id }) => ({
      id,
      amount: t((a) => a.grants.find((g) => g.id === id)?.amount),
    })),
    importExport: t((a) => a.importExport),
    allocation: t((a) => a.allocation),
    ...deductionTotals(areas),
  };
}

/** Deductions given for some areas are summed; the block after them is totalled only when every area gives them. */
function deductionTotals(
  areas: readonly { placeDeductions?: Decimal; afterDeductions?: Decimal }[],
): { placeDeductions?: Decimal; afterDeductions?: Decimal } {
  if (!areas.some((a) => a.placeDeductions)) return {};
  const placeDeductions = total(areas, (a) => a.placeDeductions);
  return areas.every((a) => a.afterDeductions)
    ? { placeDeductions, afterDeductions: total(areas, (a) => a.afterDeductions) }
    : { placeDeductions };
}
