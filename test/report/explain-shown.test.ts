import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { explainFigure } from '../../src/core/explain/explain.js';
import { FIGURE_NAMES, FIGURES } from '../../src/core/explain/figures.js';
import type { ExplainNode } from '../../src/core/explain/node.js';
import { explainRun } from '../../src/core/explain/run.js';
import { largestRemainder } from '../../src/report/largest-remainder.js';
import { toCount2dp, toPence } from '../../src/core/rounding.js';
import { loadScenarios } from '../../src/io/scenarios-file.js';
import { shownAmounts } from '../../src/report/explain-shown.js';
import { fixture, loadFixture } from '../helpers/model.js';

const model = loadFixture('example');
const scenarios = loadScenarios(fixture('example'), fixture('../tariffs')).scenarios ?? [];

/** Pence (or hundredths of a pupil) as a whole number, so the test adds them as integers. */
const hundredths = (value: Decimal): bigint => BigInt(value.times(100).toFixed(0));

describe('largest remainder', () => {
  it('rounds parts down and gives the pennies left to the parts that lost most', () => {
    const parts = ['0.333', '0.333', '0.334'].map((v) => new Dec(v));
    expect(largestRemainder(new Dec(1), parts, 2).map((v) => v.toFixed(2))).toEqual([
      '0.33',
      '0.33',
      '0.34',
    ]);
  });
  it('handles negative parts: they add up to the total rounded half-up', () => {
    const parts = ['-10.005', '2.5', '-0.004'].map((v) => new Dec(v));
    const shown = largestRemainder(new Dec('-7.509'), parts, 2);
    expect(shown.reduce((t, v) => t.plus(v), new Dec(0)).toFixed(2)).toBe('-7.51');
  });
});

describe.each([undefined, ...scenarios])('shown amounts on fixtures/example, %s', (scenario) => {
  const { run } = explainRun(model, scenario);
  const check = (
    node: ExplainNode,
    shown: Map<ExplainNode, Decimal>,
    rounding: Map<ExplainNode, Decimal>,
  ) => {
    const children = node.children ?? [];
    if (children.length) {
      let total = rounding.has(node) ? hundredths(rounding.get(node)!) : 0n;
      for (const child of children)
        total += (child.sign === -1 ? -1n : 1n) * hundredths(shown.get(child)!);
      expect(total, node.label).toBe(hundredths(shown.get(node)!));
    }
    for (const child of children) {
      // An amount already exact to the penny (an input: an opening balance, a funding line) is
      // shown as it is, never a penny off what was typed.
      if (child.value.decimalPlaces() <= 2)
        expect(shown.get(child)!.toFixed(2), child.label).toBe(child.value.toFixed(2));
      check(child, shown, rounding);
    }
  };

  it('every figure of every year: the figure as the summary rounds it, and the shown parts add up to it to the penny', () => {
    for (const year of run!.projection.years)
      for (const figure of FIGURE_NAMES) {
        const { tree, unit } = explainFigure(run!, { figure, year: year.financialYear });
        const { shown, rounding } = shownAmounts(tree);
        const printed = unit === 'pupils' ? toCount2dp(tree.value) : toPence(tree.value);
        expect(toPence(shown.get(tree)!), `${figure} ${year.financialYear}`).toBe(printed);
        check(tree, shown, rounding);
        // A rounding part is a penny or two, never a figure's worth.
        for (const off of rounding.values()) expect(off.abs().lte(new Dec('0.05'))).toBe(true);
      }
  });

  it('every setting: the same', () => {
    for (const year of run!.projection.years)
      for (const figure of FIGURE_NAMES.filter((n) => FIGURES[n].bySetting))
        for (const { id } of run!.model.tariff.settings) {
          const { tree } = explainFigure(run!, { figure, year: year.financialYear, setting: id });
          const { shown, rounding } = shownAmounts(tree);
          check(tree, shown, rounding);
        }
  });
});
