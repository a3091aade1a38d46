import type { Tariff, TariffRate } from '../core/tariff.js';
import { monthName } from '../core/period.js';
import {
  type AcademicYear,
  firstProjectedFinancialYear,
  formatAcademicYear,
  formatFinancialYear,
} from '../core/period.js';
import { withThousands } from '../core/thousands.js';
import { csvText } from '../core/csv-text.js';

/**
 * The model folder `highneeds init` writes: every file a model folder can hold, each with its
 * header row and one example row that validates against the chosen tariff, and a README.md that
 * explains every column in plain words and where its figures come from. Pure: no files, no clock.
 */

export interface InitSpec {
  /** The area's code and name (a national model: its one example area). */
  readonly code: string;
  readonly name: string;
  /** What model.json's `tariff` says: a library id, or `tariff.json` for a file copied into the folder. */
  readonly tariffName: string;
  readonly tariff: Tariff;
  /** The academic year of the January census the cohort is from. */
  readonly baseYear: AcademicYear;
  /** A national model folder (model.json naming areas.csv; an `area` column in every CSV). */
  readonly national: boolean;
}

export interface TemplateFile {
  readonly name: string;
  readonly text: string;
}

/** How far the projection runs: this many financial years from the first projected one. */
const INIT_HORIZON_YEARS = 5;

/** Each CSV's columns in the order written (a national model puts `area` first), and what each means. */
interface CsvTemplate {
  readonly file: string;
  readonly required: boolean;
  readonly what: string;
  readonly source: string;
  readonly columns: readonly (readonly [name: string, meaning: string])[];
}

/** The settings an example row prefers, most typical first; otherwise the tariff's first priced setting. */
const PREFERRED_HOME = ['special-maintained', 'special-academy', 'special', 'mainstream'];
const PREFERRED_FEEDER = ['mainstream'];

interface Examples {
  /** Where the cohort's example pupils are, at a band the tariff prices (band '' with an annual_cost when it prices none). */
  readonly home: { setting: string; band: string; annualCost: string };
  /** Where new plans start, and transitions move from. */
  readonly feeder?: { setting: string; band: string };
  /** Where transitions move to (a different setting, or another band of the same one). */
  readonly move?: { setting: string; band: string };
  /** A place-funded setting, for places.csv. */
  readonly placed?: string;
}

/** Bands priced for every need with no end date, so a pupil in them is charged in every projected month. */
function openBands(tariff: Tariff, setting: string): string[] {
  const bands: string[] = [];
  const ended = new Set(
    tariff.rates
      .filter((rate) => rate.endDate !== undefined)
      .map((rate) => rate.band + '\u0000' + rate.setting),
  );
  for (const rate of tariff.rates as readonly TariffRate[]) {
    if (
      rate.setting !== setting ||
      rate.need !== '*' ||
      ended.has(rate.band + '\u0000' + rate.setting) ||
      bands.includes(rate.band)
    )
      continue;
    bands.push(rate.band);
  }
  return bands;
}

function pickBand(bands: readonly string[]): string {
  return bands.includes('2') ? '2' : bands[0]!;
}

function examples(tariff: Tariff): Examples {
  const priced = tariff.settings.map((s) => s.id).filter((id) => openBands(tariff, id).length > 0);
  const choose = (preferred: readonly string[]) =>
    preferred.find((id) => priced.includes(id)) ?? priced[0];
  const homeSetting = choose(PREFERRED_HOME);
  const funded = tariff.settings.filter((s) => s.placeValue.greaterThan(0)).map((s) => s.id);
  const placed =
    homeSetting !== undefined && funded.includes(homeSetting) ? homeSetting : funded[0];
  if (!homeSetting) {
    // A table of place values only: pupils carry their own annual cost, and new plans and moves need a priced band.
    const setting = placed ?? tariff.settings[0]!.id;
    return { home: { setting, band: '', annualCost: '25000.00' }, ...(placed ? { placed } : {}) };
  }
  const homeBands = openBands(tariff, homeSetting);
  const home = { setting: homeSetting, band: pickBand(homeBands), annualCost: '' };
  const feederSetting = choose(PREFERRED_FEEDER)!;
  const feeder = { setting: feederSetting, band: pickBand(openBands(tariff, feederSetting)) };
  let move: Examples['move'];
  if (feederSetting !== homeSetting) move = { setting: homeSetting, band: home.band };
  else {
    const other = homeBands.find((band) => band !== feeder.band);
    if (other) move = { setting: homeSetting, band: other };
  }
  return { home, feeder, ...(move ? { move } : {}), ...(placed ? { placed } : {}) };
}

