import type { Decimal } from 'decimal.js';
import { Dec, ZERO } from './decimal.js';
import type { TariffSetting } from './tariff.js';

/**
 * A setting's annual place funding for one AY (docs/methodology.md, "Places"): occupied places
 * (pupils filling them, up to the places) at placeValue, the rest at unoccupiedPlaceValue when
 * the setting gives one (resourced provision and SEN units: £6,000 occupied, £10,000 unoccupied;
 * high needs funding arrangements, domain brief §2.3), else every place at placeValue.
 */
export function annualPlaceCost(setting: TariffSetting, places: Decimal, filled: Decimal): Decimal {
  if (!setting.unoccupiedPlaceValue) return places.times(setting.placeValue);
  const occupied = Dec.max(ZERO, Dec.min(places, filled));
  return occupied
    .times(setting.placeValue)
    .plus(places.minus(occupied).times(setting.unoccupiedPlaceValue));
}

/** Absent placeFundedBy is "la": tariffs written before the field keep their meaning. */
export const fundedByDfe = (setting: TariffSetting): boolean => setting.placeFundedBy === 'dfe';
