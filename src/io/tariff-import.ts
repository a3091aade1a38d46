import type { Decimal } from 'decimal.js';
import { parseDecimal } from '../core/decimal.js';
import { growthIssue } from '../core/growth.js';
import { error, type Issue, type Location } from '../core/issue.js';
import { NEED_CODES, type Need, parseNeed } from '../core/need.js';
import { isValidMonthDay } from '../core/period.js';
import { readSpreadsheetDate, whyNotSpreadsheetDate } from '../core/spreadsheet-date.js';
import {
  DEFAULT_UPLIFT_DAY,
  type Provenance,
  type Reference,
  type Tariff,
  type TariffBand,
  type TariffRate,
  type TariffSetting,
  type Uplift,
  PLACE_FUNDERS,
  VALUE_STATUSES,
  type ValueStatus,
} from '../core/tariff.js';
import { restoreText } from '../core/spreadsheet-text.js';
import { readCsvTable, type CsvRow } from './csv-table.js';
import {
  flushNormalisations,
  normalisations,
  spreadsheetNumber,
  whyNotNumber,
} from './normalise.js';
import { citableIds } from './read-citations.js';

export interface ImportSources {
  readonly rates: { readonly file: string; readonly text: string };
  readonly settings: { readonly file: string; readonly text: string };
  readonly references?: { readonly file: string; readonly text: string };
  readonly bands?: { readonly file: string; readonly text: string };
  readonly meta?: { readonly file: string; readonly text: string };
}

export interface ImportOverrides {
  readonly id?: string;
  readonly title?: string;
  readonly referenceUrl?: string;
  readonly referenceTitle?: string;
}

export interface ImportResult {
  readonly tariff?: Tariff;
  /** Its problems, and what it read in another form as warnings, as a model CSV's (src/io/normalise.ts). */
  readonly issues: Issue[];
}

/**
 * Reads the spreadsheet form of a tariff (README: tariffs import). Accepts the unambiguous
 * spreadsheet habits (£ signs and thousands separators in amounts, UK dd/mm/yyyy dates,
 * Excel's BOM, blank rows) and says what it changed, as a model CSV's reader does: one warning per
 * file, column and kind of change (NUMBER_NORMALISED, DATE_NORMALISED); refuses everything else
 * with a location.
 */
export function importTariff(sources: ImportSources, overrides: ImportOverrides): ImportResult {
  const issues: Issue[] = [];
  const cells = new CellReader(issues);
  const meta = readMeta(sources.meta, issues);
  const references = readReferences(sources.references, overrides, issues);
  const citable = citableIds(references);
  const settings = readSettings(sources.settings, cells, citable, issues);
  const settingIds = new Set(settings.map((s) => s.id));
  const rates = readRates(sources.rates, cells, settingIds, citable, issues);
  const bands = sources.bands ? readBands(sources.bands, settingIds, rates, issues) : [];
  const id = overrides.id ?? meta.get('id')?.value;
  const title = overrides.title ?? meta.get('title')?.value;
  if (!id)
    issues.push(
      error(
        'MISSING_VALUE',
        'the tariff needs an id: give --id (or an "id" row in tariff.csv)',
        meta.get('id')?.at ?? { file: sources.rates.file },
      ),
    );
  if (!title)
    issues.push(
      error(
        'MISSING_VALUE',
        'the tariff needs a title: give --title (or a "title" row in tariff.csv)',
        meta.get('title')?.at ?? { file: sources.rates.file },
      ),
    );
  if (references.length === 0)
    issues.push(
      error(
        'MISSING_VALUE',
        'the tariff needs at least one source: give --reference URL (or a references.csv)',
        { file: sources.rates.file },
      ),
    );
  const uplift = readUplift(meta, issues);
  flushNormalisations(issues);
  if (issues.some((i) => i.severity === 'error') || !id || !title || !uplift) return { issues };
  const tariffNotes = meta.get('notes')?.value;
  return {
    tariff: {
      id,
      title,
      currency: 'GBP',
      references,
      settings,
      rates,
      uplift,
      ...(bands.length ? { bands } : {}),
      ...(tariffNotes ? { notes: tariffNotes } : {}),
    },
    issues,
  };
}

class CellReader {
  constructor(private readonly issues: Issue[]) {}

  text(row: CsvRow, column: string): string | undefined {
    const value = restoreText(row.get(column));
    return value === '' ? undefined : value;
  }

  required(row: CsvRow, column: string): string | undefined {
    const value = this.text(row, column);
    if (value === undefined)
      this.issues.push(error('MISSING_VALUE', `"${row.label(column)}" is empty`, row.at(column)));
    return value;
  }

