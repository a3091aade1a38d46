import type { Decimal } from 'decimal.js';
import type { Explanation } from '../core/explain/explain.js';
import type { ExplainNode, InputValue } from '../core/explain/node.js';
import { formatFinancialYear } from '../core/period.js';
import { toCount2dp, toPence } from '../core/rounding.js';
import { fitTable, fitText } from './fit-width.js';
import { ROUNDING_LABEL, shownAmounts } from './explain-shown.js';
import { inputNotes } from './explain-notes.js';
import { withThousands } from '../core/thousands.js';

type Inputs = Record<string, InputValue>;

/** The table's columns; the amount sits beside the part's name, so a table split to fit keeps the two together. */
const COLUMNS = {
  part: { header: 'part', align: 'left' },
  amount: { header: 'amount', align: 'right' },
  count: { header: 'pupils/places', align: 'right' },
  rate: { header: 'annual £', align: 'right' },
  months: { header: 'months', align: 'right' },
  from: { header: 'in force from', align: 'left' },
  status: { header: 'status', align: 'left' },
  source: { header: 'source', align: 'left' },
} as const;
type Column = keyof typeof COLUMNS;
type Cells = Partial<Record<Column, string>>;
const KEYS = Object.keys(COLUMNS) as Column[];

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
export function renderExplainTable(
  explanation: Explanation,
  width?: number,
  /** The area of a national model it was opened as (--area): the footnote's command names it too. */
  area?: string,
  /**
   * The model folder as given, as a shell word: the footnote's command names it, else it would
   * run on the shipped example (found by an officer's trial); undefined when none was given.
   */
  model?: string,
): string {
  const { shown, rounding } = shownAmounts(explanation.tree);
  const amount = (node: ExplainNode): string => {
    const value = shown.get(node)!;
    return withThousands(explanation.unit === 'pupils' ? toCount2dp(value) : toPence(value));
  };
  const rows: Cells[] = [];
  const notes: string[] = [];
  const cited = new Set<string>();
  const visit = (node: ExplainNode, depth: number) => {
    const indent = '  '.repeat(depth);
    const [first = {}, ...more] = partRows(node, (node.inputs ?? {}) as Inputs, cited, notes);
    rows.push(
      {
        ...first,
        part: `${indent}${node.sign === -1 ? '− ' : ''}${node.label}${node.figure ? ' *' : ''}`,
        amount: amount(node),
      },
      ...more,
    );
    for (const child of node.children ?? []) visit(child, depth + 1);
    const off = rounding.get(node);
    if (off) rows.push({ part: `${indent}  ${ROUNDING_LABEL}`, amount: money(off) });
  };
  visit(explanation.tree, 0);
  const used = KEYS.filter(
    (key) => key === 'part' || key === 'amount' || rows.some((row) => row[key]),
  );
  const table = fitTable(
    {
      columns: used.map((key) => ({
        header: key === 'amount' && explanation.unit === 'pupils' ? 'pupils' : COLUMNS[key].header,
        align: COLUMNS[key].align,
        ...(key === 'part' ? { key: true } : {}),
      })),
      rows: rows.map((row) => used.map((key) => row[key] ?? '')),
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
          // The part's own name and year (a balance's parts are earlier years'), and the scenario.
          `* a figure of its own: highneeds explain${model === undefined ? '' : ` ${model}`}${area === undefined ? '' : ` --area ${area}`} --figure NAME --year YEAR${explanation.scenario ? ` --scenario ${explanation.scenario.id}` : ''}, with the part's name and year`,
        ]
      : []),
    explanation.unit === 'GBP'
      ? 'Amounts are rounded to the penny so that the parts add up to the figure exactly; --format json gives each exactly.'
      : 'Pupils are expected counts, to 2 dp; --format json gives each exactly.',
    ...(sources.length
      ? ['Sources:', ...sources.map((r) => `  ${r.id}: ${r.title}, ${r.url}`)]
      : []),
    `Tariff: ${explanation.tariff.id}, ${explanation.tariff.title}`,
    ...(explanation.switchedTo ?? []).map(
      (to) =>
        `  from ${to.from}, lever ${to.lever} switches ${to.settings ? to.settings.join(', ') : 'every setting'} to: ${to.id}, ${to.title}`,
    ),
  ];
  return `${[...head.map((l) => fitText(l, width)), ...table, ...tail.map((l) => fitText(l, width))].join('\n')}\n`;
}

