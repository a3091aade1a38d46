import { error, warning, type Issue } from '../issue.js';
import type { Model } from '../model.js';
import { firstProjectedFinancialYear, formatFinancialYear } from '../period.js';
import { matches } from './filter.js';
import type { Scenario } from './types.js';

/**
 * Checks scenarios against the model they will run on: a lever whose filter matches nothing
 * (a warning naming the lever), and agreement years outside the projection (errors).
 */
export function checkScenarios(model: Model, scenarios: readonly Scenario[]): Issue[] {
  const issues: Issue[] = [];
  const people = [...model.cohort, ...model.newPlans];
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    for (const lever of scenario.levers.slice(scenario.inheritedLevers)) {
      if (seen.has(`${scenario.id}\u0000${lever.id}`) || lever.kind === 'funding') continue;
      seen.add(`${scenario.id}\u0000${lever.id}`);
      const hit = lever.kind === 'tariff'
        ? model.tariff.rates.some((r) => (lever.filter.settings === undefined || lever.filter.settings.includes(r.setting)) && (lever.filter.bands === undefined || lever.filter.bands.includes(r.band)))
        : lever.kind === 'places'
          ? model.tariff.settings.some((s) => s.id === lever.setting && !s.placeValue.isZero())
          : people.some((p) => matches(lever.filter, p));
      if (!hit) issues.push(warning('LEVER_MATCHES_NOTHING', `lever "${lever.id}" of scenario "${scenario.id}" matches nothing in this model, so it changes nothing`, lever.origin));
    }
    const agreement = scenario.agreement;
    if (!agreement) continue;
    const first = firstProjectedFinancialYear(model.baseYear);
    const outside = (year: number) => year < first || year > model.horizon;
    const range = `${formatFinancialYear(first)} to ${formatFinancialYear(model.horizon)}`;
    for (const instalment of agreement.instalments) {
      const year = instalment.status === 'backdated' ? (instalment.paidIn ?? instalment.financialYear) : instalment.financialYear;
      if (outside(year)) issues.push(error('PAYMENT_OUT_OF_RANGE', `scenario "${scenario.id}": an instalment falls in ${formatFinancialYear(year)}, outside the projection ${range}`, instalment.origin));
    }
    for (const target of [agreement.inYearBalanceBy, agreement.clearDeficitBy]) {
      if (target !== undefined && outside(target)) issues.push(error('PAYMENT_OUT_OF_RANGE', `scenario "${scenario.id}": target year ${formatFinancialYear(target)} is outside the projection ${range}`, agreement.instalments[0]?.origin));
    }
  }
  return issues;
}
