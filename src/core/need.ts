/** SEN2 primary-need codes (domain brief §1); DS is a separate code from the 2026 release on. */
export const NEED_CODES = ['ASD', 'HI', 'MLD', 'MSI', 'OTH', 'PD', 'PMLD', 'SEMH', 'SLCN', 'SLD', 'SpLD', 'VI', 'DS'] as const;
export type Need = (typeof NEED_CODES)[number];

const BY_UPPER = new Map<string, Need>(NEED_CODES.map((code) => [code.toUpperCase(), code]));

/** Case-insensitive on input, canonical on output ("spld" → "SpLD"). */
export function parseNeed(text: string): Need | undefined {
  return BY_UPPER.get(text.trim().toUpperCase());
}

export const NCY_MIN = -3;
export const NCY_MAX = 20;
