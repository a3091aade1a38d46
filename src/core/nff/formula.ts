import { placeDeductions } from './deductions.js';
import type { Decimal } from 'decimal.js';
import { ONE, sum, ZERO } from '../decimal.js';
import type { AreaFactors } from './factors.js';
import { applyFloorCap, floorCapLevels, type FloorCapLevels } from './floor-cap.js';
import type { FormulaParameters, NffElement } from './parameters.js';
import type { FormulaArea, UnitValue } from './result.js';

/** An area's formula steps that do not depend on the gains cap, so --solve-cap reuses them. */
export interface PreparedArea {
  readonly area: AreaFactors;
  readonly steps: Omit<
    FormulaArea,
    'limit' | 'protection' | 'elementsTotal' | 'allocation' | 'placeDeductions' | 'afterDeductions'
  >;
  readonly levels: FloorCapLevels;
}

/**
 * Each proxy factor's £ per unit: as given, or with a pot, pot × weight ÷ Σ over the areas
 * of (value × ACA), so that the factor pays out exactly its share of the pot to these areas.
 */
export function unitValues(
  parameters: FormulaParameters,
  areas: readonly AreaFactors[],
): UnitValue[] {
  return parameters.proxyFactors.map((factor) => {
    if (!parameters.proxyPot) return { id: factor.id, unitValue: factor.unitValue?.value ?? ZERO };
    const denominator = sum(
      areas.map((area) => (area.proxies.get(factor.id) ?? ZERO).times(area.aca)),
    );
    const share = parameters.proxyPot.value.times(factor.weight?.value ?? ZERO);
    // No area has any of the factor: nothing to pay out, rather than a division by zero.
    return { id: factor.id, unitValue: denominator.isZero() ? ZERO : share.div(denominator) };
  });
}

/** Steps 1–5 and the per-head comparison (docs/nff.md, "The calculation"). */
export function prepareArea(
  area: AreaFactors,
  parameters: FormulaParameters,
  units: readonly UnitValue[],
): PreparedArea {
  const basicEntitlement = area.basicEntitlementPupils
    .times(parameters.basicEntitlementRate.value)
    .times(area.aca);
  const historicSpend = area.historicSpend.times(parameters.historicSpendShare.value);
  const proxies = units.map(({ id, unitValue }) => ({
    id,
    amount: (area.proxies.get(id) ?? ZERO).times(unitValue).times(area.aca),
  }));
  const proxyTotal = sum(proxies.map((p) => p.amount));
  const hospitalEducation = area.hospitalEducation;
  const formulaTotal = basicEntitlement
    .plus(historicSpend)
    .plus(proxyTotal)
    .plus(hospitalEducation);
  const element: Record<NffElement, Decimal> = {
    basic_entitlement: basicEntitlement,
    historic_spend: historicSpend,
    proxies: proxyTotal,
    hospital_education: hospitalEducation,
  };
  const compared = sum(parameters.floorCap.compare.elements.map((name) => element[name]));
  const levels = floorCapLevels(area, parameters.floorCap.floor.value);
  const baselinePerHead = area.baselineAllocation.div(area.baselinePopulation);
  const comparedPerHead = compared.div(area.population);
  return {
    area,
    levels,
    steps: {
      code: area.code,
      name: area.name,
      aca: area.aca,
      basicEntitlement,
      historicSpend,
      proxies,
      proxyTotal,
      hospitalEducation,
      formulaTotal,
      compared,
      population: area.population,
      baselineAllocation: area.baselineAllocation,
      baselinePopulation: area.baselinePopulation,
      baselinePerHead,
      comparedPerHead,
      changePerHead: compared.div(levels.capBase).minus(ONE),
      importExport: area.netImportedPupils.times(parameters.importExportRate.value),
    },
  };
}

/** Steps 6–9: the floor or cap, the allocation and the block after place deductions. */
export function finishArea(prepared: PreparedArea, cap: Decimal): FormulaArea {
  const { steps, area } = prepared;
  const { limit, protection } = applyFloorCap(steps.compared, prepared.levels, cap);
  const elementsTotal = steps.formulaTotal.plus(protection);
  const allocation = elementsTotal.plus(steps.importExport);
  const deductions = placeDeductions(area);
  return {
    ...steps,
    limit,
    protection,
    elementsTotal,
    allocation,
    ...(deductions
      ? { placeDeductions: deductions, afterDeductions: allocation.minus(deductions) }
      : {}),
  };
}

/** Σ allocations at a given cap, without building the rows: what --solve-cap evaluates. */
export function totalAllocation(prepared: readonly PreparedArea[], cap: Decimal): Decimal {
  let total = ZERO;
  for (const { steps, levels } of prepared) {
    total = total
      .plus(steps.formulaTotal)
      .plus(steps.importExport)
      .plus(applyFloorCap(steps.compared, levels, cap).protection);
  }
  return total;
}
