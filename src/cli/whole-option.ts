import { UsageError } from '../core/errors.js';
import { readWhole } from '../core/whole-number.js';

/**
 * A whole number option within a range, or a usage error naming it. "1,000" is read as 1000, as a
 * count cell is (found by an officer's trial: --draws 1,000 was refused by a message that wrote
 * its own bound 1,000,000).
 */
export function wholeOption(
  name: string,
  text: string | undefined,
  fallback: number,
  [min, max]: readonly [number, number],
): number {
  if (text === undefined) return fallback;
  const value = readWhole(text);
  if (value === undefined || value < min || value > max)
    throw new UsageError(
      `${name} must be a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}, not "${text}"`,
    );
  return value;
}
