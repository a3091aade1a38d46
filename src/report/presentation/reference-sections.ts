import { formatFinancialYear, monthName } from '../../core/period.js';
import type { Model } from '../../core/model.js';
import type { Lever } from '../../core/scenario/types.js';
import { upliftDayOf, type Tariff } from '../../core/tariff.js';
import { andList } from '../../core/words.js';
import { poundsText } from '../../core/money-text.js';
import { writeOffBasisWords } from '../headline.js';
import type { JsonOut } from '../json.js';
import type { ReportScenario } from './report-model.js';
import type { ReportSection } from './section.js';
import type { ReportColumn, ReportRow, ReportTable } from './table-model.js';

export const text = (key: string, label: string): ReportColumn => ({ key, label, kind: 'text' });
export const plain = (
  title: string,
  columns: ReportColumn[],
  rows: Record<string, ReportRow['cells'][string]>[],
): ReportTable => ({
  title,
  columns,
  rows: rows.map((cells) => ({ cells })),
});

/** A tariff's uplift day (MM-DD) as the UK writes it: "1 April". */
const dayWords = (day: string): string =>
  `${Number(day.slice(3))} ${monthName(Number(day.slice(0, 2)))}`;

/** The tariff's own uplift in words: "2% a year, each 1 April after the last dated row of each rate". */
function upliftWords(tariff: Tariff): string {
  if (tariff.uplift.method === 'none') return 'none';
  return `${tariff.uplift.annualRate.times(100).toFixed()}% a year, each ${dayWords(tariff.uplift.on)} after the last dated row of each rate`;
}

/**
 * The model's tariff uplift compounds with the tariff's own (tariffs/README.md, "The uplift
 * rule"): a trial read "0 (model.json)" alone while every rate rose the tariff's 2% a year.
 */
function tariffUpliftLabel(tariff: Tariff): string {
  const own =
    tariff.uplift.method === 'none'
      ? 'the tariff has none of its own'
      : `on top of the tariff's own ${tariff.uplift.annualRate.times(100).toFixed()}% a year`;
  return `Tariff uplift a year past the last sourced rate, each ${dayWords(upliftDayOf(tariff))} (${own})`;
}

/** The assumptions each scenario projects with: the model's, and any a scenario overrides. */
export function assumptionsSection(
  model: Model,
  scenarios: readonly ReportScenario[],
): ReportSection {
  const names = [
    ['newPlansGrowth', 'Growth in new plans a year'],
    ['hnbGrowth', 'Growth in the HNB allocation a year, after the last given year'],
    ['tariffUplift', tariffUpliftLabel(model.tariff)],
  ] as const;
  const columns = [
    text('assumption', 'Assumption'),
    ...scenarios.map((s) => text(s.scenario.id, s.scenario.label)),
  ];
  const rows = names.map(([key, label]) => ({
    assumption: label,
    ...Object.fromEntries(
      scenarios.map((s) => {
        const own = s.scenario.assumptions[key];
        return [
          s.scenario.id,
          `${(own ?? model.assumptions[key]).toFixed()}${own ? ' (scenario)' : ' (model.json)'}`,
        ];
      }),
    ),
  }));
  const levers = scenarios.flatMap((s) =>
    s.scenario.levers.map((l) => ({
      scenario: s.scenario.id,
      lever: l.id,
      kind: l.kind,
      label: l.label,
      size: leverSize(l),
    })),
  );
  return {
    id: 'assumptions',
    title: 'Assumptions',
    paragraphs: [
      `${model.area.name} (${model.area.code}): base January cohort of ${formatFinancialYear(model.baseYear).replace('-', '/')}, projected to ${formatFinancialYear(model.horizon)}. Rates are shares a year; 0.06 is 6%.`,
    ],
    tables: [
      plain('Assumptions by scenario', columns, rows),
      ...overrideTable(model),
      ...writeOffTable(scenarios),
      ...transferLimitTable(model, scenarios),
      ...(levers.length
        ? [
            plain(
              'Levers by scenario',
              [
                text('scenario', 'Scenario'),
                text('lever', 'Lever'),
                text('kind', 'Kind'),
                text('label', 'What it does'),
                text('size', 'How much (and, simulated, its range)'),
              ],
              levers,
            ),
          ]
        : []),
    ],
  };
}

