import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, sum } from '../../src/core/decimal.js';
import { calculateNff } from '../../src/core/nff/calculate.js';
import type { AreaFactors } from '../../src/core/nff/factors.js';
import { prepareArea, totalAllocation, unitValues } from '../../src/core/nff/formula.js';
import type { NffParameters, ParameterValue } from '../../src/core/nff/parameters.js';

// Seeded so a failure reproduces; fast-check prints the seed and the shrunk counterexample.
const RUNS = { seed: 20251, numRuns: 80 };
const value = (text: string): ParameterValue => ({
  value: new Dec(text),
  status: 'illustrative',
  reference: 'test',
});
const PARAMETERS: NffParameters = {
  financialYear: 2025,
  title: 'property test',
  references: [{ id: 'test', title: 'test', url: 'https://example.invalid' }],
  mode: 'formula',
  basicEntitlementRate: value('4660'),
  historicSpendShare: value('0.5'),
  importExportRate: value('6000'),
  proxyPot: value('1000000000'),
  proxyFactors: [
    { id: 'population_2_18', label: 'population', weight: value('0.6') },
    { id: 'fsm', label: 'FSM', weight: value('0.4') },
  ],
  floorCap: {
    floor: value('0.03'),
    cap: value('0.08'),
    compare: {
      elements: ['historic_spend', 'proxies', 'hospital_education'],
      status: 'illustrative',
      reference: 'test',
    },
  },
};

const whole = (min: number, max: number) => fc.integer({ min, max }).map((n) => new Dec(n));
const areaArb: fc.Arbitrary<Omit<AreaFactors, 'code'>> = fc
  .record({
    name: fc.constant('area'),
    aca: fc.integer({ min: 100000, max: 125000 }).map((n) => new Dec(n).div(100000)),
    basicEntitlementPupils: whole(0, 2000),
    historicSpend: whole(0, 50000000),
    hospitalEducation: whole(0, 500000),
    netImportedPupils: whole(-80, 80),
    population: whole(1000, 300000),
    baselineAllocation: whole(100000, 90000000),
    baselinePopulation: whole(1000, 300000),
    proxies: whole(0, 90000).map((fsm) => new Map([['fsm', fsm]])),
    grants: fc.constant(new Map()),
  })
  .map((area) => ({
    ...area,
    proxies: new Map([...area.proxies, ['population_2_18', area.population]]),
  }));
const areasArb = fc
  .array(areaArb, { minLength: 1, maxLength: 25 })
  .map((list) => list.map((a, i): AreaFactors => ({ ...a, code: String(i) })));

describe('NFF invariants (seeded property tests)', () => {
  it('a pot is paid out exactly, whatever the areas', () => {
    fc.assert(
      fc.property(areasArb, (areas) => {
        const result = calculateNff(PARAMETERS, areas).result!;
        if (result.mode !== 'formula') throw new Error('formula');
        const paid = sum(result.areas.map((a) => a.proxyTotal));
        const anyFsm = areas.some((a) => !a.proxies.get('fsm')!.isZero());
        expect(
          paid
            .minus(anyFsm ? '1000000000' : '600000000')
            .abs()
            .lessThan('1e-20'),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it('every area ends between its floor and cap levels, and the total never falls as the cap rises', () => {
    fc.assert(
      fc.property(
        areasArb,
        fc.array(fc.integer({ min: 30, max: 400 }), { minLength: 2, maxLength: 6 }),
        (areas, caps) => {
          const units = unitValues(
            PARAMETERS as Extract<NffParameters, { mode: 'formula' }>,
            areas,
          );
          const prepared = areas.map((a) =>
            prepareArea(a, PARAMETERS as Extract<NffParameters, { mode: 'formula' }>, units),
          );
          const totals = [...caps]
            .sort((a, b) => a - b)
            .map((c) => totalAllocation(prepared, new Dec(c).div(1000)));
          totals.slice(1).forEach((t, i) => expect(t.greaterThanOrEqualTo(totals[i]!)).toBe(true));
          const result = calculateNff(PARAMETERS, areas).result!;
          if (result.mode !== 'formula') throw new Error('formula');
          result.areas.forEach((a) => {
            const after = a.compared.plus(a.protection);
            const capBase = a.baselineAllocation.times(a.population).div(a.baselinePopulation);
            expect(after.greaterThanOrEqualTo(capBase.times('1.03').minus('1e-20'))).toBe(true);
            expect(after.lessThanOrEqualTo(capBase.times('1.08').plus('1e-20'))).toBe(true);
            expect(a.allocation.eq(a.formulaTotal.plus(a.protection).plus(a.importExport))).toBe(
              true,
            );
          });
        },
      ),
      RUNS,
    );
  });

  it("row order changes no area's allocation", () => {
    fc.assert(
      fc.property(areasArb, (areas) => {
        const forward = calculateNff(PARAMETERS, areas).result!.areas.map((a) => [
          a.code,
          a.allocation.toFixed(),
        ]);
        const backward = calculateNff(PARAMETERS, [...areas].reverse()).result!.areas.map((a) => [
          a.code,
          a.allocation.toFixed(),
        ]);
        expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
      }),
      RUNS,
    );
  });
});
