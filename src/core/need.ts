/** SEN2 primary-need codes (domain brief §1); DS is a separate code from the 2026 release on. */
export const NEED_CODES = [
  'ASD',
  'HI',
  'MLD',
  'MSI',
  'OTH',
  'PD',
  'PMLD',
  'SEMH',
  'SLCN',
  'SLD',
  'SpLD',
  'VI',
  'DS',
] as const;
export type Need = (typeof NEED_CODES)[number];

const BY_UPPER = new Map<string, Need>(NEED_CODES.map((code) => [code.toUpperCase(), code]));

/** Case-insensitive on input, canonical on output ("spld" → "SpLD"). */
export function parseNeed(text: string): Need | undefined {
  return BY_UPPER.get(text.trim().toUpperCase());
}

export const NCY_MIN = -3;
export const NCY_MAX = 20;

/**
 * SEN2's long names for the codes, as case systems export them, by their words: lower case, "&"
 * read as "and", punctuation as spaces, and "and" and "or" left out, so "Social, Emotional and
 * Mental Health" and "social emotional & mental health" are one name.
 */
const LONG_NAMES: readonly (readonly [string, Need])[] = [
  ['autistic spectrum disorder', 'ASD'],
  ['autism spectrum disorder', 'ASD'],
  ['hearing impairment', 'HI'],
  ['moderate learning difficulty', 'MLD'],
  ['multi sensory impairment', 'MSI'],
  ['other difficulty disability', 'OTH'],
  ['physical disability', 'PD'],
  ['profound multiple learning difficulty', 'PMLD'],
  ['social emotional mental health', 'SEMH'],
  ['speech language communication needs', 'SLCN'],
  ['speech language communication need', 'SLCN'],
  ['severe learning difficulty', 'SLD'],
  ['specific learning difficulty', 'SpLD'],
  ['visual impairment', 'VI'],
  ['down syndrome', 'DS'],
  ['down s syndrome', 'DS'],
];
const BY_WORDS = new Map<string, Need>(LONG_NAMES);

function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .split(' ')
    .filter((word) => word !== '' && word !== 'and' && word !== 'or')
    .map((word) =>
      word === 'difficulties'
        ? 'difficulty'
        : word === 'disabilities'
          ? 'disability'
          : word === 'impairments'
            ? 'impairment'
            : word,
    )
    .join(' ');
}

/** A SEN2 long name's code ("Autistic Spectrum Disorder" → ASD; any case, "&" or "and", plurals). */
export function needFromLongName(text: string): Need | undefined {
  return BY_WORDS.get(words(text));
}