/** A CSV line; a cell with a comma, quote or line break (an area name, say) is quoted. */
const line = (cells: readonly string[]): string => csvText([cells]);

export function initTemplate(spec: InitSpec): TemplateFile[] {
  const base = spec.baseYear;
  const firstFy = firstProjectedFinancialYear(base);
  const horizon = firstFy + INIT_HORIZON_YEARS - 1;
  const ex = examples(spec.tariff);
  const area = spec.national ? [spec.code] : [];
  const noArea = spec.national ? [''] : [];
  const header = (columns: readonly string[]) =>
    line([...(spec.national ? ['area'] : []), ...columns]);
  const label = (setting: string) =>
    spec.tariff.settings.find((s) => s.id === setting)?.label ?? setting;

  const csv: Record<string, { columns: string[]; rows: string[][] }> = {
    'cohort.csv': {
      columns: ['ncy', 'need', 'setting', 'band', 'count', 'annual_cost', 'out_of_area'],
      rows: [[...area, '7', 'ASD', ex.home.setting, ex.home.band, '12', ex.home.annualCost, '0']],
    },
    'new-plans.csv': {
      columns: ['ncy', 'need', 'setting', 'band', 'count', 'rate', 'academic_year', 'out_of_area'],
      rows: ex.feeder
        ? [[...area, '0', 'SLCN', ex.feeder.setting, ex.feeder.band, '5', '', '', '0']]
        : [],
    },
    'ceasing.csv': {
      columns: ['ncy', 'rate', 'need', 'setting'],
      rows: [[...noArea, '11', '0.05', '', '']],
    },
    'transitions.csv': {
      columns: ['from_ncy', 'from_setting', 'to_setting', 'rate', 'to_band', 'need', 'to_need'],
      rows:
        ex.feeder && ex.move
          ? [[...noArea, '6', ex.feeder.setting, ex.move.setting, '0.05', ex.move.band, '', '']]
          : [],
    },
    'places.csv': {
      columns: ['academic_year', 'setting', 'places', 'imported'],
      // Every modelled year from the first September projected: a setting's places stop where its
      // rows do, and are its pupils after (PLACES_END_EARLY).
      rows: ex.placed
        ? Array.from({ length: horizon - base }, (_, i) => [
            ...area,
            formatAcademicYear(base + 1 + i),
            ex.placed!,
            '15',
            '0',
          ])
        : [],
    },
    'population.csv': { columns: ['academic_year', 'ncy', 'population'], rows: [] },
    'capacity.csv': {
      columns: ['academic_year', 'setting', 'places', 'overflow_to', 'overflow_band'],
      rows: [],
    },
    'spend.csv': {
      columns: ['financial_year', 'line', 'amount', 's251', 'growth', 'note'],
      rows: [
        [
          ...area,
          formatFinancialYear(firstFy),
          'SEN support services',
          '50000.00',
          '1.2.5',
          '',
          'placeholder: your s251 budget line',
        ],
      ],
    },
    'funding.csv': {
      columns: ['financial_year', 'line', 'amount', 'share', 'schools_block', 'note'],
      rows: [
        [
          ...area,
          formatFinancialYear(firstFy - 1),
          'opening_balance',
          '-1000000.00',
          '',
          '',
          `cumulative high-needs DSG balance at 31 March ${firstFy}; negative = deficit`,
        ],
        [
          ...area,
          formatFinancialYear(firstFy),
          'hnb_allocation',
          '600000.00',
          '',
          '',
          'high needs block after deductions; later years grow by hnbGrowth',
        ],
        [
          ...area,
          formatFinancialYear(firstFy),
          'hnb_deductions',
          '0.00',
          '',
          '',
          '0: hnb_allocation is after deductions (give the allocation before deductions and the published deductions instead, if you have them)',
        ],
      ],
    },
  };

  const model = spec.national
    ? {
        areas: 'areas.csv',
        baseYear: formatAcademicYear(base),
        horizon: formatFinancialYear(horizon),
        tariff: spec.tariffName,
        assumptions: { newPlansGrowth: '0', hnbGrowth: '0', tariffUplift: '0' },
      }
    : {
        area: { code: spec.code, name: spec.name },
        baseYear: formatAcademicYear(base),
        horizon: formatFinancialYear(horizon),
        tariff: spec.tariffName,
        assumptions: { newPlansGrowth: '0', hnbGrowth: '0', tariffUplift: '0' },
      };
  const files: TemplateFile[] = [
    { name: 'model.json', text: `${JSON.stringify(model, null, 2)}\n` },
  ];
  if (spec.national) {
    files.push({
      name: 'areas.csv',
      text:
        line([
          'area_code',
          'area_name',
          'tariff',
          'newPlansGrowth',
          'hnbGrowth',
          'tariffUplift',
          'baseYear',
          'horizon',
        ]) + line([spec.code, spec.name, '', '', '', '', '', '']),
    });
  }
  for (const [name, { columns, rows }] of Object.entries(csv))
    files.push({ name, text: header(columns) + rows.map(line).join('') });
  files.push({ name: 'README.md', text: readme(spec, ex, { firstFy, horizon, label, csv }) });
  return files;
}

