import type { Decimal } from 'decimal.js';
import type { BespokeTerm, CostTerm, PlaceTerm, TariffTerm } from '../cost-trace.js';
import { Dec, TWELVE, ZERO } from '../decimal.js';
import { placeSplit } from '../place-cost.js';
import { formatAcademicYear, type FinancialYear } from '../period.js';
import type { Tariff, TariffSetting } from '../tariff.js';
import type { ExplainNode } from './node.js';
import { monthsText, ratesCharged } from './rates.js';

/**
 * A spend figure's parts, from the terms the costing added (src/core/cost-trace.ts): by setting,
 * then by the AY whose cohort is charged, then each tariff series (or the pupils priced by their
 * own annual_cost, or the places). The terms are taken in the order they were added, so each
 * setting is the costing's own sum ÷ 12 and the figure the sum of the settings. `fundedBy`
 * keeps the places of the settings the authority ("la") or the DfE ("dfe") pays.
 */
export function spendSettings(
  terms: readonly CostTerm[],
  kinds: readonly CostTerm['kind'][],
  year: FinancialYear,
  tariff: Tariff,
  only?: string,
  fundedBy?: PlaceTerm['fundedBy'],
): ExplainNode[] {
  const ofYear = terms.filter(
    (t) =>
      t.financialYear === year &&
      kinds.includes(t.kind) &&
      (fundedBy === undefined || (t.kind === 'place' && t.fundedBy === fundedBy)),
  );
  return tariff.settings.flatMap(({ id }) => {
    if (only !== undefined && id !== only) return [];
    const mine = ofYear.filter((t) => t.setting === id);
    if (mine.length === 0) return [];
    const provenance = tariff.settings.find((s) => s.id === id)!;
    const children = kinds.includes('place')
      ? mine.map((t) => placeNode(t as PlaceTerm, provenance))
      : academicYears(mine).map((ay) =>
          spanNode(
            mine.filter((t) => t.academicYear === ay),
            tariff,
          ),
        );
    return [twelfths(id, children, { setting: id })];
  });
}

const academicYears = (terms: readonly CostTerm[]): number[] => [
  ...new Set(terms.map((t) => t.academicYear)),
];

/** A node whose value is its children's annual amounts over months, summed and divided by 12 once. */
export function twelfths(
  label: string,
  children: ExplainNode[],
  inputs?: ExplainNode['inputs'],
): ExplainNode {
  const annualMonths = children.reduce((total, c) => total.plus(c.annualMonths!), ZERO);
  return {
    label,
    value: annualMonths.div(TWELVE),
    rule: 'twelfths',
    annualMonths,
    ...(inputs ? { inputs } : {}),
    children,
  };
}

function spanNode(terms: readonly CostTerm[], tariff: Tariff): ExplainNode {
  const first = terms[0]!;
  return twelfths(
    `AY ${formatAcademicYear(first.academicYear)} pupils, ${monthsText(first.months)}`,
    terms.map((t) => (t.kind === 'tariff' ? tariffNode(t, tariff) : bespokeNode(t as BespokeTerm))),
    { academicYear: formatAcademicYear(first.academicYear), months: first.months.length },
  );
}

function leaf(label: string, annualMonths: Decimal, inputs: ExplainNode['inputs']): ExplainNode {
  return { label, value: annualMonths.div(TWELVE), annualMonths, ...(inputs ? { inputs } : {}) };
}

function tariffNode(term: TariffTerm, tariff: Tariff): ExplainNode {
  return leaf(`band ${term.band}, need ${term.need}`, term.annualMonths, {
    band: term.band,
    need: term.need,
    pupils: term.pupils,
    lanes: term.lanes.map((lane) => ({ need: lane.need, pupils: lane.pupils })),
    months: term.months.length,
    rates: ratesCharged(term, tariff),
    ratesSummed: term.rates.total,
  });
}

function bespokeNode(term: BespokeTerm): ExplainNode {
  return leaf('pupils priced by their own annual_cost', term.annualMonths, {
    pupils: term.pupils,
    annualCost: term.annualCost,
    months: term.months.length,
    upliftFactors: term.factors,
  });
}

function placeNode(term: PlaceTerm, setting: TariffSetting): ExplainNode {
  const label = `AY ${formatAcademicYear(term.academicYear)} places, ${monthsText(term.months)}`;
  const inputs = {
    academicYear: formatAcademicYear(term.academicYear),
    places: term.places,
    basis: term.basis,
    ...(term.extra ? { extraPlaces: term.extra } : {}),
    ...(term.outOfArea ? { outOfArea: term.outOfArea } : {}),
    placeValue: term.placeValue,
    months: term.months.length,
    fundedBy: term.fundedBy,
    status: setting.status ?? 'not stated',
    ...(setting.reference ? { reference: setting.reference } : {}),
  };
  if (!term.unoccupiedPlaceValue || !term.filled) return leaf(label, term.annualMonths, inputs);
  // The costing's own split (src/core/place-cost.ts): filled places at placeValue, the rest at the unoccupied value.
  const split = placeSplit(term.places, term.filled, term.placeValue, term.unoccupiedPlaceValue);
  const months = new Dec(term.months.length);
  const part = (what: string, places: Decimal, value: Decimal, annual: Decimal) =>
    leaf(`${what} places`, annual.times(months), {
      places,
      placeValue: value,
      months: term.months.length,
    });
  return {
    label,
    value: term.annualMonths.div(TWELVE),
    rule: 'twelfths',
    annualMonths: term.annualMonths,
    inputs: { ...inputs, filled: term.filled, unoccupiedPlaceValue: term.unoccupiedPlaceValue },
    children: [
      part('occupied', split.occupied, term.placeValue, split.occupiedAnnual),
      part('unoccupied', split.unoccupied, term.unoccupiedPlaceValue, split.unoccupiedAnnual),
    ],
  };
}
