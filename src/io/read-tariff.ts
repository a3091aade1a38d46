import type { Decimal } from 'decimal.js';
import { error, type Issue } from '../core/issue.js';
import { type Need, parseNeed, NEED_CODES } from '../core/need.js';
import { isValidDate, isValidMonthDay } from '../core/period.js';
import { DEFAULT_UPLIFT_DAY, type Reference, type Tariff, type TariffRate, type TariffSetting, type Uplift } from '../core/tariff.js';
import type { JsonFields } from './json-fields.js';
import type { JsonValue } from './json-source.js';
import { jsonFields } from './read-json.js';

/** Reads and validates a tariff file (format: tariffs/README.md). */
export function parseTariff(text: string, file: string, issues: Issue[]): Tariff | undefined {
  const fields = jsonFields(text, file, issues);
  if (!fields) return undefined;
  const before = issues.length;
  const root = fields.object(fields.root, '$');
  if (!root) return undefined;
  const id = fields.string(root, 'id', '$');
  const title = fields.string(root, 'title', '$');
  const currency = fields.string(root, 'currency', '$');
  if (currency !== undefined && currency !== 'GBP') issues.push(error('INVALID_FIELD', `$.currency is "${currency}"; only "GBP" is supported`, fields.at('$.currency')));
  const references = readReferences(fields, root);
  const settings = readSettings(fields, root);
  const rates = readRates(fields, root, new Set(settings.map((s) => s.id)));
  const uplift = readUplift(fields, root);
  if (issues.length > before && issues.slice(before).some((issue) => issue.severity === 'error')) return undefined;
  return { id: id!, title: title!, currency: 'GBP', references, settings, rates, uplift: uplift!, source: file };
}

function readReferences(fields: JsonFields, root: { [key: string]: JsonValue }): Reference[] {
  const list = fields.array(root, 'references', '$') ?? [];
  if (list.length === 0 && root['references'] !== undefined) {
    fields.issues.push(error('MISSING_VALUE', '$.references is empty; every tariff cites at least one source (title and URL)', fields.at('$.references')));
  }
  return list.flatMap((value, i) => {
    const path = `$.references[${i}]`;
    const reference = fields.object(value, path);
    if (!reference) return [];
    const title = fields.string(reference, 'title', path);
    const url = fields.string(reference, 'url', path);
    return title && url ? [{ title, url }] : [];
  });
}

function readSettings(fields: JsonFields, root: { [key: string]: JsonValue }): TariffSetting[] {
  const seen = new Set<string>();
  return (fields.array(root, 'settings', '$') ?? []).flatMap((value, i) => {
    const path = `$.settings[${i}]`;
    const setting = fields.object(value, path);
    if (!setting) return [];
    const id = fields.string(setting, 'id', path);
    const label = fields.string(setting, 'label', path, true);
    const placeValue = fields.decimal(setting, 'placeValue', path);
    if (id && seen.has(id)) fields.issues.push(error('DUPLICATE_SETTING', `setting "${id}" is declared more than once`, fields.at(`${path}.id`)));
    if (!id || !placeValue || seen.has(id)) return [];
    seen.add(id);
    return [{ id, label: label ?? id, placeValue, origin: fields.at(path) }];
  });
}

function readRates(fields: JsonFields, root: { [key: string]: JsonValue }, settings: ReadonlySet<string>): TariffRate[] {
  const seen = new Map<string, string>();
  return (fields.array(root, 'rates', '$') ?? []).flatMap((value, i) => {
    const path = `$.rates[${i}]`;
    const rate = fields.object(value, path);
    if (!rate) return [];
    const effectiveFrom = fields.string(rate, 'effectiveFrom', path);
    if (effectiveFrom !== undefined && !isValidDate(effectiveFrom)) {
      fields.issues.push(error('INVALID_DATE', `${path}.effectiveFrom "${effectiveFrom}" is not a date written YYYY-MM-DD`, fields.at(`${path}.effectiveFrom`)));
    }
    const setting = fields.string(rate, 'setting', path);
    if (setting !== undefined && !settings.has(setting)) {
      fields.issues.push(error('UNKNOWN_SETTING', `${path}.setting "${setting}" is not declared in $.settings`, fields.at(`${path}.setting`), `declared settings: ${[...settings].join(', ')}`));
    }
    const band = bandOf(fields, rate, path);
    const need = needOf(fields, rate, path);
    const topUp: Decimal | undefined = fields.decimal(rate, 'topUp', path);
    if (effectiveFrom === undefined || setting === undefined || band === undefined || need === undefined || topUp === undefined) return [];
    const key = `${setting}\u0000${band}\u0000${need}\u0000${effectiveFrom}`;
    const first = seen.get(key);
    if (first) {
      fields.issues.push(error('DUPLICATE_TARIFF_ROW', `${path} repeats ${first}: setting "${setting}", band "${band}", need ${need}, effectiveFrom ${effectiveFrom}`, fields.at(path), 'keep one row per setting, band, need and date'));
      return [];
    }
    seen.set(key, path);
    return [{ effectiveFrom, setting, band, need, topUp, origin: fields.at(path) }];
  });
}

function bandOf(fields: JsonFields, rate: { [key: string]: JsonValue }, path: string): string | undefined {
  return fields.string(rate, 'band', path);
}

function needOf(fields: JsonFields, rate: { [key: string]: JsonValue }, path: string): Need | '*' | undefined {
  const text = fields.string(rate, 'need', path);
  if (text === undefined || text === '*') return text;
  const need = parseNeed(text);
  if (!need) fields.issues.push(error('UNKNOWN_NEED', `${path}.need "${text}" is not a SEN2 code or "*"`, fields.at(`${path}.need`), `expected "*" or one of ${NEED_CODES.join(', ')}`));
  return need;
}

function readUplift(fields: JsonFields, root: { [key: string]: JsonValue }): Uplift | undefined {
  const uplift = root['uplift'] === undefined ? undefined : fields.object(root['uplift'], '$.uplift');
  if (root['uplift'] === undefined) {
    fields.issues.push(error('MISSING_VALUE', '$.uplift is required: { "method": "none" } or { "method": "percent", "annualRate": "0.02" }', fields.at('$')));
    return undefined;
  }
  if (!uplift) return undefined;
  const method = fields.string(uplift, 'method', '$.uplift');
  if (method === 'none') return { method };
  if (method !== 'percent') {
    if (method !== undefined) fields.issues.push(error('INVALID_FIELD', `$.uplift.method "${method}" is not "none" or "percent"`, fields.at('$.uplift.method')));
    return undefined;
  }
  const annualRate = fields.decimal(uplift, 'annualRate', '$.uplift', { allowNegative: true });
  const on = fields.string(uplift, 'on', '$.uplift', true) ?? DEFAULT_UPLIFT_DAY;
  if (!isValidMonthDay(on)) {
    fields.issues.push(error('INVALID_DATE', `$.uplift.on "${on}" is not a day written MM-DD (02-29 is not allowed)`, fields.at('$.uplift.on')));
    return undefined;
  }
  return annualRate ? { method, annualRate, on } : undefined;
}
