import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../core/issue.js';
import { type Need, parseNeed, NEED_CODES } from '../core/need.js';
import { isValidDate, whyNotDate, isValidMonthDay } from '../core/period.js';
import {
  DEFAULT_UPLIFT_DAY,
  type Provenance,
  type Tariff,
  type TariffBand,
  type TariffRate,
  type TariffSetting,
  type Uplift,
} from '../core/tariff.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { jsonFields } from './read-json.js';
import { citableIds, readReferences, readStanding } from './read-citations.js';
import { PLACE_FUNDING_KEYS, readPlaceFunding } from './read-place-funding.js';

/** The keys each part of a tariff may have (tariffs/README.md); anything else is UNKNOWN_KEY. */
const KEYS = {
  root: ['id', 'title', 'currency', 'references', 'settings', 'bands', 'rates', 'uplift', 'notes'],
  setting: [
    'id',
    'label',
    'placeValue',
    ...PLACE_FUNDING_KEYS,
    'basis',
    'status',
    'reference',
    'notes',
  ],
  band: ['setting', 'band', 'label', 'notes'],
  rate: [
    'effectiveFrom',
    'endDate',
    'setting',
    'band',
    'need',
    'topUp',
    'basis',
    'status',
    'reference',
    'notes',
  ],
  uplift: ['method', 'annualRate', 'on'],
} as const;

/** Reads and validates a tariff file (format: tariffs/README.md). */
export function parseTariff(text: string, file: string, issues: Issue[]): Tariff | undefined {
  const fields = jsonFields(text, file, issues);
  if (!fields) return undefined;
  const before = issues.length;
  const root = fields.object(fields.root, '$');
  if (!root) return undefined;
  fields.knownKeys(root, '$', KEYS.root);
  const id = fields.string(root, 'id', '$');
  const title = fields.string(root, 'title', '$');
  const currency = fields.string(root, 'currency', '$');
  if (currency !== undefined && currency !== 'GBP')
    issues.push(
      error(
        'INVALID_FIELD',
        `$.currency is "${currency}"; only "GBP" is supported`,
        fields.at('$.currency'),
      ),
    );
  const notes = fields.string(root, 'notes', '$', true);
  const references = readReferences(fields, root, {
    idRequired: false,
    empty: 'every tariff cites at least one source (title and URL)',
  });
  const citable = citableIds(references);
  const settings = readSettings(fields, root, citable);
  const settingIds = new Set(settings.map((s) => s.id));
  const rates = readRates(fields, root, settingIds, citable);
  const bands = readBands(fields, root, settingIds, rates);
  const uplift = readUplift(fields, root);
  if (issues.slice(before).some((issue) => issue.severity === 'error')) return undefined;
  return {
    id: id!,
    title: title!,
    currency: 'GBP',
    references,
    settings,
    rates,
    uplift: uplift!,
    ...(bands.length ? { bands } : {}),
    ...(notes ? { notes } : {}),
    source: file,
  };
}

/** basis, status, reference and notes: optional, but checked when given. */
function readProvenance(
  fields: JsonFields,
  object: JsonObject,
  path: string,
  citable: ReadonlySet<string>,
): Provenance {
  const basis = fields.string(object, 'basis', path, true);
  const notes = fields.string(object, 'notes', path, true);
  const { status, reference } = readStanding(fields, object, path, citable, {
    status: false,
    reference: false,
  });
  return {
    ...(basis ? { basis } : {}),
    ...(status ? { status } : {}),
    ...(reference ? { reference } : {}),
    ...(notes ? { notes } : {}),
  };
}

function readSettings(
  fields: JsonFields,
  root: JsonObject,
  citable: ReadonlySet<string>,
): TariffSetting[] {
  const seen = new Set<string>();
  return (fields.array(root, 'settings', '$') ?? []).flatMap((value, i) => {
    const path = `$.settings[${i}]`;
    const setting = fields.object(value, path);
    if (!setting) return [];
    fields.knownKeys(setting, path, KEYS.setting);
    const id = fields.string(setting, 'id', path);
    const label = fields.string(setting, 'label', path, true);
    const placeValue = fields.decimal(setting, 'placeValue', path);
    const funding = readPlaceFunding(fields, setting, path, placeValue);
    const provenance = readProvenance(fields, setting, path, citable);
    if (id && seen.has(id))
      fields.issues.push(
        error(
          'DUPLICATE_SETTING',
          `setting "${id}" is declared more than once`,
          fields.at(`${path}.id`),
        ),
      );
    if (!id || !placeValue || seen.has(id)) return [];
    seen.add(id);
    return [
      { id, label: label ?? id, placeValue, ...funding, ...provenance, origin: fields.at(path) },
    ];
  });
}