/** cohort.csv's and new-plans.csv's out_of_area column (docs/methodology.md, money example (e)). */
const OUT_OF_AREA = [
  'out_of_area',
  "optional: 1 (or yes, true, Y) for pupils placed in another authority's provider: you pay their top-up, but the place is that authority's to fund, so no place is charged and they fill none of your places. 0 or blank (the default): placed in your area's own providers.",
] as const;

/** Every CSV of the folder, in the order the README explains them. */
const TEMPLATES: readonly CsvTemplate[] = [
  {
    file: 'cohort.csv',
    required: true,
    what: 'the pupils with an EHCP at the January census of the base year: where they are placed and at what band.',
    source:
      "your SEN2 return for that January (pupils by NCY, primary need and placement), joined to your banding records for each pupil's band. One row per pupil, or one row per group of identical pupils with a `count`.",
    columns: [
      [
        'ncy',
        'National Curriculum Year, from -3 to 20: Reception is 0, Year 7 is 7, Year 14 (age 18) is 14. Age at 31 August = NCY + 4.',
      ],
      [
        'need',
        'the primary need as the SEN2 code: ASD, HI, MLD, MSI, OTH, PD, PMLD, SEMH, SLCN, SLD, SpLD, VI or DS. SEN2\'s "Unknown" (no primary need recorded) is not modelled: give those pupils a need, such as your most common or OTH, and note the choice.',
      ],
      ['setting', 'where the pupil is placed: the id of a setting in the tariff (listed above).'],
      [
        'band',
        "the pupil's band in that setting, as the tariff names it; leave empty when `annual_cost` is given.",
      ],
      ['count', 'how many pupils the row stands for (blank = 1).'],
      [
        'annual_cost',
        "optional: the pupil's own yearly top-up (for example an independent school fee, from the placement contract or your s251 outturn), used instead of the tariff's. A pupil who later moves to another setting under transitions.csv is charged the new placement's tariff top-up from the move (the fee stays with the pupils who remain); a change of need or band in the same setting keeps the fee.",
      ],
      OUT_OF_AREA,
    ],
  },
  {
    file: 'new-plans.csv',
    required: false,
    what: 'the new EHCPs you expect each year, by the NCY, need, setting and band they start in.',
    source:
      "the new plans issued in recent SEN2 returns (table of new EHCPs by age and need), or your SEND service's forecast of requests and conversion rates.",
    columns: [
      ['ncy, need, setting, band', 'as in cohort.csv: where the new plans start.'],
      [
        'count',
        'new plans a year (grown each year by `newPlansGrowth` in model.json). Give this or `rate`, not both.',
      ],
      [
        'rate',
        'new plans per head of the resident population of that NCY (needs population.csv): 0.002 is 2 per 1,000 children.',
      ],
      [
        'academic_year',
        'optional: only in that year (like 2027/28); blank = every projected year.',
      ],
      ['out_of_area', 'optional: as in cohort.csv, for the new plans.'],
    ],
  },
  {
    file: 'ceasing.csv',
    required: false,
    what: 'the share of plans that end each year (other than at age 25), by NCY.',
    source:
      "SEN2's plans ceased in the last year (by reason and age) divided by the plans held at that age a year before.",
    columns: [
      ['ncy', 'the NCY the pupils are in.'],
      [
        'rate',
        'the share of those pupils whose plan ceases in the year, as a decimal: 0.05 is 5%.',
      ],
      [
        'need, setting',
        'optional: only pupils with this need, or in this setting (blank = all). The most specific row wins.',
      ],
    ],
  },
  {
    file: 'transitions.csv',
    required: false,
    what: 'moves between settings, usually at the phase transfers (end of Year 6, end of Year 11).',
    source:
      'your placement records: of the pupils in a setting at the end of a year, how many were in another setting the January after.',
    columns: [
      ['from_ncy', 'the NCY pupils move from (they arrive a year older).'],
      ['from_setting, to_setting', 'the settings they move from and to.'],
      ['rate', 'the share of those pupils who move, as a decimal: 0.05 is 5%.'],
      ['to_band', 'optional: their band in the new setting (blank = the same band).'],
      ['need', 'optional: only pupils with this primary need move.'],
      ['to_need', 'optional: their primary need after the move (blank = unchanged).'],
    ],
  },
  {
    file: 'places.csv',
    required: false,
    what: 'the places you commission in place-funded settings (special schools, resourced provision, AP, FE), each academic year.',
    source:
      'your commissioned-places return to the ESFA (the places census) and the high needs place change notifications; later years from your sufficiency plan.',
    columns: [
      ['academic_year', 'the academic year, like 2026/27.'],
      ['setting', 'a setting in the tariff.'],
      [
        'places',
        "the places commissioned in your area's own providers, paid whoever fills them. Where a year or setting has no row, its own pupils (not those out of area) are taken as its places.",
      ],
      [
        'imported',
        "optional: how many of those places pupils from other authorities fill (0 or blank = none). Their top-ups are their home authority's; here they only count as filled places, for settings whose empty places cost more (resourced provision and SEN units).",
      ],
    ],
  },
  {
    file: 'population.csv',
    required: false,
    what: 'all children resident in the area (not only those with plans) by NCY, each January: needed only when new-plans.csv gives a `rate`. Left with its header only; fill it in or delete it.',
    source:
      'ONS subnational population projections (or GLA projections) by single year of age, or your school-place planning forecasts.',
    columns: [
      [
        'academic_year',
        'the academic year of the January, like 2026/27 (the base year to the horizon).',
      ],
      ['ncy', 'the NCY (age at 31 August − 4).'],
      ['population', 'the number of resident children.'],
    ],
  },
  {
    file: 'capacity.csv',
    required: false,
    what: 'the most pupils with plans a setting can hold each January; pupils above it go to another setting. Left with its header only; fill it in or delete it.',
    source: 'your SEND sufficiency plan.',
    columns: [
      ['academic_year', 'a projected academic year, like 2027/28.'],
      ['setting', 'the setting that is full.'],
      ['places', 'the pupils with plans it can hold.'],
      [
        'overflow_to',
        'optional: where the pupils above it go (blank = `overflowSetting` in model.json).',
      ],
      ['overflow_band', 'optional: their band there (blank = their own).'],
    ],
  },
  {
    file: 'spend.csv',
    required: false,
    what: 'the high-needs spend besides top-ups and places: the other lines of the s251 high-needs budget (SEN support services, hospital education, alternative provision not priced by the tariff, therapies…), each financial year.',
    source:
      'your s251 budget statement (high needs, lines 1.2.4 to 1.2.13) and the s251 outturn for the year before.',
    columns: [
      ['financial_year', 'the financial year, like 2026-27.'],
      ['line', 'the spend line in your own words; each line once a year.'],
      [
        'amount',
        'pounds and pence, as in funding.csv. Years after the last one given take its amount grown by `growth` (else `otherSpendGrowth` in model.json, else flat).',
      ],
      ['s251', 'optional: the s251 line number, like 1.2.5, for your own reference.'],
      ['growth', 'optional: yearly growth of this line (0.03 is 3%).'],
      ['note', 'optional: your own note; not read.'],
    ],
  },
  {
    file: 'funding.csv',
    required: true,
    what: 'the money in: the high needs block and anything else that funds high-needs spend, and the balance the projection starts from.',
    source:
      "the DfE's high needs national funding formula allocation table (your authority's DSG allocations page): either the high needs elements before deductions for `hnb_allocation` with the published deductions (academy recoupment, NMSS, FE) as `hnb_deductions`, or the high needs block after deductions for `hnb_allocation` with `hnb_deductions` 0 (as the example row does; never the after-deductions figure without that 0 row, or the deductions are taken off twice); your DSG management plan (or the DSG note to the accounts and s251 outturn) for the `opening_balance`; Schools Forum decisions for `block_transfer`; a Safety Valve agreement for `safety_valve`; your budget statements (s251 budget) for `la_contribution` and `other_income`.",
    columns: [
      ['financial_year', 'the financial year, like 2026-27 (April to March).'],
      [
        'line',
        '`opening_balance` (exactly one: the cumulative high-needs DSG balance at the end of the year before the first projected year; negative is a deficit), `hnb_allocation` (the allocation before deductions; later years without a row grow by `hnbGrowth`), `hnb_deductions` (what the DfE deducts for the academy, NMSS and FE places it funds directly; 0 when `hnb_allocation` is already after deductions), `import_export` (the published import/export adjustment, signed), `block_transfer`, `safety_valve`, `la_contribution` or `other_income`. Other spend lines (SEN support services, hospital education…) go in a `spend.csv` (`financial_year, line, amount`), not here.',
      ],
      [
        'amount',
        'pounds and pence: `12000.50`, or as a spreadsheet writes it, `£12,000.50` (each such cell is listed on stderr).',
      ],
      [
        'share, schools_block',
        'on `block_transfer` rows only: leave `amount` empty and give the share of the schools block moved (0.005 is 0.5%), or give both figures to have the 0.5% limit checked.',
      ],
      ['note', 'optional: your own note; not read.'],
    ],
  },
];

