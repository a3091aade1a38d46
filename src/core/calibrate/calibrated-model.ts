import type { Decimal } from 'decimal.js';
import { integer, ZERO } from '../decimal.js';
import type { Cell, Model, PopulationRow } from '../model.js';
import type { Need } from '../need.js';
import type { AcademicYear, FinancialYear } from '../period.js';
import type { Tariff, TariffRate } from '../tariff.js';
import type { Uncertainty } from '../uncertainty.js';
import type { Fit, FittedRate } from './fitted.js';
import type { HistoryState } from './history.js';

/**
 * The band of every new plan, and of a pupil whose snapshot gives none: calibrate does not fit
 * bands (docs/calibration.md, "Bands"). The tariff stub prices it in every setting.
 */
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
  title: 'DfE: High needs funding arrangements 2024 to 2025 (place and top-up funding)',
  url: 'https://gov.uk/government/publications/high-needs-funding-arrangements-2024-to-2025',
};

/**
 * The tariff stub: every setting of the history, each with every band of the cohort and STUB_BAND,
 * the new plans' (a pupil who moves keeps their band, so every setting prices every band); each
 * band's top-up the cost per pupil given in costs.csv (need '*' for the setting's every-need row,
 * else 0), place value 0, no uplift. The officer replaces it with the authority's own banding
 * (the folder's README says so).
 */
function stubTariff(
  settings: readonly string[],
  bands: readonly string[],
  costs: readonly CostRow[],
  baseYear: AcademicYear,
): Tariff {
  const effectiveFrom = `${baseYear}-09-01`;
  const rates: TariffRate[] = [];
  for (const setting of settings) {
    const own = costs.filter((row) => row.setting === setting);
    const any = own.find((row) => row.need === '*');
    const byNeed = own.filter((r) => r.need !== '*').sort((a, b) => cmp(a.need, b.need));
    for (const band of bands) {
      rates.push(stubRate(setting, band, '*', any?.cost, effectiveFrom));
      for (const row of byNeed)
        rates.push(stubRate(setting, band, row.need, row.cost, effectiveFrom));
    }
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
  band: string,
  need: Need | '*',
  cost: Decimal | undefined,
  effectiveFrom: string,
): TariffRate {
  return {
    effectiveFrom,
    setting,
    band,
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

/** The cohort of one January as cells of whole pupils, in NCY, need, setting and band order. */
function cohortCells(states: readonly HistoryState[]): Cell[] {
  const counts = new Map<string, number>();
  for (const s of states) {
    // NUL between the parts: a band is the extract's own text, and may hold any other character.
    const key = [s.ncy, s.need, s.setting, s.band ?? STUB_BAND].join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([key, n]) => {
      const [ncy, need, setting, band] = key.split('\u0000') as [string, Need, string, string];
      return { ncy: Number(ncy), need, setting, band, count: integer(n) };
    })
    .sort(
      (a, b) =>
        a.ncy - b.ncy ||
        cmp(a.need, b.need) ||
        cmp(a.setting, b.setting) ||
        compareBands(a.band, b.band),
    );
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Whole-number bands first, in number order (2 before 10), then the others in code-unit order. */
function compareBands(a: string, b: string): number {
  const wholeA = /^\d+$/.test(a);
  const wholeB = /^\d+$/.test(b);
  if (wholeA !== wholeB) return wholeA ? -1 : 1;
  return (wholeA ? Number(a) - Number(b) : 0) || cmp(a, b);
}

/** The bands the stub prices: the cohort's and STUB_BAND, in compareBands' order. */
const stubBands = (cohort: readonly Cell[]): string[] =>
  [...new Set([STUB_BAND, ...cohort.map((cell) => cell.band)])].sort(compareBands);

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
  const cohort = cohortCells(spec.cohort);
  return {
    area: spec.area,
    baseYear: spec.baseYear,
    horizon: spec.horizon,
    tariff: stubTariff(spec.settings, stubBands(cohort), spec.costs, spec.baseYear),
    assumptions: { newPlansGrowth: ZERO, hnbGrowth: ZERO, tariffUplift: ZERO },
    cohort,
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
