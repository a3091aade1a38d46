import type { Decimal } from 'decimal.js';
import { error } from '../core/issue.js';
import { PLACE_FUNDERS, type PlaceFunder } from '../core/tariff.js';
import type { JsonFields, JsonObject } from './json-fields.js';

/** The tariff setting keys this reader adds (docs/methodology.md, "Who pays a place"). */
export const PLACE_FUNDING_KEYS = ['placeFundedBy', 'unoccupiedPlaceValue'] as const;

/**
 * A setting's placeFundedBy ("la" or "dfe"; absent = "la") and unoccupiedPlaceValue (at least
 * placeValue), each checked and located; what is wrong is left out, with an issue.
 */
export function readPlaceFunding(
  fields: JsonFields,
  setting: JsonObject,
  path: string,
  placeValue: Decimal | undefined,
): { placeFundedBy?: PlaceFunder; unoccupiedPlaceValue?: Decimal } {
  const funderText = fields.string(setting, 'placeFundedBy', path, true);
  const placeFundedBy = PLACE_FUNDERS.find((f) => f === funderText);
  if (funderText !== undefined && !placeFundedBy)
    fields.issues.push(
      error(
        'PLACE_FUNDER_UNKNOWN',
        `${path}.placeFundedBy "${funderText}" is not "la" or "dfe"`,
        fields.at(`${path}.placeFundedBy`),
        '"la": the authority pays place funding from its HNB; "dfe": the DfE pays it and deducts it from the HNB',
      ),
    );
  const unoccupied = fields.decimal(setting, 'unoccupiedPlaceValue', path, { optional: true });
  if (unoccupied && placeValue && unoccupied.lessThan(placeValue)) {
    fields.issues.push(
      error(
        'UNOCCUPIED_BELOW_PLACE',
        `${path}.unoccupiedPlaceValue ${unoccupied.toFixed(2)} is below placeValue ${placeValue.toFixed(2)}`,
        fields.at(`${path}.unoccupiedPlaceValue`),
        'an empty place is funded at least as much as a filled one (resourced provision: 10000.00 unoccupied, 6000.00 occupied)',
      ),
    );
    return { ...(placeFundedBy ? { placeFundedBy } : {}) };
  }
  return {
    ...(placeFundedBy ? { placeFundedBy } : {}),
    ...(unoccupied ? { unoccupiedPlaceValue: unoccupied } : {}),
  };
}