  amount(row: CsvRow, column: string): Decimal | undefined {
    const text = this.required(row, column);
    if (text === undefined) return undefined;
    const plain = parseDecimal(text);
    if (plain) return this.nonNegative(plain, row, column, text);
    // The same reading as a model CSV's amounts (src/io/normalise.ts).
    const spreadsheet = spreadsheetNumber(text, 'amount');
    if (spreadsheet) {
      normalisations(this.issues).note(
        spreadsheet.change,
        row.at(column),
        row.label(column),
        text,
        spreadsheet.plain,
      );
      return this.nonNegative(spreadsheet.value, row, column, text);
    }
    this.issues.push(
      error(
        'INVALID_NUMBER',
        `"${row.label(column)}" is "${text}": ${whyNotNumber(text, 'amount')}`,
        row.at(column),
        'write amounts like 12345.67 or £12,345.67',
      ),
    );
    return undefined;
  }

  date(row: CsvRow, column: string, optional = false): string | undefined {
    const text = optional ? this.text(row, column) : this.required(row, column);
    if (text === undefined) return undefined;
    const read = readSpreadsheetDate(text);
    if (read) {
      if (read.form !== 'iso')
        normalisations(this.issues).note(
          read.form === 'uk' ? 'ukDate' : 'otherDate',
          row.at(column),
          row.label(column),
          text,
          read.iso,
        );
      return read.iso;
    }
    this.issues.push(
      error(
        'INVALID_DATE',
        `"${row.label(column)}" is "${text}", ${whyNotSpreadsheetDate(text)}`,
        row.at(column),
      ),
    );
    return undefined;
  }

  provenance(row: CsvRow, citable: ReadonlySet<string>): Provenance {
    const basis = this.text(row, 'basis');
    const notes = this.text(row, 'notes');
    const statusText = this.text(row, 'status');
    const status = VALUE_STATUSES.find((s) => s === statusText?.toLowerCase()) as
      ValueStatus | undefined;
    if (statusText !== undefined && !status)
      this.issues.push(
        error(
          'INVALID_FIELD',
          `status "${statusText}" is not one of ${VALUE_STATUSES.join(', ')}`,
          row.at('status'),
        ),
      );
    const reference = this.text(row, 'reference');
    if (reference !== undefined && !citable.has(reference))
      this.issues.push(
        error(
          'UNKNOWN_REFERENCE',
          `reference "${reference}" is not an id in the references`,
          row.at('reference'),
        ),
      );
    return {
      ...(basis ? { basis } : {}),
      ...(status ? { status } : {}),
      ...(reference ? { reference } : {}),
      ...(notes ? { notes } : {}),
    };
  }

  private nonNegative(
    value: Decimal,
    row: CsvRow,
    column: string,
    text: string,
  ): Decimal | undefined {
    if (!value.isNegative() || value.isZero()) return value;
    this.issues.push(
      error(
        'NEGATIVE_VALUE',
        `"${row.label(column)}" is ${text}, which must not be negative`,
        row.at(column),
      ),
    );
    return undefined;
  }
}

function table(
  source: { file: string; text: string },
  required: readonly string[],
  optional: readonly string[],
  issues: Issue[],
): CsvRow[] {
  const parsed = readCsvTable(source.text, source.file, { required, optional });
  issues.push(...parsed.issues);
  return parsed.issues.some((i) => i.code === 'CSV_MALFORMED' || i.code === 'MISSING_COLUMN')
    ? []
    : parsed.rows;
}

/** A tariff.csv field's value and where it is written, to locate a problem with it at its cell. */
interface MetaField {
  readonly value: string;
  readonly at: Location;
}

function readMeta(source: ImportSources['meta'], issues: Issue[]): Map<string, MetaField> {
  const meta = new Map<string, MetaField>();
  if (source)
    for (const row of table(source, ['field', 'value'], [], issues))
      meta.set(row.get('field'), { value: restoreText(row.get('value')), at: row.at('value') });
  return meta;
}

function readReferences(
  source: ImportSources['references'],
  overrides: ImportOverrides,
  issues: Issue[],
): Reference[] {
  const references: Reference[] = [];
  if (source) {
    for (const row of table(source, ['title', 'url'], ['id'], issues)) {
      const id = restoreText(row.get('id'));
      const title = restoreText(row.get('title'));
      const url = restoreText(row.get('url'));
      if (!title || !url)
        issues.push(
          error(
            'MISSING_VALUE',
            'a reference needs a title and a url',
            row.at(title ? 'url' : 'title'),
          ),
        );
      else references.push({ ...(id ? { id } : {}), title, url });
    }
  }
  if (overrides.referenceUrl)
    references.push({
      title: overrides.referenceTitle ?? overrides.referenceUrl,
      url: overrides.referenceUrl,
    });
  return references;
}

