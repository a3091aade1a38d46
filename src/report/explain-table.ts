import type { Decimal } from 'decimal.js';
import type { Explanation } from '../core/explain/explain.js';
import type { ExplainNode, InputValue } from '../core/explain/node.js';
import { formatFinancialYear } from '../core/period.js';
import { toCount2dp, toPence } from '../core/rounding.js';
import { fitTable, fitText } from './fit-width.js';
import { ROUNDING_LABEL, shownAmounts } from './explain-shown.js';
import { withThousands } from './format-cell.js';

type Inputs = Record<string, InputValue>;
const COLUMNS = [
  'part',
  'pupils',
  'annual £',
  'months',
  'in force from',
  'status',
  'source',
  'amount',
];
const money = (value: InputValue | undefined): string =>
  value === undefined ? '' : withThousands(toPence(value as Decimal));
const text = (value: InputValue | undefined): string =>
  value === undefined ? '' : typeof value === 'object' ? '' : String(value);

/**
 * `explain` as a terminal table: the figure, then its parts, each indented under the part it
 * makes up, with the inputs of each (pupils, rate, months, the tariff row's date, status and
 * source), and notes on what a table cannot hold (growth steps, the sources' titles).
 * Amounts are as shown by shownAmounts: they add up to the figure exactly.
 */
export function renderExplainTable(explanation: Explanation, width?: number): string {
  const { shown, rounding } = shownAmounts(explanation.tree);
  const amount = (node: ExplainNode): string => {
    const value = shown.get(node)!;
    return withThousands(explanation.unit === 'pupils' ? toCount2dp(value) : toPence(value));
  };
  const rows: string[][] = [];
  const notes: string[] = [];
  const cited = new Set<string>();
  const visit = (node: ExplainNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const label = `${indent}${node.label}${node.figure ? ' *' : ''}`;
    const inputs = (node.inputs ?? {}) as Inputs;
    const lines = partRows(node, inputs, cited, notes);
    lines[0]![0] = label;
    lines[0]![7] = amount(node);
    rows.push(...lines.map((line, i) => (i === 0 ? line : [`${indent}  `, ...line.slice(1)])));
    for (const child of node.children ?? []) visit(child, depth + 1);
    const off = rounding.get(node);
    if (off) rows.push([`${indent}  ${ROUNDING_LABEL}`, '', '', '', '', '', '', money(off)]);
  };
  visit(explanation.tree, 0);
  const used = COLUMNS.map((_, c) => c === 0 || c === 7 || rows.some((row) => row[c] !== ''));
  const table = fitTable(
    {
      columns: COLUMNS.flatMap((header, c) =>
        used[c]
          ? [
              {
                header: c === 7 && explanation.unit === 'pupils' ? 'pupils' : header,
                align: ['part', 'in force from', 'status', 'source'].includes(header)
                  ? ('left' as const)
                  : ('right' as const),
                ...(c === 0 ? { key: true } : {}),
              },
            ]
          : [],
      ),
      rows: rows.map((row) => row.filter((_, c) => used[c])),
    },
    width,
  );
  const sources = explanation.tariff.references.filter((r) => r.id && cited.has(r.id));
  const figureRefs = (node: ExplainNode): boolean =>
    node.figure !== undefined || (node.children ?? []).some(figureRefs);
  const head = [
    `${explanation.area.name} (${explanation.area.code}): ${explanation.figure}${explanation.setting ? ` for ${explanation.setting}` : ''}, ${formatFinancialYear(explanation.financialYear)}, ${explanation.scenario ? `scenario ${explanation.scenario.id}` : 'the model as given'}`,
    `${explanation.figure} = ${explanation.how}`,
    '',
  ];
  const tail = [
    '',
    ...notes,
    ...(figureRefs(explanation.tree)
      ? [
          `* a figure of its own: highneeds explain --figure NAME --year ${formatFinancialYear(explanation.financialYear)}`,
        ]
      : []),
    explanation.unit === 'GBP'
      ? 'Amounts are rounded to the penny so that the parts add up to the figure exactly; --format json gives each exactly.'
      : 'Pupils are expected counts, to 2 dp; --format json gives each exactly.',
    ...(sources.length
      ? ['Sources:', ...sources.map((r) => `  ${r.id}: ${r.title}, ${r.url}`)]
      : []),
    `Tariff: ${explanation.tariff.id}, ${explanation.tariff.title}`,
  ];
  return `${[...head.map((l) => fitText(l, width)), ...table, ...tail.map((l) => fitText(l, width))].join('\n')}\n`;
}

