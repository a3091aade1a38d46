import type { Decimal } from 'decimal.js';
import type { NationalYear } from '../core/batch/national.js';
import { type HorizonPosition, largestDeficitsPerPupil } from '../core/batch/ranking.js';
import { Dec } from '../core/decimal.js';
import { penceValue, toCount2dp, toPence } from '../core/rounding.js';
import { fitText } from './fit-width.js';
import { figure, renderRecords, type Record_ } from './records.js';
import { visible } from './visible.js';
import type { Row } from './rows.js';

type ScenarioRow = Row & { readonly scenario: string };

const MEASURES: readonly (readonly [label: string, column: string])[] = [
  ['EHCPs (January)', 'pupils_january'],
  ['Spend: total', 'spend_total'],
  ['Income: total', 'income_total'],
  ['In-year balance', 'in_year_balance'],
  ['Cumulative balance', 'cumulative_balance'],
];

/** The measures, with the underlying in-year balance after the in-year one where the two differ (Safety Valve, write-off or contribution income). */
function measures(years: readonly NationalYear[]): (readonly [string, string])[] {
  const differs = years.some(
    (y) => !y.totals['underlying_in_year_balance']?.equals(y.totals['in_year_balance'] ?? 0),
  );
  return MEASURES.flatMap((measure) =>
    measure[1] === 'in_year_balance' && differs
      ? [measure, ['Underlying in-year', 'underlying_in_year_balance'] as const]
      : [measure],
  );
}

/**
 * The terminal summary of a batch: for each scenario, national totals by year (years across)
 * with the areas in deficit, then the ten areas with the largest cumulative deficit per EHCP
 * at their horizon. Figures are those of summary.csv and national.csv.
 */
export function renderBatchTable(input: {
  /** The areas of areas.csv, and those that failed. */
  areas: number;
  failed: number;
  /** Codes of rows that areas.csv does not list (UNKNOWN_AREA), left out. */
  unlisted?: number;
  scenarios: readonly string[];
  national: readonly NationalYear[];
  rows: readonly ScenarioRow[];
  width?: number | undefined;
}): string {
  const { width, unlisted = 0 } = input;
  const out = [
    `National batch: ${input.areas - input.failed} of ${input.areas} area${input.areas === 1 ? '' : 's'} modelled${input.failed ? `, ${input.failed} failed` : ''}${unlisted ? `, rows of ${unlisted === 1 ? 'a code' : `${unlisted} codes`} not in areas.csv left out` : ''}${input.failed || unlisted ? ' (failures.csv)' : ''}; £, totals of the areas' rounded figures`,
  ];
  for (const scenario of input.scenarios) {
    const years = input.national.filter((n) => n.scenario === scenario);
    if (years.length === 0) continue;
    const columns = ['national', ...years.map((y) => y.financialYear)];
    const line = (
      label: string,
      value: (y: NationalYear) => Decimal | undefined,
      places = 2,
    ): Record_ => ({
      national: label,
      ...Object.fromEntries(years.map((y) => [y.financialYear, figure(value(y), places)])),
    });
    const shown = measures(years);
    const records = [
      line('Areas', (y) => new Dec(y.areas), 0),
      // EHCPs whole in the table (national.csv keeps the sum of the 2 dp figures).
      ...shown.map(([label, column]) =>
        line(label, (y) => y.totals[column], column === 'pupils_january' ? 0 : 2),
      ),
      line('Areas in in-year deficit', (y) => new Dec(y.inYearDeficits), 0),
      // Where the balances differ (measures above), also on the underlying basis.
      ...(shown.some(([, column]) => column === 'underlying_in_year_balance')
        ? [line('Areas in underlying deficit', (y) => new Dec(y.underlyingInYearDeficits), 0)]
        : []),
      line('Areas in cumulative deficit', (y) => new Dec(y.cumulativeDeficits), 0),
    ];
    out.push(
      '',
      scenario === '' ? 'The models as given' : visible(`Scenario ${scenario}`),
      renderRecords('table', columns, records, { width, keys: ['national'] }).trimEnd(),
    );
    const ranked = largestDeficitsPerPupil(
      horizonPositions(input.rows.filter((row) => row.scenario === scenario)),
    );
    if (ranked.length === 0) continue;
    out.push(
      '',
      'Largest cumulative deficit per EHCP at the horizon',
      renderRecords(
        'table',
        ['area_code', 'area_name', 'year', 'cumulative_balance', 'ehcps', 'per_ehcp'],
        ranked.map((r) => ({
          area_code: r.area,
          area_name: r.name,
          year: r.financialYear,
          cumulative_balance: figure(r.cumulativeBalance),
          // To 2 dp, the count per_ehcp is worked out over (found by a Forum reading: 46 shown
          // beside a per_ehcp of 45.86's, which 46 does not give).
          ehcps: figure(r.pupils),
          per_ehcp: figure(penceValue(r.perPupil)),
        })),
        { width, keys: ['area_code', 'area_name'] },
      ).trimEnd(),
    );
  }
  return `${fitText(out.join('\n'), width)}\n`;
}

/** Each area's last year, with its figures as printed. */
function horizonPositions(rows: readonly ScenarioRow[]): HorizonPosition[] {
  const last = new Map<string, ScenarioRow>();
  for (const row of rows) {
    const seen = last.get(String(row['area_code']));
    if (!seen || String(seen['financial_year']) < String(row['financial_year']))
      last.set(String(row['area_code']), row);
  }
  return [...last.values()].map((row) => ({
    area: String(row['area_code']),
    name: String(row['area_name']),
    financialYear: String(row['financial_year']),
    pupils: new Dec(toCount2dp(row['pupils_january'] as Decimal)),
    cumulativeBalance: new Dec(toPence(row['cumulative_balance'] as Decimal)),
  }));
}
