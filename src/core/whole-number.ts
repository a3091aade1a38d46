/** Digits, or digits in UK thousands groups (1,000), as the model's CSVs take a count. */
const WHOLE = /^(\d+|\d{1,3}(,\d{3})+)$/;

/**
 * A whole number written in digits or with thousands commas ("1,000" is 1000), spaces around it
 * allowed; undefined for anything else or past the integers a double holds exactly. What a whole
 * option (--draws 1,000) and a limit variable (HIGHNEEDS_MAX_ROWS=10,000,000) take.
 */
export function readWhole(text: string): number | undefined {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) return undefined;
  const value = Number(trimmed.replaceAll(',', ''));
  return Number.isSafeInteger(value) ? value : undefined;
}
