import { UsageError } from '../core/errors.js';

/**
 * A whole number option within a range, or a usage error naming it. Thousands may be grouped with
 * commas, as the message writes the range (`--draws 1,000`, refused before though the message
 * said "from 1 to 1,000,000"); a comma elsewhere (`1,00`) is no whole number.
 */
export function wholeOption(
  name: string,
  text: string | undefined,
  fallback: number,
  [min, max]: readonly [number, number],
): number {
  if (text === undefined) return fallback;
  const digits = text.trim();
  const value = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/.test(digits)
    ? Number(digits.replaceAll(',', ''))
    : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max)
    throw new UsageError(
      `${name} must be a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}, not "${text}"`,
    );
  return value;
}
