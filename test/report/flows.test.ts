import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import type { Projection } from '../../src/core/projection.js';
import { renderCsv } from '../../src/report/csv.js';
import { renderJson } from '../../src/report/json.js';
import { DETAIL_COLUMNS, detailRows } from '../../src/report/rows.js';
import { renderTable } from '../../src/report/table.js';
import { cell, d, model } from '../core/builders.js';
import { loadFixture, projectOrThrow } from '../helpers/model.js';

/*
 * Base January 2026 (AY 2025/26); FY 2026-27's row holds the step into January 2027.
 *   mainstream: 10 SEMH at NCY 11; ceasing 0.25 → 2.50 ceased; 20% of the 7.50 left move to special → 1.50.
 *   special: 8 at NCY 5 (stay), 4 at NCY 20 (aged out); 3 new plans at NCY 0;
 *     capacity 10 in 2026/27: 8 + 1.50 + 3 = 12.50, so 2.50 overflow to mainstream, new plans first.
 *   mainstream 10 − 2.50 − 1.50 + 2.50 = 8.50; special 12 + 3 + 1.50 − 2.50 − 4 = 10.00.
 */
const small = model({
  horizon: 2027,
  cohort: [
    cell(11, 'SEMH', 'mainstream', '1', '10'),
    cell(5, 'ASD', 'special', '1', '8'),
    cell(20, 'SLD', 'special', '1', '4'),
  ],
  ceasing: [{ ncy: 11, rate: d('0.25') }],
  transitions: [{ fromNcy: 11, fromSetting: 'mainstream', toSetting: 'special', rate: d('0.2') }],
  newPlans: [{ ncy: 0, need: 'ASD', setting: 'special', band: '1', count: d('3') }],
  capacity: [{ academicYear: 2026, setting: 'special', places: d('10'), overflowTo: 'mainstream' }],
  funding: [
    { financialYear: 2025, line: 'opening_balance', amount: d('0') },
    { financialYear: 2026, line: 'hnb_allocation', amount: d('100000') },
    { financialYear: 2027, line: 'hnb_allocation', amount: d('100000') },
  ],
});

const FLOW_COLUMNS = [
  'pupils_opening',
  'new_plans',
  'ceased',
  'moved_in',
  'moved_out',
  'overflow_in',
  'overflow_out',
  'aged_out',
];

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trimEnd().split('\n');
  const columns = header!.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, i) => [columns[i]!, value])),
  );
}

/** opening + new + moved in + overflow in − ceased − moved out − overflow out − aged out, from the printed figures. */
function closingFromFlows(row: Record<string, string | number>): InstanceType<typeof Dec> {
  const [opening, added, ceased, movedIn, movedOut, overflowIn, overflowOut, agedOut] =
    FLOW_COLUMNS.map((column) => new Dec(String(row[column])));
  return opening!
    .plus(added!)
    .plus(movedIn!)
    .plus(overflowIn!)
    .minus(ceased!)
    .minus(movedOut!)
    .minus(overflowOut!)
    .minus(agedOut!);
}

/** Each printed flow is within 0.005 of its value, so 8 of them and the closing can drift apart by 9 × 0.005. */
function expectIdentity(rows: Record<string, string | number>[], tolerance: string): void {
  for (const row of rows) {
    const gap = closingFromFlows(row)
      .minus(new Dec(String(row['pupils_january'])))
      .abs();
    expect(
      gap.lte(tolerance),
      `${row['financial_year']} ${row['setting']}: off by ${gap.toString()}`,
    ).toBe(true);
  }
}