/**
 * The statutory override's end, which the headline dates its deficit by, with where it comes
 * from: a published date is cited as the tariff's rates are (found by an officer's trial: the
 * headline said "when the statutory override ends" with no source for 2027-28).
 */
function overrideTable(model: Model): ReportTable[] {
  if (model.overrideEnd === undefined) return [];
  const source = model.overrideSource;
  const own = source?.from === 'model.json';
  return [
    policyFigure(
      'The statutory override: the last financial year a council keeps a DSG deficit in an unusable reserve, away from its general fund',
      { label: 'Last financial year', value: formatFinancialYear(model.overrideEnd) },
      {
        status: own ? "the model's own date" : (source?.status ?? ''),
        from: own ? 'model.json overrideEnd' : 'policy/statutory-override.json',
        ...(source?.from === 'policy' && source.reference ? { reference: source.reference } : {}),
      },
    ),
  ];
}

/**
 * How each scenario's deficit write-off grant is worked out (model.json's writeOff): found by a
 * Forum reading, the report showed a write-off grant of £1,080,000.00 and nowhere its 0.9 × the
 * deficit at the end of 2025-26, which `project`'s table prints.
 */
function writeOffTable(scenarios: readonly ReportScenario[]): ReportTable[] {
  const rows = scenarios.flatMap(({ scenario, projection }) => {
    const w = projection.writeOff;
    if (!w) return [];
    return [
      {
        scenario: scenario.label,
        paid_in: formatFinancialYear(w.paidIn),
        share: w.share,
        balance_year: formatFinancialYear(w.balanceYear),
        deficit: w.eligibleDeficit,
        basis: writeOffBasisWords(w),
        amount: w.amount,
      },
    ];
  });
  if (rows.length === 0) return [];
  return [
    {
      ...plain(
        'The deficit write-off grant (High Needs Stability Grant): a share of the high-needs DSG deficit at the end of a year, paid as income',
        [
          text('scenario', 'Scenario'),
          text('paid_in', 'Paid in'),
          { key: 'share', label: 'Share of the deficit', kind: 'share' },
          text('balance_year', 'Deficit at the end of'),
          { key: 'deficit', label: 'Deficit, £', kind: 'money' },
          text('basis', 'Deficit from'),
          { key: 'amount', label: 'Grant, £', kind: 'money' },
        ],
        rows,
      ),
      note: "The share and the two years are model.json's writeOff, the model's own figures; the grant is the share times the deficit, and is the write-off line of Spend, income and balance.",
    },
  ];
}

/**
 * The share of the schools block a Schools Forum can approve moving to the high-needs block, which
 * the run checks each year's transfers against (TRANSFER_NEEDS_DISAPPLICATION): shown, with its
 * status and source, where the model or a scenario moves any (found by a domain audit: a
 * published policy figure the report used without saying it).
 */
function transferLimitTable(model: Model, scenarios: readonly ReportScenario[]): ReportTable[] {
  const transfers = (rows: readonly { readonly line: string }[]) =>
    rows.some((row) => row.line === 'block_transfer');
  const moved =
    transfers(model.funding) ||
    scenarios.some(
      ({ scenario }) =>
        transfers(scenario.funding) ||
        scenario.levers.some((lever) => lever.kind === 'funding' && transfers(lever.rows)),
    );
  if (model.transferLimit === undefined || !moved) return [];
  const source = model.transferLimitSource;
  return [
    policyFigure(
      "The Schools Forum's limit: the largest share of the schools block it can approve moving to the high needs block in a year, above which a transfer needs the Secretary of State's approval",
      {
        label: 'Share of the schools block',
        value: `${model.transferLimit.times(100).toFixed()}%`,
      },
      {
        status: source?.status ?? '',
        from: 'policy/schools-forum-transfer-limit.json',
        ...(source?.reference ? { reference: source.reference } : {}),
      },
    ),
  ];
}

