import { NEED_CODES } from '../core/need.js';
import { codesFileToMapIn } from './codes-advice.js';

/**
 * SEN2 publishes a primary need of "Unknown" (domain brief §4.5): a plan whose need was not
 * recorded. No tariff, ceasing rate or lever is set by it, so the model takes a SEN2 need, and the
 * choice is the authority's: the same advice as a history's codes.csv (docs/calibration.md).
 */
const SEN2_UNKNOWN = /^\s*unknown\s*$/i;

/** Why SEN2's "Unknown" is refused, and the need to choose instead. */
const SEN2_UNKNOWN_WHY = 'SEN2\'s "Unknown" (no primary need recorded) is not modelled';
const SEN2_UNKNOWN_NEED = "such as the area's most common or OTH";

/** The advice for a cell that holds SEN2's "Unknown". */
const SEN2_UNKNOWN_ADVICE = `${SEN2_UNKNOWN_WHY}: give those pupils a need, ${SEN2_UNKNOWN_NEED}, and note the choice`;

/** The UNKNOWN_NEED hint for a model CSV's cell: what to do with "Unknown", else the codes. */
export function unknownNeedHint(text: string): string {
  return SEN2_UNKNOWN.test(text) ? SEN2_UNKNOWN_ADVICE : `expected one of ${NEED_CODES.join(', ')}`;
}

/** The UNKNOWN_NEED hint for a history's cell, read through the codes file given (if any). */
export function unmappedNeedHint(text: string, codesFile?: string): string {
  const map = `add a row "need,${text},<SEN2 code>" to ${codesFileToMapIn(codesFile)}`;
  return SEN2_UNKNOWN.test(text)
    ? `${map}: ${SEN2_UNKNOWN_WHY}, so map it to a need, ${SEN2_UNKNOWN_NEED}`
    : map;
}
