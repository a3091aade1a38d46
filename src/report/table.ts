import type { Decimal } from 'decimal.js';
import { formatFinancialYear } from '../core/period.js';
import type { Projection } from '../core/projection.js';
import { toCountWhole, toPence } from '../core/rounding.js';
import { fitLine, fitTable, type FitTable } from './fit-width.js';
import { withThousands } from '../core/thousands.js';
import { flowsByFinancialYear } from './flows.js';
import { ZERO } from '../core/decimal.js';
import { hasLeftOutIncome, underlyingInYearBalance } from '../core/underlying-balance.js';
import {
  afterOverrideText,
  financingText,
  headline,
  headlineText,
  overrideText,
  writeOffText,
} from './headline.js';
import { poundsText } from '../core/money-text.js';

/** How the table paints a negative balance; the CLI passes chalk, tests pass identity. */
export interface Paint {
  readonly negative: (text: string) => string;
  readonly heading: (text: string) => string;
  readonly dim: (text: string) => string;
}

interface Line {
  readonly label: string;
  readonly values: readonly Decimal[];
  readonly kind: 'count' | 'money' | 'balance';
}

/**
 * Years across, measures down: the layout of a budget paper. Money keeps its pence (correct
 * to the penny) with thousands separators, pupils are whole (the CSV and JSON keep 2 dp);
 * balances below zero are red. Given a `width`, the years wrap into blocks that fit it
 * (src/report/fit-width.ts); without one, every year is on one line.
 */
