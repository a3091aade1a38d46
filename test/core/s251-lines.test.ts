import { describe, expect, it } from 'vitest';
import { modelledS251Line } from '../../src/core/s251-lines.js';

// The s251 high-needs lines (domain brief §1): 1.0.2 place funding and 1.2.1–1.2.3 top-ups are what
// the projection costs itself; 1.2.4–1.2.13 (targeted funding, services, AP, hospital, direct
// payments, therapies) are spend.csv's.
describe('modelledS251Line', () => {
  it('names place funding and the three top-up lines, with the figure that already holds each', () => {
    expect(modelledS251Line('1.0.2')?.figure).toBe('spend_place');
    for (const code of ['1.2.1', '1.2.2', '1.2.3'])
      expect(modelledS251Line(code)?.figure, code).toBe('spend_top_up');
    expect(modelledS251Line(' 1.2.3 ')?.code).toBe('1.2.3');
  });

  it('leaves the other high-needs lines to spend.csv', () => {
    for (let n = 4; n <= 13; n += 1)
      expect(modelledS251Line(`1.2.${n}`), `1.2.${n}`).toBeUndefined();
    expect(modelledS251Line('1.2.10')).toBeUndefined();
    expect(modelledS251Line('')).toBeUndefined();
  });
});
