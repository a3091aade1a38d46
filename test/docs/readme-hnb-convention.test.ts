import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/exec.js';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');

describe('README, "Entering the HNB: gross or net": what fixtures/example enters', () => {
  it("names the convention the example's funding.csv uses, as its own README does", () => {
    const said = /`fixtures\/example` enters the (gross|net) figure/.exec(read('README.md'));
    expect(said, 'README says which figure fixtures/example enters').not.toBeNull();
    // Gross: hnb_allocation before deductions, with the deductions given (not 0) beside it.
    const deductions = read('fixtures/example/funding.csv')
      .split('\n')
      .filter((line) => line.split(',')[1] === 'hnb_deductions')
      .map((line) => Number(line.split(',')[2]));
    const entered = deductions.some((amount) => amount > 0) ? 'gross' : 'net';
    expect(said![1]).toBe(entered);
    expect(read('fixtures/example/README.md')).toContain(`**Which HNB convention: ${entered}.**`);
  });
});
