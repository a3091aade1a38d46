import type { Decimal } from 'decimal.js';
import { integer, ZERO } from '../decimal.js';
import type { Cell, Model, PopulationRow } from '../model.js';
import type { Need } from '../need.js';
import type { AcademicYear, FinancialYear } from '../period.js';
import type { Tariff, TariffRate } from '../tariff.js';
import type { Uncertainty } from '../uncertainty.js';
import type { Fit, FittedRate } from './fitted.js';
import type { HistoryState } from './history.js';

/** The one band the tariff stub prices in every setting: calibrate does not fit bands (docs/calibration.md). */
export const STUB_BAND = '1';

/** An annual cost per pupil from costs.csv: a need, or '*' for any, in a setting. */
export interface CostRow {
  readonly need: Need | '*';
  readonly setting: string;
  readonly cost: Decimal;
}

export interface CalibratedSpec {
  readonly area: { readonly code: string; readonly name: string };
  /** The AY of the January the cohort is from. */
  readonly baseYear: AcademicYear;
  readonly horizon: FinancialYear;
  readonly fit: Fit;
  readonly cohort: readonly HistoryState[];
  /** Every setting of the history, in the order the stub declares them. */
  readonly settings: readonly string[];
  readonly population: ReadonlyMap<string, Decimal>;
  readonly costs: readonly CostRow[];
}

/** The source the stub cites: what a top-up is, for the officer replacing the stub's figures. */
const STUB_REFERENCE = {
  title: 'DfE: High needs funding arrangements 2025 to 2026 (top-up funding)',
  url: 'https://www.gov.uk/government/publications/high-needs-funding-arrangements-2025-to-2026',
};

/**
 * The tariff stub: every setting of the history with one band, its top-up the cost per pupil given
 * in costs.csv (need '*' for the setting's every-need row, else 0), place value 0, no uplift. The
 * officer replaces it with the authority's own banding (the folder's README says so).
 */
function stubTariff(
  settings: readonly string[],
  costs: readonly CostRow[],
  baseYear: AcademicYear,
): Tariff {
  const effectiveFrom = `${baseYear}-09-01`;
  const rates: TariffRate[] = [];
  for (const setting of settings) {
    const own = costs.filter((row) => row.setting === setting);
    const any = own.find((row) => row.need === '*');
    rates.push(stubRate(setting, '*', any?.cost, effectiveFrom));
    for (const row of own.filter((r) => r.need !== '*').sort((a, b) => (a.need < b.need ? -1 : 1)))
      rates.push(stubRate(setting, row.need, row.cost, effectiveFrom));
  }
  return {
    id: 'calibrated-stub',
    title: 'Tariff stub written by highneeds calibrate: replace with your banding',
    currency: 'GBP',
    references: [STUB_REFERENCE],
    settings: settings.map((id) => ({
      id,
      label: id,
      placeValue: ZERO,
      status: 'assumption' as const,
      notes:
        'place value not known to calibrate: set it (10000.00 for special and AP places), and placeFundedBy "dfe" where the DfE funds the places (academies, free schools, FE); it is charged on top of the top-up, so take it off a top-up that was a whole cost per pupil',
    })),
    rates,
    uplift: { method: 'none' },
  };
}

function stubRate(
  setting: string,
  need: Need | '*',
  cost: Decimal | undefined,
  effectiveFrom: string,
): TariffRate {
  return {
    effectiveFrom,
    setting,
    band: STUB_BAND,
    need,
    topUp: cost ?? ZERO,
    basis: 'annual per pupil',
    // The authority's own figure, not one worked out from published figures ('derived'), which
    // the report printed beside the DfE reference that states none of them (an officer's trial).
    status: 'assumption',
    notes: cost
      ? "the cost per pupil given in costs.csv: the authority's own figure, not a published one"
      : 'no cost given: fill in the top-up',
  };
}

/** The cohort of one January as cells of whole pupils, in NCY, need and setting order. */
function cohortCells(states: readonly HistoryState[]): Cell[] {
  const counts = new Map<string, number>();
  for (const s of states) {
    const key = `${s.ncy}|${s.need}|${s.setting}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, n]) => {
      const [ncy, need, setting] = key.split('|') as [string, Need, string];
      return { ncy: Number(ncy), need, setting, band: STUB_BAND, count: integer(n) };
    })
    .sort((a, b) => a.ncy - b.ncy || cmp(a.need, b.need) || cmp(a.setting, b.setting));
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The population rows a model needs: the projected AYs (base + 1 to the horizon's), every NCY given. */
function modelPopulation(
  population: ReadonlyMap<string, Decimal>,
  baseYear: AcademicYear,
  horizon: FinancialYear,
): PopulationRow[] {
  const rows: PopulationRow[] = [];
  for (const [key, value] of population) {
    const [january, ncy] = key.split(':').map(Number) as [number, number];
    const academicYear = january - 1;
    if (academicYear > baseYear && academicYear <= horizon)
      rows.push({ academicYear, ncy, population: value });
  }
  return rows.sort((a, b) => a.academicYear - b.academicYear || a.ncy - b.ncy);
}

/**
 * A fitted row's observed and exposure, as the folder's columns give them to simulate (a Beta
 * posterior, docs/simulate.md): so simulate on the model in memory, and backtest --draws on each
 * origin's, draw the fitted rates as simulate on the folder does, not only the pupils.
 */
const posterior = (r: FittedRate): { uncertainty: Uncertainty } => ({
  uncertainty: { kind: 'posterior', observed: r.observed, exposure: r.exposure },
});

/** The calibrated model as data: what the folder calibrate writes reads back as (test/core/calibrate-*.test.ts). */
export function calibratedModel(spec: CalibratedSpec): Model {
  const { fit } = spec;
  return {
    area: spec.area,
    baseYear: spec.baseYear,
    horizon: spec.horizon,
    tariff: stubTariff(spec.settings, spec.costs, spec.baseYear),
    assumptions: { newPlansGrowth: ZERO, hnbGrowth: ZERO, tariffUplift: ZERO },
    cohort: cohortCells(spec.cohort),
    newPlans: fit.newPlans.map((r) => ({
      ncy: r.ncy,
      need: r.need,
      setting: r.setting,
      band: STUB_BAND,
      rate: r.rate,
      ...posterior(r),
    })),
    ceasing: fit.ceasing.map((r) => ({
      ncy: r.ncy,
      rate: r.rate,
      ...(r.need ? { need: r.need } : {}),
      ...(r.setting ? { setting: r.setting } : {}),
      ...posterior(r),
    })),
    transitions: fit.transitions.map((r) => ({
      fromNcy: r.fromNcy,
      fromSetting: r.fromSetting,
      toSetting: r.toSetting,
      rate: r.rate,
      ...(r.need ? { need: r.need } : {}),
      ...(r.toNeed ? { toNeed: r.toNeed } : {}),
      ...posterior(r),
    })),
    places: [],
    funding: [
      { financialYear: spec.baseYear, line: 'opening_balance', amount: ZERO },
      { financialYear: spec.baseYear + 1, line: 'hnb_allocation', amount: ZERO },
    ],
    population: modelPopulation(spec.population, spec.baseYear, spec.horizon),
  };
}
