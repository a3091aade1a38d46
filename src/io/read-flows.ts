import type { Decimal } from 'decimal.js';
import { ZERO } from '../core/decimal.js';
import { error, warning, type Issue } from '../core/issue.js';
import type { CeasingRow, NewPlanRow, TransitionRow } from '../core/model.js';
import { type AcademicYear, formatAcademicYear } from '../core/period.js';
import type { CsvRow, CsvTable } from './csv-table.js';
import { academicYearCell, decimalCell, ncyCell, needCell } from './cell-parsers.js';
import { CellCodes } from './cell-codes.js';
import { RepeatedRows } from './repeated-row.js';
import { flushNormalisations } from './normalise.js';
import { readUncertainty } from './read-uncertainty.js';
import type { TariffCheck } from './tariff-check.js';

/**
 * How sure a rate is, for simulate (issue 15): observed/exposure give a Beta posterior whose mean is
 * the rate (calibrate writes them); low/high give a planner's range (triangular, or `distribution`
 * uniform). A plain projection ignores them.
 */
const UNCERTAINTY_COLUMNS = ['observed', 'exposure', 'low', 'high', 'distribution'] as const;

export const NEW_PLANS_COLUMNS = {
  required: ['ncy', 'need', 'setting', 'band'],
  optional: ['count', 'rate', 'academic_year', 'area', 'out_of_area', ...UNCERTAINTY_COLUMNS],
} as const;
export const CEASING_COLUMNS = {
  required: ['ncy', 'rate'],
  optional: ['need', 'setting', 'area', ...UNCERTAINTY_COLUMNS],
} as const;
export const TRANSITIONS_COLUMNS = {
  required: ['from_ncy', 'from_setting', 'to_setting', 'rate'],
  optional: ['to_band', 'need', 'to_need', 'area', ...UNCERTAINTY_COLUMNS],
} as const;

/** new-plans.csv: new EHCPs joining in each projected academic year, as a count or a rate per head of population. */
export function readNewPlans(
  table: CsvTable,
  projected: { first: AcademicYear; last: AcademicYear },
  tariff: TariffCheck,
  issues: Issue[],
): NewPlanRow[] {
  const codes = new CellCodes(tariff);
  const repeats = new RepeatedRows();
  return flushed(
    issues,
    table.rows.flatMap((row) => {
      const before = issues.length;
      const ncy = codes.ncy.read(row, 'ncy', issues);
      const need = codes.need.read(row, 'need', issues);
      const setting = codes.setting.read(row, 'setting', issues);
      const band = codes.band(row, 'band', setting, issues);
      const amount = countOrRate(row, issues);
      const academicYear = academicYearCell(row, 'academic_year', issues, true);
      const outOfArea = codes.outOfArea.read(row, 'out_of_area', issues);
      if (
        issues.length > before ||
        ncy === undefined ||
        need === undefined ||
        setting === undefined ||
        band === undefined ||
        amount === undefined
      )
        return [];
      const uncertainty = readUncertainty(row, uncertainFigure(amount), issues);
      if (issues.length > before) return [];
      if (
        academicYear !== undefined &&
        (academicYear < projected.first || academicYear > projected.last)
      ) {
        issues.push(
          warning(
            'YEAR_OUT_OF_RANGE',
            `academic year ${formatAcademicYear(academicYear)} is outside the projected years ${formatAcademicYear(projected.first)} to ${formatAcademicYear(projected.last)}; the row is ignored`,
            row.at('academic_year'),
          ),
        );
        return [];
      }
      // After the rows ignored: a row of a year outside the projection is not counted twice.
      const repeated = repeats.check(
        row,
        () =>
          `${'count' in amount ? `${amount.count.toString()} new plan${amount.count.eq(1) ? '' : 's'} a year` : `new plans at a rate of ${amount.rate.toString()}`} at NCY ${ncy}, ${need}, ${setting}, band ${band} twice`,
        'delete one if it was pasted twice; if both are meant, give their sum on one row',
      );
      if (repeated) issues.push(repeated);
      return [
        {
          ncy,
          need,
          setting,
          band,
          ...amount,
          ...(academicYear !== undefined ? { academicYear } : {}),
          ...(uncertainty ? { uncertainty } : {}),
          ...(outOfArea ? { outOfArea } : {}),
          origin: row.at(),
        },
      ];
    }),
  );
}

/** A new-plans row's figure, as the uncertainty columns are checked against it. */
function uncertainFigure(amount: { count: Decimal } | { rate: Decimal }) {
  return 'count' in amount
    ? { figure: amount.count, column: 'count', isRate: false }
    : { figure: amount.rate, column: 'rate', isRate: true };
}

/** The rows, once the file's normalisations are added to `issues`. */
function flushed<T>(issues: Issue[], rows: T[]): T[] {
  flushNormalisations(issues);
  return rows;
}