/** One policy figure with its status, the file it is from and its source, cited as the tariff's values are. */
function policyFigure(
  caption: string,
  figure: { readonly label: string; readonly value: string },
  cited: {
    readonly status: string;
    readonly from: string;
    readonly reference?: { readonly title: string; readonly url?: string };
  },
): ReportTable {
  return plain(
    caption,
    [
      text('figure', figure.label),
      text('status', 'Status'),
      text('from', 'From'),
      text('title', 'Source'),
      text('url', 'Address'),
    ],
    [
      {
        figure: figure.value,
        status: cited.status,
        from: cited.from,
        title: cited.reference?.title ?? '',
        url: cited.reference?.url ?? '',
      },
    ],
  );
}

/**
 * A lever's figure as scenarios.json gives it, and the range a simulation draws it from: what the
 * fan chart of the same report rests on (docs/scenarios.md, "Levers").
 */
function leverSize(lever: Lever): string {
  // Found by a Forum reading: "1 funding line" said neither the sum nor its year.
  if (lever.kind === 'funding')
    return lever.rows
      .map((row) => {
        const share =
          row.share && row.schoolsBlock
            ? ` (${row.share.times(100).toFixed()}% of a ${poundsText(row.schoolsBlock)} schools block)`
            : '';
        return `${row.line} ${poundsText(row.amount)} in ${formatFinancialYear(row.financialYear)}${share}`;
      })
      .join('; ');
  if (lever.kind === 'tariff' && lever.share === undefined)
    return `the tariff ${lever.tariff?.id ?? ''}`.trimEnd();
  const range = lever.range
    ? `; simulated from ${lever.range.low.toFixed()} to ${lever.range.high.toFixed()} (${lever.range.uniform ? 'uniform' : 'triangular'})`
    : '';
  if (lever.kind === 'places')
    return `${lever.places.toFixed()} places in ${lever.setting}${range}`;
  return `share ${lever.share!.toFixed()}${range}`;
}

/**
 * Each table a chosen scenario's tariff levers switch settings to, once, after the model's own:
 * the scenario's figures from the lever's date are priced by it (found by an officer's trial: the
 * report showed only the model's table, so the rates behind a mitigated plan were nowhere in it).
 */
export function switchedTariffSections(
  scenarios: readonly ReportScenario[],
  /** The model's own table, shown already: a switch to the same table is not shown twice. */
  own: Tariff,
): ReportSection[] {
  const switches = new Map<string, { tariff: Tariff; uses: string[] }>();
  // Found by a review: a national model's area priced by national-illustrative showed that table
  // again as the one the national-tariff scenario switches to "in place of the model's table".
  const shown = JSON.stringify(own);
  for (const { scenario } of scenarios)
    for (const lever of scenario.levers ?? []) {
      if (lever.kind !== 'tariff' || !lever.tariff) continue;
      if (lever.tariff.id === own.id && JSON.stringify(lever.tariff) === shown) continue;
      const entry = switches.get(lever.tariff.id) ?? { tariff: lever.tariff, uses: [] };
      switches.set(lever.tariff.id, entry);
      const settings = lever.filter.settings ? andList(lever.filter.settings) : 'every setting';
      entry.uses.push(
        `scenario "${scenario.label}" (lever ${lever.id}) prices ${settings} by it from ${lever.fromDate}`,
      );
    }
  return [...switches.values()].map(({ tariff, uses }, i) =>
    tariffSection(tariff, {
      id: `tariff-switched-${i + 1}`,
      title: `Tariff a scenario switches to: ${tariff.title}`,
      lead: `In place of the model's table: ${uses.join('; ')}.`,
    }),
  );
}

