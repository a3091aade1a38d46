import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toPence } from '../../src/core/rounding.js';
import { loadModel } from '../../src/io/model-folder.js';
import { readTariffFile } from '../../src/io/tariff-library.js';
import { ROOT } from '../helpers/exec.js';
import { project } from '../../src/core/project.js';

const ALLOCATIONS = path.join(ROOT, 'fixtures/nff/allocations-2026-27.csv');
const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** fixtures/nff/model with funding.csv's 2026-27 HNB entered net (£19.6m, hnb_deductions 0). */
function netModel(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'highneeds-hnb-deductions-'));
  made.push(dir);
  cpSync(path.join(ROOT, 'fixtures/nff/model'), path.join(dir, 'm'), { recursive: true });
  const funding = path.join(dir, 'm/funding.csv');
  writeFileSync(
    funding,
    readFileSync(funding, 'utf8')
      .replace('hnb_allocation,20000000.00', 'hnb_allocation,19600000.00')
      .replace('hnb_deductions,2160000.00', 'hnb_deductions,0'),
  );
  return path.join(dir, 'm');
}

const figures = (dir: string, hnbFrom: string) => {
  const loaded = loadModel(dir, { hnbFrom: [hnbFrom] });
  const outcome = project(loaded.model!);
  const projection = outcome.projection!;
  const first = projection.years[0]!;
  return {
    issues: [...loaded.issues, ...outcome.issues],
    hnb: toPence(first.income.hnb),
    deductions: projection.years.map((y) => toPence(y.income.hnbDeductions)),
    inYear: toPence(first.inYearBalance),
  };
};

describe('--hnb-from and the place deductions (docs/methodology.md, "Income and balances")', () => {
  it('the shipped model reconciles: the NFF\'s place_deductions equal the place funding of its "dfe" settings', () => {
    const loaded = loadModel(path.join(ROOT, 'fixtures/nff/model'), { hnbFrom: [ALLOCATIONS] });
    const outcome = project(loaded.model!);
    expect([...loaded.issues, ...outcome.issues]).toEqual([]);
    const first = outcome.projection!.years[0]!;
    // Torbay's rollover row: academy £2,100,000 + NMSS £60,000; the model's 210 academy places at
    // £10,000 and 10 NMSS places at the £6,000 of each £10,000 place deducted from the HNB.
    expect(toPence(first.income.hnbDeductions)).toBe('-2160000.00');
    expect(toPence(first.placeDfe)).toBe('2160000.00');
    expect(toPence(first.spendPlace)).toBe('5740000.00');
    // Found by the same review: fixtures/nff/README.md said the model grows its deductions by 3%
    // a year with the HNB; they are carried in cash, as its places do not change.
    const deductions = outcome.projection!.years.map((y) => toPence(y.income.hnbDeductions));
    expect(deductions).toEqual(['-2160000.00', '-2160000.00', '-2160000.00']);
    const readme = readFileSync(path.join(ROOT, 'fixtures/nff/README.md'), 'utf8');
    expect(readme).toContain('grows the HNB by 3% a year and carries its deductions in cash');
  });

  it("the model's NMSS place is the £6,000 the HNB loses for it, as the shipped national place values give", () => {
    // Found by a review: the model priced its NMSS places at the whole £10,000 (6 of them for the
    // £60,000), teaching that an authority loses £10,000 a place; only £6,000 of an NMSS place is
    // deducted from its HNB and the DfE funds the rest (tariffs/README.md).
    const nmss = (tariff: string) => {
      const setting = readTariffFile(path.join(ROOT, tariff)).tariff!.settings.find(
        (s) => s.id === 'nmss',
      )!;
      return [setting.placeValue.toFixed(2), setting.placeFundedBy];
    };
    expect(nmss('fixtures/nff/model/tariff.json')).toEqual(['6000.00', 'dfe']);
    expect(nmss('fixtures/nff/model/tariff.json')).toEqual(
      nmss('tariffs/national-place-values.json'),
    );
  });

  it("takes the NFF's place_deductions in place of funding.csv's, which went with the net allocation it replaced", () => {
    const got = figures(netModel(), ALLOCATIONS);
    expect(got.issues).toEqual([]);
    // Gross £21,760,000 − £2,160,000 as the NFF gives them; later years carry them in cash (the
    // model's 210 academy and 10 NMSS places do not change), not grown by hnbGrowth 3%.
    expect(got.hnb).toBe('21760000.00');
    expect(got.deductions).toEqual(['-2160000.00', '-2160000.00', '-2160000.00']);
    // As funding.csv's own net £19.6m gives: not £2,160,000 better, which the 0 would have made it.
    expect(got.inYear).toBe('1064400.00');
  });

  it('an NFF row without place_deductions has them computed from the "dfe" places, with a warning at the NFF file', () => {
    const dir = netModel();
    const bare = path.join(path.dirname(dir), 'no-deductions.csv');
    writeFileSync(
      bare,
      readFileSync(ALLOCATIONS, 'utf8').replace(
        '21760000.00,2160000.00,19600000.00',
        '21760000.00,,',
      ),
    );
    const got = figures(dir, bare);
    expect(got.deductions).toEqual(['-2160000.00', '-2160000.00', '-2160000.00']);
    expect(got.inYear).toBe('1064400.00');
    expect(got.issues.map((i) => [i.code, i.location?.file, i.message])).toEqual([
      [
        'DEDUCTIONS_COMPUTED',
        bare,
        '--hnb-from\'s allocation of 2026-27, 2027-28, 2028-29 has no place_deductions, so the place funding of the tariff\'s "dfe" settings is deducted from hnb_allocation instead',
      ],
    ]);
  });
});