export function renderTable(
  projection: Projection,
  options: { detail: boolean; paint: Paint; width?: number | undefined },
): string {
  const { paint, width } = options;
  const years = projection.years;
  const lines: Line[] = [
    { label: 'EHCPs (January)', values: years.map((y) => y.pupilsJanuary), kind: 'count' },
    { label: 'Spend: top-ups', values: years.map((y) => y.spendTopUp), kind: 'money' },
    { label: 'Spend: place funding', values: years.map((y) => y.spendPlace), kind: 'money' },
    ...(years.some((y) => !y.spendOther.isZero())
      ? [
          {
            label: 'Spend: other lines',
            values: years.map((y) => y.spendOther),
            kind: 'money' as const,
          },
        ]
      : []),
    { label: 'Spend: total', values: years.map((y) => y.spendTotal), kind: 'money' },
    { label: 'Income: HNB allocation', values: years.map((y) => y.income.hnb), kind: 'money' },
    ...(years.some((y) => !y.income.hnbDeductions.isZero() || !y.income.importExport.isZero())
      ? [
          {
            label: 'Income: HNB deductions',
            values: years.map((y) => y.income.hnbDeductions),
            kind: 'money' as const,
          },
          {
            label: 'Income: import/export',
            values: years.map((y) => y.income.importExport),
            kind: 'money' as const,
          },
        ]
      : []),
    { label: 'Income: block transfer', values: years.map((y) => y.income.transfer), kind: 'money' },
    {
      label: 'Income: Safety Valve',
      values: years.map((y) => y.income.safetyValve),
      kind: 'money',
    },
    { label: 'Income: other', values: years.map((y) => y.income.other), kind: 'money' },
    { label: 'Income: write-off', values: years.map((y) => y.income.writeOff), kind: 'money' },
    { label: 'Income: total', values: years.map((y) => y.income.total), kind: 'money' },
    { label: 'In-year balance', values: years.map((y) => y.inYearBalance), kind: 'balance' },
    // Only where it differs from the in-year balance: a year with Safety Valve or write-off income.
    ...(hasLeftOutIncome(years)
      ? [
          {
            label: 'Underlying in-year',
            values: years.map(underlyingInYearBalance),
            kind: 'balance' as const,
          },
        ]
      : []),
    { label: 'Cumulative balance', values: years.map((y) => y.cumulativeBalance), kind: 'balance' },
    ...(projection.financingRate
      ? [
          {
            label: 'General fund: financing',
            values: years.map((y) => y.generalFundFinancing),
            kind: 'money' as const,
          },
        ]
      : []),
  ];
  if (options.detail) {
    // Flows in total only: by setting they would add seven lines per setting (--format csv --detail has them).
    const byYear = flowsByFinancialYear(projection);
    const flows = years.map((y) => byYear.get(y.financialYear)!);
    lines.push(
      { label: 'Flows: opening', values: flows.map((f) => f.opening), kind: 'count' },
      { label: 'Flows: new plans', values: flows.map((f) => f.newPlans), kind: 'count' },
      { label: 'Flows: ceased', values: flows.map((f) => f.ceased), kind: 'count' },
      { label: 'Flows: aged out', values: flows.map((f) => f.agedOut), kind: 'count' },
      { label: 'Flows: closing', values: flows.map((f) => f.closing), kind: 'count' },
      { label: 'Flows: moved', values: flows.map((f) => f.moved), kind: 'count' },
      { label: 'Flows: overflowed', values: flows.map((f) => f.overflowed), kind: 'count' },
    );
    for (const [index, setting] of (years[0]?.settings ?? []).entries()) {
      const id = setting.setting;
      lines.push({
        label: `${id}: EHCPs`,
        values: years.map((y) => y.settings[index]!.pupilsJanuary),
        kind: 'count',
      });
      lines.push({
        label: `${id}: top-ups`,
        values: years.map((y) => y.settings[index]!.spendTopUp),
        kind: 'money',
      });
      lines.push({
        label: `${id}: places`,
        values: years.map((y) => y.settings[index]!.spendPlace),
        kind: 'money',
      });
      if (years.some((y) => !y.settings[index]!.placeDfe.isZero()))
        lines.push({
          label: `${id}: places (DfE-funded)`,
          values: years.map((y) => y.settings[index]!.placeDfe),
          kind: 'money',
        });
    }
    const spendLines = [...new Set(years.flatMap((y) => y.otherSpend.map((l) => l.line)))];
    for (const name of spendLines)
      lines.push({
        label: `Other spend: ${name}`,
        values: years.map((y) => y.otherSpend.find((l) => l.line === name)?.amount ?? ZERO),
        kind: 'money',
      });
  }
  const cells = lines.map((line) =>
    line.values.map((value) =>
      withThousands(line.kind === 'count' ? toCountWhole(value) : toPence(value)),
    ),
  );
  const table: FitTable = {
    columns: [
      { header: '', align: 'left', key: true },
      ...years.map((y) => ({
        header: formatFinancialYear(y.financialYear),
        align: 'right' as const,
      })),
    ],
    rows: lines.map((line, row) => [line.label, ...cells[row]!]),
    paint: (row, column, padded) => {
      const line = lines[row]!;
      const value = line.values[column - 1];
      return column > 0 && line.kind === 'balance' && value!.isNegative() && !value!.isZero()
        ? paint.negative(padded)
        : padded;
    },
  };
  const out: string[] = [];
  out.push(
    ...fitLine(
      `${projection.area.name} (${projection.area.code}): high-needs projection, £, tariff ${projection.tariff.id}`,
      width,
    ).map(paint.heading),
  );
  out.push(...fitTable(table, width));
  out.push('');
  const head = headline(projection);
  out.push(
    ...fitLine(
      headlineText(head, (amount) => withThousands(toPence(amount))),
      width,
    ),
  );
  if (head.deficitAtOverrideEnd)
    out.push(
      ...fitLine(
        overrideText(head.deficitAtOverrideEnd, (amount) => withThousands(toPence(amount))),
        width,
      ).map(paint.negative),
    );
  if (head.deficitAfterOverride)
    out.push(
      ...fitLine(
        afterOverrideText(head.deficitAfterOverride, (amount) => withThousands(toPence(amount))),
        width,
      ).map(paint.negative),
    );
  if (head.generalFundFinancing && projection.financingRate)
    out.push(
      ...fitLine(
        financingText(head.generalFundFinancing, projection.financingRate, head.horizon, (amount) =>
          withThousands(toPence(amount)),
        ),
        width,
      ),
    );
  if (projection.writeOff)
    out.push(
      ...fitLine(
        writeOffText(projection.writeOff, (amount) => withThousands(toPence(amount))),
        width,
      ),
    );
  out.push(
    ...fitLine(
      `Opening balance at the end of ${formatFinancialYear(projection.firstYear - 1)}: ${poundsText(projection.openingBalance)}`,
      width,
    ).map(paint.dim),
  );
  return `${out.join('\n')}\n`;
}