/** The cells of one part (amount and label filled by the caller), and a row for each further rate it charged. */
function partRows(
  node: ExplainNode,
  inputs: Inputs,
  cited: Set<string>,
  notes: string[],
): string[][] {
  const row = (cells: Partial<Record<number, string>>): string[] =>
    COLUMNS.map((_, c) => cells[c] ?? '');
  if (inputs['rates']) {
    return (inputs['rates'] as Inputs[]).map((rate, i) => {
      const tariffRow = rate['row'] as Inputs;
      const reference = text(tariffRow['reference']);
      if (reference) cited.add(reference);
      const uplift = rate['upliftYears'] as number;
      return row({
        1: i === 0 ? withThousands(toCount2dp(inputs['pupils'] as Decimal)) : '',
        2: money(rate['annualRate']),
        3: String(rate['count']),
        4: `${text(tariffRow['effectiveFrom'])}${uplift ? ` +${uplift} uplift${uplift === 1 ? '' : 's'}` : ''}`,
        5: text(tariffRow['status']),
        6: reference,
      });
    });
  }
  if (inputs['placeValue']) {
    const reference = text(inputs['reference']);
    if (reference) cited.add(reference);
    const extra = inputs['extraPlaces']
      ? ` ${withThousands(toCount2dp(inputs['extraPlaces'] as Decimal))} by lever`
      : '';
    return [
      row({
        1: `${withThousands(toCount2dp(inputs['places'] as Decimal))} places`,
        2: money(inputs['placeValue']),
        3: String(inputs['months']),
        5: text(inputs['status']),
        6: [reference, `${text(inputs['basis'])}${extra}`].filter(Boolean).join(', '),
      }),
    ];
  }
  if (inputs['annualCost']) {
    const factors = [...new Set((inputs['upliftFactors'] as Decimal[]).map((f) => f.toFixed()))];
    return [
      row({
        2: money(inputs['annualCost']),
        3: String(inputs['months']),
        4: `base year ×${factors.join('…')}`,
        6: 'cohort.csv annual_cost',
      }),
    ];
  }
  if (inputs['given'] !== undefined) notes.push(...hnbNotes(node, inputs));
  if (inputs['share'] && inputs['eligibleDeficit'])
    notes.push(
      `write-off: ${(inputs['share'] as Decimal).toFixed()} × eligible deficit £${money(inputs['eligibleDeficit'])} (${text(inputs['basis'])}, end of ${text(inputs['balanceYear'])}), paid in ${text(inputs['paidIn'])}`,
    );
  if (inputs['note']) notes.push(`${node.label}: ${text(inputs['note'])}`);
  const source = [text(inputs['source']), inputs['lever'] ? `lever ${text(inputs['lever'])}` : '']
    .filter(Boolean)
    .join(', ');
  const cumulative = inputs['cumulativeAfter']
    ? `cumulative after: ${money(inputs['cumulativeAfter'])}`
    : '';
  return [row({ 6: [source, cumulative].filter(Boolean).join('; ') })];
}

function hnbNotes(node: ExplainNode, inputs: Inputs): string[] {
  const given = inputs['given'];
  if (typeof given === 'string')
    return [`${node.label}: none given for this year or any earlier one`];
  const g = given as Inputs;
  const lines = [
    `${node.label}: £${money(g['amount'])} given for ${text(g['financialYear'])} (${text(g['source'])})`,
  ];
  if (inputs['steps']) {
    lines.push(
      `  grown by hnbGrowth ${(inputs['hnbGrowth'] as Decimal).toFixed()} a year (${text(inputs['growthFrom'])}):`,
      ...(inputs['steps'] as Inputs[]).map(
        (step) => `    ${text(step['financialYear'])}: £${money(step['amount'])}`,
      ),
    );
  }
  return lines;
}