/** The cells of one part (its name and amount filled in by the caller), and a row for each further rate it charged. */
function partRows(node: ExplainNode, inputs: Inputs, cited: Set<string>, notes: string[]): Cells[] {
  if (inputs['rates']) {
    return (inputs['rates'] as Inputs[]).map((rate, i) => {
      const tariffRow = rate['row'] as Inputs;
      const reference = text(tariffRow['reference']);
      if (reference) cited.add(reference);
      const uplift = rate['upliftYears'] as number;
      return {
        count: i === 0 ? withThousands(toCount2dp(inputs['pupils'] as Decimal)) : '',
        rate: money(rate['annualRate']),
        months: String(rate['count']),
        from: `${text(tariffRow['effectiveFrom'])}${uplift ? ` +${uplift} uplift${uplift === 1 ? '' : 's'}` : ''}`,
        status: text(rate['status']),
        source: reference,
      };
    });
  }
  if (inputs['placeValue']) {
    const reference = text(inputs['reference']);
    if (reference) cited.add(reference);
    const extra = inputs['extraPlaces']
      ? ` ${withThousands(toCount2dp(inputs['extraPlaces'] as Decimal))} by lever`
      : '';
    // With an unoccupied value, the occupied and unoccupied parts below give the two rates.
    const filled = inputs['filled']
      ? `, ${withThousands(toCount2dp(inputs['filled'] as Decimal))} filled`
      : '';
    // Pupils placed out of area are neither the places nor among those filling them.
    const away = inputs['outOfArea']
      ? `, ${withThousands(toCount2dp(inputs['outOfArea'] as Decimal))} out of area, charged no place`
      : '';
    return [
      {
        count: `${withThousands(toCount2dp(inputs['places'] as Decimal))} places`,
        rate: inputs['unoccupiedPlaceValue'] ? '' : money(inputs['placeValue']),
        months: String(inputs['months']),
        status: text(inputs['status']),
        source: [
          reference,
          `${inputs['basis'] === 'pupils' ? 'places = pupils' : text(inputs['basis'])}${extra}${filled}${away}`,
        ]
          .filter(Boolean)
          .join(', '),
      },
    ];
  }
  if (inputs['annualCost']) {
    const given = inputs['upliftFactors'] as Decimal[];
    const factors = [...new Set(given.map((f) => f.toFixed()))];
    // annualCost is the pupils' fees added together: the pupils beside it, and said in the source.
    // Under one uplift factor, the fees as charged, as a tariff rate's annual £ is the rate in
    // force: pupils × annual £ × months ÷ 12 is then the amount. The base year's fees shown beside
    // an uplifted amount missed it by the uplift when an officer's trial multiplied them out.
    const one = factors.length === 1 && factors[0] !== '1' ? given[0]! : undefined;
    return [
      {
        count: withThousands(toCount2dp(inputs['pupils'] as Decimal)),
        rate: money(one ? (inputs['annualCost'] as Decimal).times(one) : inputs['annualCost']),
        months: String(inputs['months']),
        from: `base year ×${factors.join('…')}`,
        source: `cohort.csv annual_cost (annual £: their fees together${one ? ', as uplifted' : ''})`,
      },
    ];
  }
  notes.push(...inputNotes(node, inputs));
  if (inputs['note']) notes.push(`${node.label}: ${text(inputs['note'])}`);
  const source = [text(inputs['source']), inputs['lever'] ? `lever ${text(inputs['lever'])}` : '']
    .filter(Boolean)
    .join(', ');
  const cumulative = inputs['cumulativeAfter']
    ? `cumulative after: ${money(inputs['cumulativeAfter'])}`
    : '';
  return [
    {
      source: [source, cumulative].filter(Boolean).join('; '),
      ...(typeof inputs['months'] === 'number' ? { months: String(inputs['months']) } : {}),
    },
  ];
}
