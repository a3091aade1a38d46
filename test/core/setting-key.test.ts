import { describe, expect, it } from 'vitest';
import { settingsHint } from '../../src/core/setting-key.js';

const IDS = ['ap', 'fe-college', 'mainstream', 'special-academy', 'independent'];

// Found by the house-style review: settingsHint kept its own "within two letters" rule, which
// nearNames had refined for short names, so a short unknown setting was asked about any short id.
describe('the setting a hint offers', () => {
  it('a slip of a long id is offered it: "Special Academy", "independant"', () => {
    expect(settingsHint('Special Academy', IDS)).toMatch(/^did you mean "special-academy"\?/);
    expect(settingsHint('independant', IDS)).toMatch(/^did you mean "independent"\?/);
  });

  it('a short text two letters from a short id is not offered it ("xy" is no slip for "ap")', () => {
    expect(settingsHint('xy', IDS)).toBe(
      'settings: ap, fe-college, mainstream, special-academy, independent',
    );
  });
});
