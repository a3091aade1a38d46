import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import type { TariffSetting } from './tariff.js';

/** A year of places with an unoccupied value: the filled ones at placeValue, the rest at unoccupiedPlaceValue. */
export interface PlaceSplit {
  /** Pupils filling the places, up to the places. */
  readonly occupied: Decimal;
  readonly unoccupied: Decimal;
  readonly occupiedAnnual: Decimal;
  readonly unoccupiedAnnual: Decimal;
}

export function placeSplit(
  places: Decimal,
  filled: Decimal,
  placeValue: Decimal,
  unoccupiedPlaceValue: Decimal,
): PlaceSplit {
  const occupied = Dec.max(ZERO, Dec.min(places, filled));
  const unoccupied = places.minus(occupied);
  return {
    occupied,
    unoccupied,
    occupiedAnnual: occupied.times(placeValue),
    unoccupiedAnnual: unoccupied.times(unoccupiedPlaceValue),
  };
}

/**
 * A setting's annual place funding for one AY (docs/methodology.md, "Place funding"): occupied places
 * (pupils filling them, up to the places) at placeValue, the rest at unoccupiedPlaceValue when
 * the setting gives one (resourced provision and SEN units: £6,000 occupied, £10,000 unoccupied;
 * high needs funding arrangements, domain brief §2.3), else every place at placeValue.
 */
export function annualPlaceCost(setting: TariffSetting, places: Decimal, filled: Decimal): Decimal {
  if (!setting.unoccupiedPlaceValue) return places.times(setting.placeValue);
  const split = placeSplit(places, filled, setting.placeValue, setting.unoccupiedPlaceValue);
  return split.occupiedAnnual.plus(split.unoccupiedAnnual);
}

/** Absent placeFundedBy is "la": tariffs written before the field keep their meaning. */
export const fundedByDfe = (setting: TariffSetting): boolean => setting.placeFundedBy === 'dfe';
