/** SEN2 primary-need codes (domain brief §1); DS is a separate code from the 2026 release on. */
export const NEED_CODES = ['ASD', 'HI', 'MLD', 'MSI', 'OTH', 'PD', 'PMLD', 'SEMH', 'SLCN', 'SLD', 'SpLD', 'VI', 'DS'] as const;
export type Need = (typeof NEED_CODES)[number];

const BY_UPPER = new Map<string, Need>(NEED_CODES.map((code) => [code.toUpperCase(), code]));

/** Texts already read, as they were written: a national cohort writes a dozen codes a few hundred thousand times. */
const BY_TEXT = new Map<string, Need>(NEED_CODES.map((code) => [code, code]));

/** Case-insensitive on input, canonical on output ("spld" → "SpLD"). */
export function parseNeed(text: string): Need | undefined {
  const need = BY_TEXT.get(text);
  if (need !== undefined) return need;
  const found = BY_UPPER.get(text.trim().toUpperCase());
  // Only texts that are codes are kept, so that no input can make the map grow beyond a few per code.
  if (found !== undefined && BY_TEXT.size < 16 * NEED_CODES.length) BY_TEXT.set(text, found);
  return found;
}

export const NCY_MIN = -3;
export const NCY_MAX = 20;
