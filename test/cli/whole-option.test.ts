import { describe, expect, it } from 'vitest';
import { wholeOption } from '../../src/cli/whole-option.js';

describe('wholeOption', () => {
  it('reads a whole number, its thousands grouped with commas or not', () => {
    expect(wholeOption('--draws', '1000', 1, [1, 1_000_000])).toBe(1000);
    // As the message writes the range: "from 1 to 1,000,000".
    expect(wholeOption('--draws', ' 1,000 ', 1, [1, 1_000_000])).toBe(1000);
    expect(wholeOption('--draws', '1,000,000', 1, [1, 1_000_000])).toBe(1_000_000);
    expect(wholeOption('--draws', undefined, 7, [1, 1_000_000])).toBe(7);
  });

  it.each(['1,00', '1,0000', ',100', '100,', '1.5', '1e3', '-3', '', '1,000,001'])(
    '%j is a usage error that names the option and the range',
    (text) => {
      expect(() => wholeOption('--draws', text, 1, [1, 1_000_000])).toThrow(
        `--draws must be a whole number from 1 to 1,000,000, not "${text}"`,
      );
    },
  );
});