describe('pupil flows in the --detail CSV', () => {
  const projection = projectOrThrow(small);
  const rows = csvRecords(renderCsv(DETAIL_COLUMNS, detailRows(projection)));

  it('the first six columns are as before, the flows after them', () => {
    expect(DETAIL_COLUMNS).toEqual([
      'area_code',
      'financial_year',
      'setting',
      'pupils_january',
      'spend_top_up',
      'spend_place',
      ...FLOW_COLUMNS,
      'place_dfe',
      'line',
      's251',
      'spend_other',
    ]);
  });

  it('2026-27, mainstream: 10 at NCY 11, ceasing 0.25 → ceased 2.50; 1.50 moved to special; 2.50 overflowed in; 8.50 in January', () => {
    const row = rows.find(
      (r) => r['financial_year'] === '2026-27' && r['setting'] === 'mainstream',
    );
    expect(row).toMatchObject({
      pupils_january: '8.50',
      pupils_opening: '10.00',
      new_plans: '0.00',
      ceased: '2.50',
      moved_in: '0.00',
      moved_out: '1.50',
      overflow_in: '2.50',
      overflow_out: '0.00',
      aged_out: '0.00',
    });
  });

  it('2026-27, special: 3 new plans, 1.50 moved in, 2.50 over capacity 10 overflowed out, 4 aged out at NCY 20', () => {
    const row = rows.find((r) => r['financial_year'] === '2026-27' && r['setting'] === 'special');
    expect(row).toMatchObject({
      pupils_january: '10.00',
      pupils_opening: '12.00',
      new_plans: '3.00',
      ceased: '0.00',
      moved_in: '1.50',
      moved_out: '0.00',
      overflow_in: '0.00',
      overflow_out: '2.50',
      aged_out: '4.00',
    });
  });

  it('every year and setting: opening + new + moved in + overflow in − ceased − moved out − overflow out − aged out = pupils_january', () => {
    expect(rows.map((r) => r['financial_year'])).toEqual([
      '2026-27',
      '2026-27',
      '2027-28',
      '2027-28',
    ]);
    expectIdentity(rows, '0.01');
  });

  it('the example area, every row, to within the rounding of its nine printed figures', () => {
    expectIdentity(
      csvRecords(renderCsv(DETAIL_COLUMNS, detailRows(projectOrThrow(loadFixture('example'))))),
      '0.045',
    );
  });
});

describe('pupil flows in JSON', () => {
  const projection = projectOrThrow(small);
  const render = (detail: boolean) =>
    JSON.parse(renderJson(projection, { detail, warnings: [], manifest: null })) as {
      summary: Record<string, unknown>[];
    };

  it('every year carries its flows in total, with or without --detail', () => {
    for (const detail of [false, true]) {
      const [first, second] = render(detail).summary;
      expect(first!['flows']).toEqual({
        opening: 22,
        new_plans: 3,
        ceased: 2.5,
        moved: 1.5,
        overflowed: 2.5,
        aged_out: 4,
        closing: 18.5,
      });
      expect(second!['flows']).toMatchObject({ opening: 18.5 });
      expect('settings' in first!).toBe(detail);
    }
  });

  it('the totals add up: opening + new plans − ceased − aged out = closing = pupils_january', () => {
    for (const year of render(false).summary) {
      const f = year['flows'] as Record<string, number>;
      const closing = new Dec(String(f['opening']))
        .plus(String(f['new_plans']))
        .minus(String(f['ceased']))
        .minus(String(f['aged_out']));
      expect(closing.minus(String(f['closing'])).abs().lte('0.02')).toBe(true);
      expect(f['closing']).toBe(year['pupils_january']);
    }
  });

  it('with --detail each setting carries the CSV flow columns, with the same figures', () => {
    const settings = render(true).summary[0]!['settings'] as Record<string, number | string>[];
    expect(settings.find((s) => s['setting'] === 'special')).toEqual({
      setting: 'special',
      pupils_january: 10,
      spend_top_up: expect.any(Number),
      spend_place: expect.any(Number),
      pupils_opening: 12,
      new_plans: 3,
      ceased: 0,
      moved_in: 1.5,
      moved_out: 0,
      overflow_in: 0,
      overflow_out: 2.5,
      aged_out: 4,
      place_dfe: 0,
    });
    expectIdentity(
      render(true).summary.flatMap((year) =>
        (year['settings'] as Record<string, number>[]).map((s) => ({
          ...s,
          financial_year: String(year['financial_year']),
        })),
      ),
      '0.01',
    );
  });

  it('figures are written with 2 dp, like pupils_january', () => {
    const text = renderJson(projection, { detail: true, warnings: [], manifest: null });
    expect(text).toContain('"ceased": 2.50,');
    expect(text).toContain('"overflow_out": 2.50,');
    expect(text).toContain('"closing": 18.50\n');
  });
});

describe('pupil flows in the --detail table', () => {
  const identity = { negative: (t: string) => t, heading: (t: string) => t, dim: (t: string) => t };
  const table = (projection: Projection, detail: boolean) =>
    renderTable(projection, { detail, paint: identity });

  it('totals only, under the balances, and only with --detail', () => {
    const projection = projectOrThrow(small);
    const lines = table(projection, true).split('\n');
    // Whole pupils in the table (2.50 rounds half-up to 3); the CSV and JSON keep 2 dp.
    expect(lines.find((l) => l.startsWith('Flows: ceased'))).toMatch(/^Flows: ceased\s+3\s+\S+$/);
    expect(lines.find((l) => l.startsWith('Flows: overflowed'))).toMatch(
      /^Flows: overflowed\s+3\s+0$/,
    );
    expect(table(projection, false)).not.toContain('Flows:');
  });
});
