import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Dec, sum } from '../../src/core/decimal.js';
import { calculateNff, type NffOutcome } from '../../src/core/nff/calculate.js';
import type { AreaFactors } from '../../src/core/nff/factors.js';
import type { NffParameters } from '../../src/core/nff/parameters.js';
import type { FormulaArea, NffResult } from '../../src/core/nff/result.js';
import { toPence } from '../../src/core/rounding.js';
import { loadNff } from '../../src/io/load-nff.js';

const path = (relative: string): string =>
  fileURLToPath(new URL(`../../${relative}`, import.meta.url));
const WORKED = 'fixtures/nff/worked';

function load(
  factors: string,
  year: number,
  params = `${WORKED}/nff-parameters`,
): { parameters: NffParameters; areas: readonly AreaFactors[] } {
  const loaded = loadNff(path(factors), path(params), year);
  if (!loaded.parameters || !loaded.areas)
    throw new Error(loaded.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  expect(loaded.issues).toEqual([]);
  return { parameters: loaded.parameters, areas: loaded.areas };
}

function resultOf(outcome: NffOutcome): NffResult {
  if (!outcome.result)
    throw new Error(outcome.issues.map((i) => `${i.code}: ${i.message}`).join('\n'));
  return outcome.result;
}

function formulaAreas(result: NffResult): readonly FormulaArea[] {
  if (result.mode !== 'formula') throw new Error('expected a formula year');
  return result.areas;
}

const pence = (area: FormulaArea, keys: readonly (keyof FormulaArea)[]) =>
  Object.fromEntries(keys.map((k) => [k, toPence(area[k] as Dec)]));

describe('the worked three-area example (docs/nff.md), by hand to the pound', () => {
  const { parameters, areas } = load(`${WORKED}/nff-factors.csv`, 2025);
  const result = resultOf(calculateNff(parameters, areas));
  const [a, b, c] = formulaAreas(result);

  it('unit values from the pot: £2,400,000 ÷ 32,000 ACA-weighted heads = £75; £600,000 ÷ 6,000 FSM = £100', () => {
    if (result.mode !== 'formula') throw new Error('formula');
    expect(result.unitValues.map((u) => [u.id, u.unitValue.toFixed()])).toEqual([
      ['population_2_18', '75'],
      ['fsm', '100'],
    ]);
  });

  it('area A, on the floor: compared £1,400,000 is £140 a head against £144; protected up to £151.20 a head, +£112,000', () => {
    expect(
      pence(a!, [
        'basicEntitlement',
        'historicSpend',
        'proxyTotal',
        'hospitalEducation',
        'formulaTotal',
        'compared',
        'protection',
        'importExport',
        'allocation',
        'afterDeductions',
      ]),
    ).toEqual({
      basicEntitlement: '200000.00',
      historicSpend: '500000.00',
      proxyTotal: '850000.00',
      hospitalEducation: '50000.00',
      formulaTotal: '1600000.00',
      compared: '1400000.00',
      protection: '112000.00',
      importExport: '30000.00',
      allocation: '1742000.00',
      afterDeductions: '1642000.00',
    });
    expect(a!.limit).toBe('floor');
  });

  it('area B, capped: £135 a head against £120 is +12.5%; cut to £132 a head, −£30,000', () => {
    expect(b!.limit).toBe('cap');
    expect(b!.changePerHead.toFixed()).toBe('0.125');
    expect(
      pence(b!, ['formulaTotal', 'compared', 'protection', 'importExport', 'allocation']),
    ).toEqual({
      formulaTotal: '1510000.00',
      compared: '1350000.00',
      protection: '-30000.00',
      importExport: '-18000.00',
      allocation: '1462000.00',
    });
    expect(b!.afterDeductions).toBeUndefined();
  });

  it('area C, in between: ACA 1.2 on basic entitlement and proxies; £190 a head against £180 (+5.56%), no adjustment', () => {
    expect(c!.limit).toBe('none');
    expect(
      pence(c!, [
        'basicEntitlement',
        'proxyTotal',
        'formulaTotal',
        'protection',
        'allocation',
        'placeDeductions',
        'afterDeductions',
      ]),
    ).toEqual({
      basicEntitlement: '288000.00',
      proxyTotal: '1200000.00',
      formulaTotal: '2188000.00',
      protection: '0.00',
      allocation: '2188000.00',
      placeDeductions: '260000.00',
      afterDeductions: '1928000.00',
    });
  });

  it('the pot is paid out exactly, and the areas add up to £5,392,000', () => {
    const all = formulaAreas(result);
    expect(sum(all.map((x) => x.proxyTotal)).toFixed()).toBe('3000000');
    expect(sum(all.map((x) => x.allocation)).toFixed()).toBe('5392000');
  });

  it('row order changes nothing', () => {
    const reversed = resultOf(calculateNff(parameters, [...areas].reverse()));
    const byCode = (r: NffResult) =>
      Object.fromEntries(formulaAreas(r).map((x) => [x.code, x.allocation.toFixed()]));
    expect(byCode(reversed)).toEqual(byCode(result));
  });
});

describe('--solve-cap', () => {
  const { parameters, areas } = load(`${WORKED}/nff-factors.csv`, 2025);
  /** The worked example (or `given` areas) solved for another national total. */
  const solvedFor = (total: string, given = areas) => {
    const result = resultOf(
      calculateNff(
        { ...parameters, nationalTotal: { ...parameters.nationalTotal!, value: new Dec(total) } },
        given,
        { solveCap: true },
      ),
    );
    if (result.mode !== 'formula') throw new Error('formula');
    return result;
  };

  it('finds the known answer: a 12% cap lifts area B to £1,344,000 compared, and the total to the national £5,416,000', () => {
    const result = resultOf(calculateNff(parameters, areas, { solveCap: true }));
    if (result.mode !== 'formula' || !result.solvedCap) throw new Error('expected a solved cap');
    expect(result.cap.minus('0.12').abs().lessThan('1e-8')).toBe(true);
    expect(toPence(sum(result.areas.map((x) => x.allocation)))).toBe('5416000.00');
    expect(
      sum(result.areas.map((x) => x.allocation))
        .minus('5416000')
        .abs()
        .lessThanOrEqualTo(result.solvedCap.tolerance),
    ).toBe(true);
    expect(toPence(result.areas[1]!.allocation)).toBe('1486000.00');
  });

  it('says so when no cap reaches the total, with the totals that are reachable', () => {
    const outcome = calculateNff(
      { ...parameters, nationalTotal: { ...parameters.nationalTotal!, value: new Dec('5000000') } },
      areas,
      { solveCap: true },
    );
    expect(outcome.result).toBeUndefined();
    expect(outcome.issues.map((i) => i.code)).toEqual(['NFF_TOTAL_UNREACHABLE']);
    expect(outcome.issues[0]!.message).toContain('add up to £5,322,000.00');
  });

  it('half a penny over the target is not the target: the total rounds to the target in pence', () => {
    // B's historic spend a penny more (half a penny paid): with no area capped the areas add up
    // to £5,422,000.005, which rounds to £5,422,000.01, not the £5,422,000.00 asked for.
    const b = areas[1]!;
    const nudged = [areas[0]!, { ...b, historicSpend: b.historicSpend.plus('0.01') }, areas[2]!];
    const result = solvedFor('5422000.00', nudged);
    expect(toPence(sum(result.areas.map((x) => x.allocation)))).toBe('5422000.00');
  });

  it('a total exactly at the floor gives a cap equal to the floor', () => {
    expect(solvedFor('5322000').cap.toFixed()).toBe('0.05');
  });
});

describe('solveCap where it cannot apply, from the library (the CLI says it as a usage error first)', () => {
  it('is a TypeError saying why, not an internal error', () => {
    const formula = load(`${WORKED}/nff-factors.csv`, 2025);
    const { nationalTotal: _, ...noTotal } = formula.parameters;
    expect(() => calculateNff(noTotal, formula.areas, { solveCap: true })).toThrow(
      new TypeError(
        "solveCap needs the parameters to give a nationalTotal, the total the cap is solved for; 2025-26's give none",
      ),
    );
    const rollover = load(`${WORKED}/rollover-factors.csv`, 2026);
    expect(() => calculateNff(rollover.parameters, rollover.areas, { solveCap: true })).toThrow(
      new TypeError("solveCap needs a formula year: 2026-27's parameters are a rollover year's"),
    );
  });
});

describe('a rollover year (formula suspended)', () => {
  it("each area gets last year's allocation before import/export × 1.02, plus its rolled-in grant and this year's import/export", () => {
    const { parameters, areas } = load(`${WORKED}/rollover-factors.csv`, 2026);
    const result = resultOf(calculateNff(parameters, areas));
    if (result.mode !== 'rollover') throw new Error('expected rollover');
    // docs/nff.md, "A rollover year": A 1,712,000 × 1.02 + 20,000 + 24,000 = 1,790,240.
    expect(
      result.areas.map((x) => [
        x.code,
        toPence(x.uplift),
        toPence(x.importExport),
        toPence(x.allocation),
      ]),
    ).toEqual([
      ['A', '34240.00', '24000.00', '1790240.00'],
      ['B', '29600.00', '-12000.00', '1512600.00'],
      ['C', '43760.00', '0.00', '2231760.00'],
    ]);
  });

  it('the shipped 2026-27 parameters roll over with no uplift and the pay and NICs grants rolled in', () => {
    const { parameters, areas } = load('fixtures/nff/nff-factors.csv', 2026, 'nff-parameters');
    const result = resultOf(calculateNff(parameters, areas));
    if (result.mode !== 'rollover') throw new Error('expected rollover');
    const torbay = result.areas.find((x) => x.code === '880')!;
    expect(toPence(torbay.allocation)).toBe(
      toPence(torbay.baselineAllocation.plus(torbay.grants[0]!.amount)),
    );
  });
});

describe('the shipped 2025-26 parameters', () => {
  const { parameters, areas } = load('fixtures/nff/nff-factors.csv', 2025, 'nff-parameters');

  it("reproduce Torbay's published basic entitlement: 602 pupils × £4,660 = £2,805,320", () => {
    const result = resultOf(calculateNff(parameters, areas));
    const torbay = formulaAreas(result).find((x) => x.code === '880')!;
    expect(toPence(torbay.basicEntitlement)).toBe('2805320.00');
  });

  it("reproduce Oldham's ACA-adjusted basic entitlement rate of £4,699.79 from its derived ACA", () => {
    const oldham = areas.find((x) => x.code === '353')!;
    if (parameters.mode !== 'formula') throw new Error('formula');
    expect(toPence(parameters.basicEntitlementRate.value.times(oldham.aca))).toBe('4699.79');
  });

  it('the fixture has one area on the floor, one capped and one in between', () => {
    const result = resultOf(calculateNff(parameters, areas));
    expect(formulaAreas(result).map((x) => [x.code, x.limit])).toEqual([
      ['880', 'none'],
      ['353', 'floor'],
      ['826', 'cap'],
    ]);
  });
});