function readSettings(
  source: ImportSources['settings'],
  cells: CellReader,
  citable: ReadonlySet<string>,
  issues: Issue[],
): TariffSetting[] {
  const seen = new Set<string>();
  return table(
    source,
    ['setting', 'label', 'place_value'],
    ['basis', 'status', 'reference', 'notes', 'place_funded_by', 'unoccupied_place_value'],
    issues,
  ).flatMap((row) => {
    const id = cells.required(row, 'setting');
    const label = cells.text(row, 'label');
    const placeValue = cells.amount(row, 'place_value');
    const funding = placeFunding(row, cells, placeValue, issues);
    const provenance = cells.provenance(row, citable);
    if (id && seen.has(id))
      issues.push(
        error('DUPLICATE_SETTING', `setting "${id}" is given more than once`, row.at('setting')),
      );
    if (!id || !placeValue || seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: label ?? id, placeValue, ...funding, ...provenance }];
  });
}

/** settings.csv's place_funded_by and unoccupied_place_value, checked as the JSON fields are (src/io/read-place-funding.ts). */
function placeFunding(
  row: CsvRow,
  cells: CellReader,
  placeValue: Decimal | undefined,
  issues: Issue[],
): Pick<TariffSetting, 'placeFundedBy' | 'unoccupiedPlaceValue'> {
  const funderText = cells.text(row, 'place_funded_by');
  const placeFundedBy = PLACE_FUNDERS.find((f) => f === funderText?.toLowerCase());
  if (funderText !== undefined && !placeFundedBy)
    issues.push(
      error(
        'PLACE_FUNDER_UNKNOWN',
        `place_funded_by "${funderText}" is not "la" or "dfe"`,
        row.at('place_funded_by'),
      ),
    );
  const unoccupied =
    cells.text(row, 'unoccupied_place_value') === undefined
      ? undefined
      : cells.amount(row, 'unoccupied_place_value');
  if (unoccupied && placeValue && unoccupied.lessThan(placeValue)) {
    issues.push(
      error(
        'UNOCCUPIED_BELOW_PLACE',
        `unoccupied_place_value ${unoccupied.toFixed(2)} is below place_value ${placeValue.toFixed(2)}`,
        row.at('unoccupied_place_value'),
      ),
    );
    return placeFundedBy ? { placeFundedBy } : {};
  }
  return {
    ...(placeFundedBy ? { placeFundedBy } : {}),
    ...(unoccupied ? { unoccupiedPlaceValue: unoccupied } : {}),
  };
}

function readRates(
  source: ImportSources['rates'],
  cells: CellReader,
  settings: ReadonlySet<string>,
  citable: ReadonlySet<string>,
  issues: Issue[],
): TariffRate[] {
  const seen = new Map<string, number>();
  return table(
    source,
    ['effective_from', 'setting', 'band', 'need', 'top_up'],
    ['end_date', 'basis', 'status', 'reference', 'notes'],
    issues,
  ).flatMap((row) => {
    const effectiveFrom = cells.date(row, 'effective_from');
    const endDate = cells.date(row, 'end_date', true);
    const setting = cells.required(row, 'setting');
    if (setting !== undefined && !settings.has(setting))
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${setting}" is not in the settings file`,
          row.at('setting'),
        ),
      );
    const band = cells.required(row, 'band');
    const needText = cells.required(row, 'need');
    const need: Need | '*' | undefined =
      needText === '*' ? '*' : needText === undefined ? undefined : parseNeed(needText);
    if (needText !== undefined && !need)
      issues.push(
        error(
          'UNKNOWN_NEED',
          `need "${needText}" is not a SEN2 code or "*"`,
          row.at('need'),
          `expected "*" or one of ${NEED_CODES.join(', ')}`,
        ),
      );
    const topUp = cells.amount(row, 'top_up');
    const provenance = cells.provenance(row, citable);
    if (effectiveFrom && endDate && endDate < effectiveFrom)
      issues.push(
        error(
          'INVALID_DATE',
          `end_date ${endDate} is before effective_from ${effectiveFrom}`,
          row.at('end_date'),
        ),
      );
    if (!effectiveFrom || !setting || !settings.has(setting) || !band || !need || !topUp) return [];
    const key = `${setting}\u0000${band}\u0000${need}\u0000${effectiveFrom}`;
    if (seen.has(key)) {
      issues.push(
        error(
          'DUPLICATE_TARIFF_ROW',
          `line ${seen.get(key)} already gives setting "${setting}", band "${band}", need ${need} from ${effectiveFrom}`,
          row.at(),
        ),
      );
      return [];
    }
    seen.set(key, row.line);
    return [
      { effectiveFrom, ...(endDate ? { endDate } : {}), setting, band, need, topUp, ...provenance },
    ];
  });
}

