import { sum, ZERO } from '../decimal.js';
import { placeDeductions } from './deductions.js';
import type { AreaFactors } from './factors.js';
import type { RolloverParameters } from './parameters.js';
import type { RolloverArea } from './result.js';

/**
 * A year with the formula suspended (2026-27: domain brief §2.1, DSG technical note 2026 to
 * 2027): last year's allocation before import/export, plus any uplift, plus the grants rolled
 * into the block, plus this year's own import/export adjustment (DfE publishes one for 2026-27),
 * so last year's import/export is not carried forward.
 */
export function rolloverArea(area: AreaFactors, parameters: RolloverParameters): RolloverArea {
  const uplift = area.baselineAllocation.times(parameters.uplift.value);
  const grants = parameters.rolledInGrants.map((grant) => ({
    id: grant.id,
    amount: area.grants.get(grant.id) ?? ZERO,
  }));
  const importExport = area.importExport ?? ZERO;
  const allocation = area.baselineAllocation
    .plus(uplift)
    .plus(sum(grants.map((g) => g.amount)))
    .plus(importExport);
  const deductions = placeDeductions(area);
  return {
    code: area.code,
    name: area.name,
    baselineAllocation: area.baselineAllocation,
    uplift,
    grants,
    importExport,
    allocation,
    ...(deductions
      ? { placeDeductions: deductions, afterDeductions: allocation.minus(deductions) }
      : {}),
  };
}
