import type { Decimal } from 'decimal.js';
import { ZERO } from '../core/decimal.js';
import { InternalError } from '../core/errors.js';
import { formatFinancialYear, type FinancialYear } from '../core/period.js';
import type { Flows, Projection, SettingFlows } from '../core/projection.js';

/** Per setting, after pupils_january (the closing): opening + new_plans + moved_in + overflow_in − ceased − moved_out − overflow_out − aged_out = pupils_january. */
export const SETTING_FLOW_COLUMNS = [
  'pupils_opening',
  'new_plans',
  'ceased',
  'moved_in',
  'moved_out',
  'overflow_in',
  'overflow_out',
  'aged_out',
] as const;

/** Per year, in total: opening + new_plans − ceased − aged_out = closing (moves and overflow stay inside the area). */
export const FLOW_TOTAL_FIELDS = [
  'opening',
  'new_plans',
  'ceased',
  'moved',
  'overflowed',
  'aged_out',
  'closing',
] as const;

const NO_FLOWS: SettingFlows = {
  opening: ZERO,
  newPlans: ZERO,
  ceased: ZERO,
  movedIn: ZERO,
  movedOut: ZERO,
  overflowIn: ZERO,
  overflowOut: ZERO,
  agedOut: ZERO,
  closing: ZERO,
};

/**
 * The flows of each FY row: those of the AY holding its January, the step from the
 * January before (FY 2026-27 → January 2027 → AY 2026/27; docs/methodology.md "Calendars").
 * The first projected FY's January is in AY baseYear + 1, so every row has them.
 */
export function flowsByFinancialYear(projection: Projection): Map<FinancialYear, Flows> {
  const byAcademicYear = new Map(projection.academicYears.map((ay) => [ay.academicYear, ay.flows]));
  return new Map(
    projection.years.map(({ financialYear }) => {
      const flows = byAcademicYear.get(financialYear);
      if (!flows)
        throw new InternalError(
          `no pupil flows for the January of ${formatFinancialYear(financialYear)}`,
        );
      return [financialYear, flows];
    }),
  );
}

/** A setting's flow cells; a setting the projection never placed a pupil in has none. */
export function settingFlowCells(
  flows: Flows,
  setting: string,
): Record<(typeof SETTING_FLOW_COLUMNS)[number], Decimal> {
  const f = flows.bySetting.get(setting) ?? NO_FLOWS;
  return {
    pupils_opening: f.opening,
    new_plans: f.newPlans,
    ceased: f.ceased,
    moved_in: f.movedIn,
    moved_out: f.movedOut,
    overflow_in: f.overflowIn,
    overflow_out: f.overflowOut,
    aged_out: f.agedOut,
  };
}

export function flowTotalCells(flows: Flows): Record<(typeof FLOW_TOTAL_FIELDS)[number], Decimal> {
  return {
    opening: flows.opening,
    new_plans: flows.newPlans,
    ceased: flows.ceased,
    moved: flows.moved,
    overflowed: flows.overflowed,
    aged_out: flows.agedOut,
    closing: flows.closing,
  };
}