/** A new-plans row's figure: exactly one of `count` (plans a year) and `rate` (plans per head of the NCY's population). */
function countOrRate(
  row: CsvRow,
  issues: Issue[],
): { count: Decimal } | { rate: Decimal } | undefined {
  const count = decimalCell(row, 'count', issues, { optional: true, kind: 'count' });
  const rate = decimalCell(row, 'rate', issues, { optional: true, atMostOne: true, kind: 'rate' });
  if (row.get('count') !== '' && row.get('rate') !== '') {
    issues.push(
      error(
        'COUNT_AND_RATE',
        'the row gives both a count and a rate of new plans',
        row.at('rate'),
        "give a count (new plans a year) or a rate (new plans per head of the NCY's population, from population.csv), not both",
      ),
    );
    return undefined;
  }
  if (row.get('count') === '' && row.get('rate') === '') {
    issues.push(
      error(
        'MISSING_VALUE',
        '"count" or "rate" is required',
        row.at(row.has('count') || !row.has('rate') ? 'count' : 'rate'),
      ),
    );
    return undefined;
  }
  return count ? { count } : rate ? { rate } : undefined;
}

/** ceasing.csv: share of plans at an NCY that cease at the end of the academic year. */
export function readCeasing(table: CsvTable, tariff: TariffCheck, issues: Issue[]): CeasingRow[] {
  const seen = new Map<string, number>();
  return flushed(
    issues,
    table.rows.flatMap((row) => {
      const before = issues.length;
      const ncy = ncyCell(row, 'ncy', issues);
      const rate = decimalCell(row, 'rate', issues, { atMostOne: true, kind: 'rate' });
      const need = needCell(row, 'need', issues, true);
      const setting = tariff.setting(row, 'setting', issues, true);
      if (issues.length > before || ncy === undefined || rate === undefined) return [];
      const uncertainty = readUncertainty(
        row,
        { figure: rate, column: 'rate', isRate: true },
        issues,
      );
      if (issues.length > before) return [];
      const key = `${ncy}\u0000${need ?? ''}\u0000${setting ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(
          error(
            'DUPLICATE_ROW',
            `a ceasing rule for NCY ${ncy}${need ? `, need ${need}` : ''}${setting ? `, setting ${setting}` : ''} is already given on line ${first}`,
            row.at(),
          ),
        );
        return [];
      }
      seen.set(key, row.line);
      return [
        {
          ncy,
          rate,
          ...(need ? { need } : {}),
          ...(setting ? { setting } : {}),
          ...(uncertainty ? { uncertainty } : {}),
          origin: row.at(),
        },
      ];
    }),
  );
}

/**
 * transitions.csv: phase transfers between settings. A row with a need moves only pupils of that
 * need, and a need's rows replace the rows without one for its pupils, so the rates leaving one
 * (ncy, setting) sum to at most 1 over the rows without a need, and over each need's rows.
 */
export function readTransitions(
  table: CsvTable,
  tariff: TariffCheck,
  issues: Issue[],
): TransitionRow[] {
  const seen = new Map<string, number>();
  const totals = new Map<string, Decimal>();
  return flushed(
    issues,
    table.rows.flatMap((row) => {
      const before = issues.length;
      const fromNcy = ncyCell(row, 'from_ncy', issues);
      const fromSetting = tariff.setting(row, 'from_setting', issues);
      const need = needCell(row, 'need', issues, true);
      const toSetting = tariff.setting(row, 'to_setting', issues);
      const rate = decimalCell(row, 'rate', issues, { atMostOne: true, kind: 'rate' });
      const toBand =
        row.get('to_band') === '' ? undefined : tariff.band(row, 'to_band', toSetting, issues);
      const toNeed = needCell(row, 'to_need', issues, true);
      if (
        issues.length > before ||
        fromNcy === undefined ||
        fromSetting === undefined ||
        toSetting === undefined ||
        rate === undefined
      )
        return [];
      const uncertainty = readUncertainty(
        row,
        { figure: rate, column: 'rate', isRate: true },
        issues,
      );
      if (issues.length > before) return [];
      const from = `NCY ${fromNcy} ${fromSetting}${need ? ` (need ${need})` : ''}`;
      const key = `${fromNcy}\u0000${fromSetting}\u0000${need ?? ''}\u0000${toSetting}\u0000${toBand ?? ''}\u0000${toNeed ?? ''}`;
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push(
          error(
            'DUPLICATE_ROW',
            `a transition from ${from} to ${toSetting}${toBand ? ` band ${toBand}` : ''}${toNeed ? ` as ${toNeed}` : ''} is already given on line ${first}`,
            row.at(),
          ),
        );
        return [];
      }
      seen.set(key, row.line);
      const fromKey = `${fromNcy}\u0000${fromSetting}\u0000${need ?? ''}`;
      const total = (totals.get(fromKey) ?? ZERO).plus(rate);
      totals.set(fromKey, total);
      if (total.greaterThan(1)) {
        const hint = need
          ? `rows for need ${need} replace the rows without a need for its pupils, so they add up on their own to no more than all continuing plans`
          : 'no more than all continuing plans can move';
        issues.push(
          error(
            'TRANSITIONS_EXCEED_ONE',
            `transition rates leaving ${from} add up to ${total.toString()} by this row, more than 1`,
            row.at('rate'),
            hint,
          ),
        );
      }
      return [
        {
          fromNcy,
          fromSetting,
          toSetting,
          rate,
          ...(toBand ? { toBand } : {}),
          ...(need ? { need } : {}),
          ...(toNeed ? { toNeed } : {}),
          ...(uncertainty ? { uncertainty } : {}),
          origin: row.at(),
        },
      ];
    }),
  );
}
