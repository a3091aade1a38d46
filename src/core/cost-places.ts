import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import type { CostContext } from './cost.js';
import { annualPlaceCost } from './place-cost.js';
import type { AcademicYear } from './period.js';

/** A setting's places in one AY as the costing charges them (docs/methodology.md, "Place funding"). */
export interface YearPlaces {
  /** The places charged, after any scenario's extra places. */
  readonly charged: Decimal;
  /** Whether places.csv gives the places (else they are the setting's pupils). */
  readonly given: boolean;
  readonly extra?: Decimal;
  /** The pupils filling the places: the area's own placed in it, and those imported. */
  readonly filled: Decimal;
  /** The annual place funding of the charged places. */
  readonly annual: Decimal;
  /** The part of `annual` the extra places make. */
  readonly extraAnnual?: Decimal;
}

/**
 * Each place-funded setting's places in AY `ay`, by its index in the tariff's settings.
 * `pupilsBySetting`: the pupils placed in the area's providers (not those out of area), who are
 * the places where places.csv gives none and fill the places for the occupied/unoccupied split.
 */
export function yearPlaces(
  pupilsBySetting: ReadonlyMap<string, Decimal>,
  ay: AcademicYear,
  context: CostContext,
): (YearPlaces | undefined)[] {
  return context.settings.map((setting) => {
    if (setting.placeValue.isZero() && !setting.unoccupiedPlaceValue) return undefined;
    const pupils = pupilsBySetting.get(setting.id) ?? ZERO;
    const given = context.givenPlaces(ay, setting.id);
    const places = given ?? pupils;
    const extra = context.extraPlaces?.(ay, setting.id);
    // Removing more places than there are leaves none, never a negative number of places.
    const charged = extra ? Dec.max(ZERO, places.plus(extra)) : places;
    // Pupils from other authorities fill places as the area's own pupils do.
    const imported = given ? context.importedPlaces?.(ay, setting.id) : undefined;
    // A count plus nothing imported is the count itself.
    const filled = imported ? pupils.plus(imported) : pupils;
    const annual = annualPlaceCost(setting, charged, filled);
    return {
      charged,
      given: given !== undefined,
      filled,
      annual,
      ...(extra
        ? { extra, extraAnnual: annual.minus(annualPlaceCost(setting, places, filled)) }
        : {}),
    };
  });
}