function readRates(
  fields: JsonFields,
  root: JsonObject,
  settings: ReadonlySet<string>,
  citable: ReadonlySet<string>,
): TariffRate[] {
  const seen = new Map<string, string>();
  return (fields.array(root, 'rates', '$') ?? []).flatMap((value, i) => {
    const path = `$.rates[${i}]`;
    const rate = fields.object(value, path);
    if (!rate) return [];
    fields.knownKeys(rate, path, KEYS.rate);
    const effectiveFrom = dateField(fields, rate, 'effectiveFrom', path);
    const endDate = dateField(fields, rate, 'endDate', path, true);
    if (effectiveFrom && endDate && endDate < effectiveFrom) {
      fields.issues.push(
        error(
          'INVALID_DATE',
          `${path}.endDate ${endDate} is before its effectiveFrom ${effectiveFrom}`,
          fields.at(`${path}.endDate`),
        ),
      );
    }
    const setting = fields.string(rate, 'setting', path);
    if (setting !== undefined && !settings.has(setting)) {
      fields.issues.push(
        error(
          'UNKNOWN_SETTING',
          `${path}.setting "${setting}" is not declared in $.settings`,
          fields.at(`${path}.setting`),
          `declared settings: ${[...settings].join(', ')}`,
        ),
      );
    }
    const band = fields.string(rate, 'band', path);
    const need = needOf(fields, rate, path);
    const topUp: Decimal | undefined = fields.decimal(rate, 'topUp', path);
    const provenance = readProvenance(fields, rate, path, citable);
    if (
      effectiveFrom === undefined ||
      setting === undefined ||
      band === undefined ||
      need === undefined ||
      topUp === undefined
    )
      return [];
    const key = `${setting}\u0000${band}\u0000${need}\u0000${effectiveFrom}`;
    const first = seen.get(key);
    if (first) {
      fields.issues.push(
        error(
          'DUPLICATE_TARIFF_ROW',
          `${path} repeats ${first}: setting "${setting}", band "${band}", need ${need}, effectiveFrom ${effectiveFrom}`,
          fields.at(path),
          'keep one row per setting, band, need and date',
        ),
      );
      return [];
    }
    seen.set(key, path);
    return [
      {
        effectiveFrom,
        ...(endDate ? { endDate } : {}),
        setting,
        band,
        need,
        topUp,
        ...provenance,
        origin: fields.at(path),
      },
    ];
  });
}

function readBands(
  fields: JsonFields,
  root: JsonObject,
  settings: ReadonlySet<string>,
  rates: readonly TariffRate[],
): TariffBand[] {
  const priced = new Set(rates.map((r) => `${r.setting}\u0000${r.band}`));
  return (fields.array(root, 'bands', '$', true) ?? []).flatMap((value, i) => {
    const path = `$.bands[${i}]`;
    const band = fields.object(value, path);
    if (!band) return [];
    fields.knownKeys(band, path, KEYS.band);
    const setting = fields.string(band, 'setting', path);
    const id = fields.string(band, 'band', path);
    const label = fields.string(band, 'label', path);
    const notes = fields.string(band, 'notes', path, true);
    if (setting !== undefined && !settings.has(setting)) {
      fields.issues.push(
        error(
          'UNKNOWN_SETTING',
          `${path}.setting "${setting}" is not declared in $.settings`,
          fields.at(`${path}.setting`),
        ),
      );
      return [];
    }
    if (setting === undefined || id === undefined || label === undefined) return [];
    if (!priced.has(`${setting}\u0000${id}`)) {
      fields.issues.push(
        error(
          'UNKNOWN_BAND',
          `${path} declares band "${id}" for setting "${setting}", but no rate prices it`,
          fields.at(path),
          'add its rates, or remove the band',
        ),
      );
      return [];
    }
    return [{ setting, band: id, label, ...(notes ? { notes } : {}) }];
  });
}

function dateField(
  fields: JsonFields,
  object: JsonObject,
  key: string,
  path: string,
  optional = false,
): string | undefined {
  const text = fields.string(object, key, path, optional);
  if (text === undefined) return undefined;
  if (isValidDate(text)) return text;
  fields.issues.push(
    error(
      'INVALID_DATE',
      `${path}.${key} "${text}" ${whyNotDate(text)}`,
      fields.at(`${path}.${key}`),
    ),
  );
  return undefined;
}

function needOf(fields: JsonFields, rate: JsonObject, path: string): Need | '*' | undefined {
  const text = fields.string(rate, 'need', path);
  if (text === undefined || text === '*') return text;
  const need = parseNeed(text);
  if (!need)
    fields.issues.push(
      error(
        'UNKNOWN_NEED',
        `${path}.need "${text}" is not a SEN2 code or "*"`,
        fields.at(`${path}.need`),
        `expected "*" or one of ${NEED_CODES.join(', ')}`,
      ),
    );
  return need;
}

function readUplift(fields: JsonFields, root: JsonObject): Uplift | undefined {
  if (root['uplift'] === undefined) {
    fields.issues.push(
      error(
        'MISSING_VALUE',
        '$.uplift is required: { "method": "none" } or { "method": "percent", "annualRate": "0.02" }',
        fields.at('$'),
      ),
    );
    return undefined;
  }
  const uplift = fields.object(root['uplift'], '$.uplift');
  if (!uplift) return undefined;
  fields.knownKeys(uplift, '$.uplift', KEYS.uplift);
  const method = fields.string(uplift, 'method', '$.uplift');
  if (method === 'none') return { method };
  if (method !== 'percent') {
    if (method !== undefined)
      fields.issues.push(
        error(
          'INVALID_FIELD',
          `$.uplift.method "${method}" is not "none" or "percent"`,
          fields.at('$.uplift.method'),
        ),
      );
    return undefined;
  }
  const annualRate = fields.decimal(uplift, 'annualRate', '$.uplift', { growth: true });
  const on = fields.string(uplift, 'on', '$.uplift', true) ?? DEFAULT_UPLIFT_DAY;
  if (!isValidMonthDay(on)) {
    fields.issues.push(
      error(
        'INVALID_DATE',
        `$.uplift.on "${on}" is not a day written MM-DD (02-29 is not allowed)`,
        fields.at('$.uplift.on'),
      ),
    );
    return undefined;
  }
  return annualRate ? { method, annualRate, on } : undefined;
}
