import type { CalibrateOptions } from './calibrate-history.js';

/** A value as a caller wrote it, for a TypeError: `[2019,2023]`, `"2019-2023"`. */
const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

const isYears = (value: unknown): boolean => {
  const years = value as { first?: unknown; last?: unknown } | null;
  return (
    typeof years === 'object' &&
    years !== null &&
    Number.isInteger(years.first) &&
    Number.isInteger(years.last)
  );
};

const isArea = (value: unknown): boolean => {
  const area = value as { code?: unknown; name?: unknown } | null;
  return (
    typeof area === 'object' &&
    area !== null &&
    typeof area.code === 'string' &&
    typeof area.name === 'string'
  );
};

/**
 * calibrate's options of the wrong shape are a TypeError that says what to pass, as runBatch's
 * are. Found by an analyst's trial: `fitYears: [2019, 2023]`, `'2019-2023'` (the CLI's
 * --fit-years) or `{ from, to }` fitted nothing, every rate its prior, without a word; `area: '880'`
 * gave a model whose area was a string.
 */
export function checkCalibrateOptions(options: CalibrateOptions): void {
  const { fitYears, area } = options as { fitYears?: unknown; area?: unknown };
  if (fitYears !== undefined && !isYears(fitYears))
    throw new TypeError(
      `calibrate: fitYears must be { first, last }, calendar years as whole numbers (January first to January last + 1), such as { first: 2019, last: 2023 }, not ${shown(fitYears)}`,
    );
  if (area !== undefined && !isArea(area))
    throw new TypeError(
      `calibrate: area must be { code, name }, both text, such as { code: '880', name: 'My authority' }, not ${shown(area)}`,
    );
}
