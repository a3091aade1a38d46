import type { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { explainFigure } from '../../src/core/explain/explain.js';
import type { FigureName } from '../../src/core/explain/figures.js';
import type { ExplainNode, InputValue } from '../../src/core/explain/node.js';
import { explainRun } from '../../src/core/explain/run.js';
import type { Model } from '../../src/core/model.js';
import { SUMMARY_COLUMNS } from '../../src/report/rows.js';
import { loadFixture } from '../helpers/model.js';

/**
 * The money lines of issue 16 as explain takes them apart, on fixtures/money-explain: every
 * expected figure below is worked by hand from the fixture's files (docs/explain.md).
 */
const money = loadFixture('money-explain');

function tree(figure: FigureName, year: number, setting?: string, model: Model = money) {
  const { run } = explainRun(model);
  return explainFigure(run!, { figure, year, ...(setting ? { setting } : {}) }).tree;
}
const inputs = (node: ExplainNode) => node.inputs as Record<string, InputValue>;
const eq = (value: InputValue | undefined, expected: string) =>
  expect((value as Decimal).eq(new Dec(expected)), `${String(value)} vs ${expected}`).toBe(true);

describe('explain: place funding by who pays it', () => {
  it('spend_place is the "la" settings only; place_dfe the academy', () => {
    expect(tree('spend_place', 2026).children!.map((c) => c.label)).toEqual(['special', 'unit']);
    const dfe = tree('place_dfe', 2026);
    expect(dfe.children!.map((c) => c.label)).toEqual(['academy']);
    eq(dfe.value, '200000'); // 20 places × £10,000
  });

  it("the unit's places split: 5 of 10 filled (3 own + 2 imported) at £6,000, 5 empty at £10,000, for 5 months", () => {
    const unit = tree('spend_place', 2027, 'unit');
    const [april, september] = unit.children!;
    expect(april!.children!.map((c) => c.label)).toEqual(['occupied places', 'unoccupied places']);
    const [occupied, empty] = april!.children!;
    eq(inputs(april!)['filled'], '5');
    eq(inputs(occupied!)['places'], '5');
    eq(occupied!.annualMonths, '150000'); // 5 × 6,000 × 5 months
    eq(empty!.annualMonths, '250000'); // 5 × 10,000 × 5 months
    eq(september!.children![0]!.annualMonths, '126000'); // 3 × 6,000 × 7
    eq(september!.children![1]!.annualMonths, '350000'); // 5 × 10,000 × 7
    eq(unit.value, '73000');
  });
});

describe('explain: the HNB deductions', () => {
  it('2026-27 gives none: the academy places are deducted, as the place_dfe figure', () => {
    const deductions = tree('income_hnb_deductions', 2026);
    expect(inputs(deductions)['basis']).toBe('computed');
    const [places] = deductions.children!;
    expect(places!.sign).toBe(-1);
    expect(places!.children!.map((c) => c.label)).toEqual(['academy']);
    eq(deductions.value, '-200000');
  });

  it('2027-28 gives its own row; 2028-29 carries it in cash (not grown by hnbGrowth 2%), the academy places unchanged', () => {
    const given = tree('income_hnb_deductions', 2027);
    expect(inputs(given)['basis']).toBe('given');
    const row = inputs(given.children![0]!)['given'] as Record<string, InputValue>;
    eq(row['amount'], '195000');
    expect(row['source']).toMatch(/money-explain\/funding\.csv:6:1$/);
    const carried = tree('income_hnb_deductions', 2028);
    expect(inputs(carried)['basis']).toBe('carried');
    expect(carried.children!.map((c) => c.label)).toEqual(['hnb_deductions 2027-28']);
    eq(carried.value, '-195000');
  });
});

describe('explain: spend.csv, import/export, totals and financing', () => {
  it('spend_other 2027-28: hospital grown by its own 5%, support services by otherSpendGrowth 3%', () => {
    const other = tree('spend_other', 2027);
    const [hospital, support] = other.children!;
    expect(inputs(hospital!)['growthFrom']).toBe("the row's own growth");
    eq(hospital!.value, '105000');
    expect(inputs(support!)['growthFrom']).toBe('model.json assumptions.otherSpendGrowth');
    eq(support!.value, '51500');
    expect(inputs(support!)['s251']).toBe('1.2.5');
  });

  it("income_import_export: the year's row, from funding.csv", () => {
    const row = tree('income_import_export', 2026).children![0]!;
    eq(row.value, '-12000');
    expect(inputs(row)['source']).toMatch(/money-explain\/funding\.csv:4:1$/);
  });

  it('the totals are made of every spend and every income column of the summary', () => {
    const columns = (prefix: string, total: string) =>
      SUMMARY_COLUMNS.filter((c) => c.startsWith(prefix) && c !== total).sort();
    const parts = (figure: FigureName) =>
      tree(figure, 2026)
        .children!.map((c) => c.figure)
        .sort();
    expect(parts('spend_total')).toEqual(columns('spend_', 'spend_total'));
    expect(parts('income_total')).toEqual(columns('income_', 'income_total'));
    expect(parts('income_total')).toHaveLength(7);
  });

  it('general_fund_financing: 4.5% × (250,000 + 376,000) ÷ 2 in 2026-27; nothing in surplus', () => {
    const first = tree('general_fund_financing', 2026);
    eq(first.value, '14085');
    eq(inputs(first)['openingDeficit'], '250000');
    eq(inputs(first)['closingDeficit'], '376000');
    const surplus: Model = {
      ...money,
      funding: money.funding.map((row) =>
        row.line === 'opening_balance' ? { ...row, amount: new Dec('5000000') } : row,
      ),
    };
    const none = tree('general_fund_financing', 2026, undefined, surplus);
    eq(none.value, '0');
    eq(inputs(none)['openingDeficit'], '0');
  });
});