function readBands(
  source: NonNullable<ImportSources['bands']>,
  settings: ReadonlySet<string>,
  rates: readonly TariffRate[],
  issues: Issue[],
): TariffBand[] {
  const priced = new Set(rates.map((r) => `${r.setting}\u0000${r.band}`));
  return table(source, ['setting', 'band', 'label'], ['notes'], issues).flatMap((row) => {
    const setting = restoreText(row.get('setting'));
    const band = restoreText(row.get('band'));
    const label = restoreText(row.get('label'));
    const notes = restoreText(row.get('notes'));
    if (!settings.has(setting)) {
      issues.push(
        error(
          'UNKNOWN_SETTING',
          `setting "${setting}" is not in the settings file`,
          row.at('setting'),
        ),
      );
      return [];
    }
    if (!priced.has(`${setting}\u0000${band}`)) {
      issues.push(
        error(
          'UNKNOWN_BAND',
          `band "${band}" of setting "${setting}" has no rate in the rates file`,
          row.at('band'),
        ),
      );
      return [];
    }
    if (!label) {
      issues.push(error('MISSING_VALUE', '"label" is empty', row.at('label')));
      return [];
    }
    return [{ setting, band, label, ...(notes ? { notes } : {}) }];
  });
}

/**
 * tariff.csv's uplift_method, uplift_annual_rate and uplift_on. A problem is located at the cell
 * of the field that has it (at the method's, for a rate or day a percent uplift lacks), as a
 * model CSV's are: file:line:column.
 */
function readUplift(meta: ReadonlyMap<string, MetaField>, issues: Issue[]): Uplift | undefined {
  const methodField = meta.get('uplift_method');
  const method = methodField?.value ?? 'none';
  if (method === 'none') return { method: 'none' };
  const rateField = meta.get('uplift_annual_rate');
  // A share or, as a spreadsheet shows a rate, a percentage (2%), as spend.csv's growth reads it:
  // 2% was refused here (found by a user trial).
  const rate = rateField ? upliftRate(rateField, issues) : undefined;
  const onField = meta.get('uplift_on');
  const on = onField?.value || DEFAULT_UPLIFT_DAY;
  if (method !== 'percent' || !rate || !isValidMonthDay(on)) {
    const wrong = method !== 'percent' ? methodField : !rate ? (rateField ?? methodField) : onField;
    issues.push(
      error(
        'INVALID_FIELD',
        `uplift must be "none", or "percent" with a decimal uplift_annual_rate and an MM-DD uplift_on (got ${method}, ${rateField?.value ?? '-'}, ${on})`,
        wrong!.at,
        ...(wrong === onField && /[a-z]|\d\/\d/i.test(on)
          ? [
              // 04-01 (1 April) opened in a UK spreadsheet becomes the date 4 January, saved as
              // 04-Jan or 04/01/2026: what was meant cannot be told back (found by a user trial).
              `a spreadsheet turns an MM-DD day such as 04-01 into a date (4 January), so "${on}" may not be the day meant; format the cell as text and write the day of the uplift MM-DD, 04-01 for 1 April`,
            ]
          : []),
      ),
    );
    return undefined;
  }
  const outOfRange = growthIssue(
    'uplift_annual_rate',
    rateField!.value,
    rate,
    rateField!.at,
    'rate',
  );
  if (outOfRange) issues.push(outOfRange);
  return outOfRange ? undefined : { method: 'percent', annualRate: rate, on };
}

/** tariff.csv's uplift_annual_rate: a plain decimal, or a percentage read as a share and noted. */
function upliftRate(field: MetaField, issues: Issue[]): Decimal | undefined {
  const plain = parseDecimal(field.value);
  if (plain) return plain;
  const read = spreadsheetNumber(field.value, 'rate');
  if (read)
    normalisations(issues).note(
      read.change,
      field.at,
      'uplift_annual_rate',
      field.value,
      read.plain,
    );
  return read?.value;
}
