import { counted } from '../../core/words.js';
import { formatFinancialYear } from '../../core/period.js';
import { type IntervalRow, QUANTILES } from '../../core/simulate/intervals.js';
import type { RangesInput } from './national-ranges.js';
import type { ReportTable } from './table-model.js';

/**
 * The workbook's "Range of outcomes" sheet: intervals.csv's rows as numbers, the national totals
 * first (with national.csv's projection beside them), then every area; money and EHCPs in tables
 * of their own so each column has one format.
 */
export function rangeOfOutcomesTables(input: RangesInput): ReportTable[] {
  const { ranges } = input;
  const nameOf = new Map(input.rows.map((r) => [String(r['area_code']), String(r['area_name'])]));
  const long = (
    title: string,
    rows: readonly IntervalRow[],
    kind: 'money' | 'count',
    who: 'national' | 'areas',
  ): ReportTable => ({
    title,
    columns: [
      ...(who === 'areas'
        ? [
            { key: 'area_code', label: 'area_code', kind: 'text' as const },
            { key: 'area_name', label: 'area_name', kind: 'text' as const },
          ]
        : []),
      { key: 'scenario', label: 'scenario', kind: 'text' },
      { key: 'financial_year', label: 'financial_year', kind: 'text' },
      { key: 'measure', label: 'measure', kind: 'text' },
      { key: 'mean', label: 'mean', kind },
      ...QUANTILE_KEYS.map((key) => ({ key, label: key, kind })),
      ...(kind === 'money'
        ? [{ key: 'p_deficit', label: 'p_deficit', kind: 'share' as const }]
        : []),
      ...(who === 'national'
        ? [{ key: 'projection', label: 'projection (national.csv)', kind }]
        : []),
    ],
    rows: rows.map((r) => {
      const year = formatFinancialYear(r.financialYear);
      return {
        cells: {
          area_code: r.areaCode,
          area_name: nameOf.get(r.areaCode) ?? '',
          scenario: r.scenario,
          financial_year: year,
          measure: r.measure,
          mean: r.mean,
          ...r.quantiles,
          p_deficit: r.pDeficit,
          projection: input.national.find(
            (n) => n.scenario === r.scenario && n.financialYear === year,
          )?.totals[r.measure],
        },
      };
    }),
  });
  const pupils = (r: IntervalRow) => r.measure === 'pupils_january';
  const drawn = `${counted(ranges.draws, 'draw')}, seed ${ranges.seed}`;
  return (
    [
      ['national', 'National totals', 'National EHCPs in January', 'national rows'],
      ['areas', 'Every area', "Every area's EHCPs in January", 'area rows'],
    ] as const
  ).flatMap(([who, money, count, rows]) => [
    long(
      `${money} over ${drawn} (intervals.csv's ${rows}), £`,
      ranges[who].filter((r) => !pupils(r)),
      'money',
      who,
    ),
    long(
      `${count} over ${drawn} (intervals.csv's ${rows})`,
      ranges[who].filter(pupils),
      'count',
      who,
    ),
  ]);
}

const QUANTILE_KEYS = QUANTILES.map(([column]) => column);
