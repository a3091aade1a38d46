import { describe, expect, it } from 'vitest';
import { nearNames } from '../../src/core/edit-distance.js';

describe('the names a typed one is likely a slip for', () => {
  it('are those within two letters of a long name', () => {
    const scenarios = ['unmitigated', 'mitigated', 'national-tariff'];
    expect(nearNames(scenarios, 'mitigatd')).toEqual(['mitigated']);
    expect(nearNames(scenarios, 'unmitigatd')).toEqual(['unmitigated']);
    expect(nearNames(['national-illustrative'], 'national-ilustrative')).toEqual([
      'national-illustrative',
    ]);
  });

  // Found by a review: any id within two letters was offered, so a short one matched them all.
  it('are fewer for a short name, and none for one of up to three letters', () => {
    expect(nearNames(['s1', 's2', 's3'], 's4')).toEqual([]);
    expect(nearNames(['base', 'plan', 'bold'], 'bose')).toEqual(['base']);
    expect(nearNames(['base'], 'base')).toEqual([]);
  });
});