function readme(
  spec: InitSpec,
  ex: Examples,
  at: {
    firstFy: number;
    horizon: number;
    label: (setting: string) => string;
    csv: Record<string, { rows: string[][] }>;
  },
): string {
  const { firstFy, horizon, label } = at;
  const base = spec.baseYear;
  const fy = formatFinancialYear;
  const national = spec.national;
  const out: string[] = [];
  out.push(`# ${spec.name}${national ? ' (national model)' : ''}: a high-needs model`);
  out.push('');
  out.push(
    `Written by \`highneeds init\`. Every file holds its header row and an example row (funding.csv three; population.csv and capacity.csv none; spend.csv a placeholder line): replace the examples with your own figures, then check and run the model:`,
  );
  out.push('');
  out.push('```sh');
  out.push('highneeds validate .     # every problem at once, located by file, line and column');
  out.push(
    national
      ? 'highneeds batch . --out-dir out     # every area: out/summary.csv, out/national.csv, …'
      : 'highneeds project .      # the projection, one row per financial year',
  );
  out.push('```');
  out.push('');
  out.push(
    'Numbers are decimals (`12000.50`); what a spreadsheet writes is accepted where it is unambiguous: `£` and UK thousands separators on amounts, separators on counts, `5%` on a rate, each listed on stderr. Exponents (`1.2E+04`), `N/A` and `1.200,50` are refused. Save CSVs from Excel as "CSV UTF-8 (Comma delimited)". A file you do not need can be deleted, except model.json, cohort.csv and funding.csv.',
  );
  out.push('');
  out.push('## model.json');
  out.push('');
  out.push(
    national
      ? '- `areas`: the file listing the areas (areas.csv).'
      : `- \`area\`: your authority's code (the 3-digit LA number, like 880) and name. Now ${spec.code}, ${spec.name}.`,
  );
  out.push(
    `- \`baseYear\`: the academic year of the January census your cohort is from: ${formatAcademicYear(base)} is the January ${base + 1} census. The projection starts in April ${base + 1} (financial year ${fy(firstFy)}).`,
  );
  out.push(`- \`horizon\`: the last financial year projected: ${fy(horizon)}.`);
  out.push(
    `- \`tariff\`: the band and place values: ${spec.tariffName === 'tariff.json' ? 'tariff.json in this folder' : `\`${spec.tariffName}\`, a table of the tool's tariff library (\`highneeds tariffs list\`, \`highneeds tariffs show ${spec.tariffName}\`)`}: ${spec.tariff.title}. To use your own bands, export a table to a spreadsheet (\`highneeds tariffs export ${spec.tariffName === 'tariff.json' ? 'tariff.json' : spec.tariffName} --csv --out-dir mine\`), edit it, import it back into this folder and name the file here.`,
  );
  out.push(
    `- \`assumptions\`: decimal strings, all 0 here. \`newPlansGrowth\`: yearly growth of new plans given as counts (0.06 is 6%); \`hnbGrowth\`: yearly growth of the high needs block after the last \`hnb_allocation\` given; \`tariffUplift\`: a yearly rise in every top-up each 1 April, ${tariffOwnUplift(spec.tariff)}.`,
  );
  out.push('');
  if (national) {
    out.push('## areas.csv');
    out.push('');
    out.push(
      `One row per area: \`area_code\` and \`area_name\`, and optionally the area's own \`tariff\` (a file in this folder or a library id), \`newPlansGrowth\`, \`hnbGrowth\`, \`tariffUplift\`, \`baseYear\` and \`horizon\`; an empty cell takes model.json's value. The example is ${spec.code}, ${spec.name}, with model.json's values.`,
    );
    out.push('');
    out.push(
      `Every other CSV has an \`area\` column: a row with an area code is that area's; a row with it empty applies to every area (as the ceasing and transitions examples do). The columns here are listed without it.`,
    );
    out.push('');
  }
  out.push('## The settings and bands of the tariff');
  out.push('');
  for (const setting of spec.tariff.settings) {
    const bands = openBands(spec.tariff, setting.id);
    out.push(
      `- \`${setting.id}\` (${setting.label}): place value £${withThousands(setting.placeValue.toFixed(0))}; bands ${bands.length ? bands.map((b) => `\`${b}\``).join(', ') : 'none priced (give pupils an `annual_cost`)'}`,
    );
  }
  out.push('');
  const explain: Record<string, string> = {
    'cohort.csv': ex.home.band
      ? `12 pupils in Year 7 (NCY 7) whose primary need is autism (ASD), placed in ${label(ex.home.setting)} (\`${ex.home.setting}\`) at band ${ex.home.band}, in your area's own providers (\`out_of_area\` 0). Each is charged the tariff's top-up for that band every month.`
      : `12 pupils in Year 7 (NCY 7) whose primary need is autism (ASD), placed in ${label(ex.home.setting)} (\`${ex.home.setting}\`) at a top-up of £${ex.home.annualCost} a year each (the tariff prices no bands, so the row gives its own \`annual_cost\`).`,
    'new-plans.csv': ex.feeder
      ? `5 new plans a year in Reception (NCY 0) for speech, language and communication needs (SLCN), in ${label(ex.feeder.setting)} (\`${ex.feeder.setting}\`) at band ${ex.feeder.band}, in every projected year.`
      : 'none: the tariff prices no band for new plans to start in, so the file has its header only.',
    'ceasing.csv': `5% of plans at NCY 11 (Year 11) cease each year, whatever the need or setting${national ? ' (area empty: in every area)' : ''}.`,
    'transitions.csv':
      ex.feeder && ex.move
        ? `5% of pupils in ${label(ex.feeder.setting)} (\`${ex.feeder.setting}\`) at the end of Year 6 (NCY 6) move to ${label(ex.move.setting)} (\`${ex.move.setting}\`) at band ${ex.move.band} as they start Year 7${national ? ' (area empty: in every area)' : ''}.`
        : 'none: the tariff has no second setting or band to move to, so the file has its header only.',
    'places.csv': ex.placed
      ? `15 places commissioned in ${label(ex.placed)} (\`${ex.placed}\`) in each academic year from ${formatAcademicYear(base + 1)} to ${formatAcademicYear(horizon)}, each funded at the tariff's place value, none of them filled by pupils from other authorities (\`imported\` 0).`
      : 'none: no setting in the tariff is place-funded, so the file has its header only.',
    'population.csv': 'none (header only).',
    'capacity.csv': 'none (header only).',
    'spend.csv': `£50,000 of SEN support services (s251 line 1.2.5) in ${fy(firstFy)}, held flat after it: a placeholder; replace it with your s251 lines, or delete the row if you model top-ups and places alone.`,
    'funding.csv': `a deficit of £1,000,000 at 31 March ${firstFy} (the end of ${fy(firstFy - 1)}), and a high needs block of £600,000 for ${fy(firstFy)} after deductions (so \`hnb_deductions\` 0), held flat after it (\`hnbGrowth\` 0). Both are placeholders: replace them with your figures.`,
  };
  for (const template of TEMPLATES) {
    out.push(`## ${template.file}${template.required ? ' (required)' : ''}`);
    out.push('');
    out.push(`What: ${template.what}`);
    out.push('');
    out.push(`Where the figures come from: ${template.source}`);
    out.push('');
    out.push('| column | meaning |');
    out.push('|---|---|');
    if (national) out.push('| `area` | the area code from areas.csv; empty = every area |');
    for (const [name, meaning] of template.columns) out.push(`| \`${name}\` | ${meaning} |`);
    out.push('');
    out.push(`The example: ${explain[template.file]}`);
    out.push('');
  }
  // A DBV plan is what an officer models next; without a word here, the folder did not say
  // scenarios.json exists (an officer's trial wrote one from the highneeds docs alone).
  out.push('## scenarios.json (optional)');
  out.push('');
  out.push(
    `Not written by init. Your DSG management plan's or Delivering Better Value plan's scenarios: each an \`id\` and \`label\`, a \`base\` scenario it builds on, and \`levers\` (fewer new plans, ceasing, moves to other settings, a band review, places, funding), most with a \`profile\` of academic years such as \`"from": "${formatAcademicYear(base + 1)}"\`; dates are written YYYY-MM-DD and shares as decimals (\`"-0.1"\` is 10% fewer). \`highneeds compare .\` shows them side by side with the savings by lever. The format is in docs/scenarios.md of highneeds.`,
  );
  out.push('');
  out.push('## Checking the result');
  out.push('');
  out.push(
    `The projection's spend for ${fy(firstFy)} (top-ups plus place funding) should be close to the high-needs lines of your s251 budget statement for that year, and the years before it to your s251 outturn; a large gap usually means pupils missing from cohort.csv, bands that differ from what you pay, or places not in places.csv.`,
  );
  out.push('');
  out.push(
    'The full reference is the highneeds README ("The model folder"' +
      (national ? ', "National batch"' : '') +
      ').',
  );
  return `${out.join('\n')}\n`;
}

/**
 * What the tariff rises by itself, which tariffUplift adds to: a user trial set tariffUplift to 0
 * and found fees 4.04% higher two years on (docs/methodology.md, "The uplift rule").
 */
function tariffOwnUplift(tariff: Tariff): string {
  if (tariff.uplift.method === 'none')
    return "on top of the tariff's own uplift (this tariff has none)";
  const [month, day] = tariff.uplift.on.split('-').map(Number);
  return `on top of the tariff's own uplift: this tariff rises ${tariff.uplift.annualRate.times(100).toString()}% a year each ${day} ${monthName(month!)} after each rate's last dated row, and so do pupils' own annual_cost`;
}