/** The tariff: every setting and rate with its status and source, and the sources themselves. */
export function tariffSection(
  tariff: Tariff,
  /** For a table a scenario switches to (switchedTariffSections): its own id and title, and which scenarios use it. */
  as?: { readonly id: string; readonly title: string; readonly lead: string },
): ReportSection {
  const cite = (reference: string | undefined) => reference ?? '';
  return {
    id: as?.id ?? 'tariff',
    title: as?.title ?? `Tariff: ${tariff.title}`,
    paragraphs: [
      ...(as ? [as.lead] : []),
      // The statuses as tariffs/README.md defines them.
      'Status says how each value is known: published (as a cited document states it), derived (worked out from published figures), assumption (not in a source, or not confirmed) or illustrative (made up to show the format or a policy idea; never a real rate). The source beside a value that is not published is what it was worked out from or set beside, not a document that states it; the sources are listed after the rates.',
      `Uplift: ${upliftWords(tariff)}${tariff.uplift.method === 'none' ? '' : '; the rates it gives are projections, not published values'}.`,
    ],
    tables: [
      {
        ...plain(
          'Settings and place values',
          [
            text('setting', 'Setting'),
            text('label', 'Label'),
            { key: 'place_value', label: 'Place value, £', kind: 'money' },
            // Found by a Forum reading: the costing charges an unfilled place at its own value and a
            // "dfe" setting's places as a deduction from the HNB, not spend; the table showed neither.
            { key: 'unoccupied_place_value', label: 'Unfilled place value, £', kind: 'money' },
            text('place_funded_by', 'Places paid by'),
            text('status', 'Status'),
            text('reference', 'Source'),
          ],
          tariff.settings.map((s) => ({
            setting: s.id,
            label: s.label,
            place_value: s.placeValue,
            unoccupied_place_value: s.unoccupiedPlaceValue,
            place_funded_by:
              s.placeFundedBy === 'dfe' ? 'the DfE (deducted from the HNB)' : 'the authority',
            status: s.status ?? '',
            reference: cite(s.reference),
          })),
        ),
        note: "A place value is a year of funding for each commissioned place. A place no pupil fills is charged at the unfilled place value where the setting has one (blank: the place value). Places the DfE pays are not the authority's spend: they are deducted from its high needs block (the deductions line of Spend, income and balance).",
      },
      plain(
        'Top-up rates',
        [
          text('effective_from', 'From'),
          text('setting', 'Setting'),
          text('band', 'Band'),
          text('need', 'Need'),
          { key: 'top_up', label: 'Annual top-up, £', kind: 'money' },
          text('status', 'Status'),
          text('reference', 'Source'),
        ],
        tariff.rates.map((r) => ({
          effective_from: r.effectiveFrom,
          setting: r.setting,
          band: r.band,
          need: r.need,
          top_up: r.topUp,
          status: r.status ?? '',
          reference: cite(r.reference),
        })),
      ),
      plain(
        'Sources',
        [text('id', 'Source'), text('title', 'Title'), text('url', 'Address')],
        tariff.references.map((r) => ({ id: r.id ?? '', title: r.title, url: r.url })),
      ),
    ],
  };
}

/** A manifest's inputs, each with its SHA-256: the table every provenance section starts with. */
export function inputsTable(manifest: JsonOut): ReportTable {
  const inputs = ((manifest as { [key: string]: JsonOut })['inputs'] ?? []) as {
    path: string;
    sha256: string;
  }[];
  return {
    ...plain(
      'Inputs',
      [text('path', 'File'), text('sha256', 'SHA-256')],
      inputs.map((i) => ({ path: i.path, sha256: i.sha256 })),
    ),
    // The names as src/io/provenance-name.ts gives them: no install path, no user's folders.
    note: `Files are named relative to the model's folder; a name beginning highneeds: is a file of highneeds's own library (its tariffs, policy and templates) as shipped with the version above.`,
  };
}

/** The provenance manifest: tool version, every input with its SHA-256, the tariff rows' dates, the options. */
export function provenanceSection(manifest: JsonOut): ReportSection {
  const m = manifest as { [key: string]: JsonOut };
  const tariff = m['tariff'] as { [key: string]: JsonOut } | undefined;
  const options = (m['options'] as { [key: string]: JsonOut }) ?? {};
  return {
    id: 'provenance',
    title: 'Provenance',
    paragraphs: [
      `Made by highneeds ${String(m['version'])}. The same inputs and options give the same report, byte for byte; the SHA-256 of each input identifies the exact file.`,
    ],
    tables: [
      inputsTable(manifest),
      plain(
        'Tariff and options',
        [text('item', 'Item'), text('value', 'Value')],
        [
          { item: 'Tariff', value: String(tariff?.['id'] ?? '') },
          {
            item: 'Tariff rows charged, effective from',
            value: ((tariff?.['effective_dates_used'] as string[]) ?? []).join(', '),
          },
          ...Object.entries(options).map(([item, value]) => ({
            item: `Option ${item}`,
            value: String(value),
          })),
        ],
      ),
    ],
  };
}
