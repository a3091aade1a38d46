import type { Decimal } from 'decimal.js';
import { error, type Location } from '../core/issue.js';
import { type Need, parseNeed, NEED_CODES } from '../core/need.js';
import { type AcademicYear, isValidDate, whyNotDate } from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import {
  type Filter,
  LEVER_KINDS,
  type Lever,
  LOWEST_SHARE,
  type Profile,
} from '../core/scenario/types.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import type { JsonValue } from './json-source.js';
import { academicYearField } from './json-years.js';
import { readFundingRow } from './read-funding-row.js';
import { nearNames } from '../core/edit-distance.js';
import { LEVER_RANGE_KEYS, readLeverRange } from './read-lever-range.js';
import { countTooLarge } from './cell-parsers.js';

/** Loads another tariff named by a tariff lever (a file or a library id), or reports why not. */
export type TariffLoader = (argument: string, at: Location) => Tariff | undefined;

/** The fields of a lever of scenarios.json, its filter and its profile (docs/scenarios.md). */
const LEVER_KEYS = {
  lever: [
    'id',
    'label',
    'kind',
    'share',
    'filter',
    'profile',
    'to',
    'from',
    'tariff',
    'setting',
    'places',
    'lines',
    'notes',
    ...LEVER_RANGE_KEYS,
  ],
  filter: ['need', 'ncy', 'setting', 'band'],
  profile: ['shape', 'from', 'fullBy'],
} as const;

function readFilter(fields: JsonFields, value: JsonValue | undefined, path: string): Filter {
  if (value === undefined) return {};
  const filter = fields.object(value, path);
  if (!filter) return {};
  fields.knownKeys(filter, path, LEVER_KEYS.filter);
  const list = (key: string): string[] | undefined => {
    const v = filter[key];
    if (v === undefined) return undefined;
    if (typeof v === 'string') return [v];
    if (Array.isArray(v) && v.every((x): x is string => typeof x === 'string')) return v;
    fields.issues.push(
      error(
        'INVALID_FIELD',
        `${path}.${key} must be a string or a list of strings`,
        fields.at(`${path}.${key}`),
      ),
    );
    return undefined;
  };
  const needTexts = list('need');
  const needs = needTexts?.flatMap((text): Need[] => {
    const need = parseNeed(text);
    if (!need)
      fields.issues.push(
        error(
          'UNKNOWN_NEED',
          `${path}.need "${text}" is not a SEN2 code`,
          fields.at(`${path}.need`),
          `expected one of ${NEED_CODES.join(', ')}`,
        ),
      );
    return need ? [need] : [];
  });
  let ncyFrom: number | undefined;
  let ncyTo: number | undefined;
  const ncy = filter['ncy'] === undefined ? undefined : fields.object(filter['ncy'], `${path}.ncy`);
  if (ncy) {
    fields.knownKeys(ncy, `${path}.ncy`, ['from', 'to']);
    const whole = (key: 'from' | 'to') => {
      const v = ncy[key];
      if (v === undefined) return undefined;
      if (typeof v === 'number' && Number.isInteger(v) && v >= -3 && v <= 20) return v;
      fields.issues.push(
        error(
          'NCY_OUT_OF_RANGE',
          `${path}.ncy.${key} must be a whole number from -3 to 20`,
          fields.at(`${path}.ncy.${key}`),
        ),
      );
      return undefined;
    };
    ncyFrom = whole('from');
    ncyTo = whole('to');
  }
  const settings = list('setting');
  const bands = list('band');
  return {
    ...(needs ? { needs } : {}),
    ...(ncyFrom !== undefined ? { ncyFrom } : {}),
    ...(ncyTo !== undefined ? { ncyTo } : {}),
    ...(settings ? { settings } : {}),
    ...(bands ? { bands } : {}),
  };
}

function readProfile(
  fields: JsonFields,
  value: JsonValue | undefined,
  path: string,
  fallbackFrom?: AcademicYear,
): Profile | undefined {
  if (value === undefined) {
    if (fallbackFrom !== undefined)
      return { shape: 'step', from: fallbackFrom, fullBy: fallbackFrom };
    fields.issues.push(
      error(
        'MISSING_VALUE',
        `${path} is required: { "shape": "step", "from": "2026/27" }`,
        fields.at(path.replace(/\.profile$/, '')),
      ),
    );
    return undefined;
  }
  const profile = fields.object(value, path);
  if (!profile) return undefined;
  fields.knownKeys(profile, path, LEVER_KEYS.profile);
  const shapeText = fields.string(profile, 'shape', path, true) ?? 'step';
  const shape = (['step', 'linear', 'front-loaded', 'back-loaded'] as const).find(
    (s) => s === shapeText,
  );
  if (!shape)
    fields.issues.push(
      error(
        'INVALID_FIELD',
        `${path}.shape "${shapeText}" is not step, linear, front-loaded or back-loaded`,
        fields.at(`${path}.shape`),
      ),
    );
  const from = academicYearField(fields, profile, 'from', path);
  const fullBy = academicYearField(fields, profile, 'fullBy', path, shape === 'step') ?? from;
  if (from !== undefined && fullBy !== undefined && fullBy < from) {
    fields.issues.push(
      error('PROFILE_ORDER', `${path}.fullBy is before ${path}.from`, fields.at(`${path}.fullBy`)),
    );
    return undefined;
  }
  return shape && from !== undefined && fullBy !== undefined ? { shape, from, fullBy } : undefined;
}

function readShare(
  fields: JsonFields,
  lever: JsonObject,
  path: string,
  low: number,
  key: 'share' | 'low' | 'high' = 'share',
): Decimal | undefined {
  const share = fields.decimal(lever, key, path, { allowNegative: true });
  if (share && (share.lessThan(low) || share.greaterThan(1))) {
    fields.issues.push(
      error(
        'SHARE_OUT_OF_RANGE',
        `${path}.${key} ${share.toString()} is outside ${low} to 1`,
        fields.at(`${path}.${key}`),
      ),
    );
    return undefined;
  }
  return share;
}

/** The one lever kind `typed` is a slip for: in another case, with spaces or underscores, or a letter or two out. */
function kindMeant(typed: string): (typeof LEVER_KINDS)[number] | undefined {
  const written = typed
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  const exact = LEVER_KINDS.find((k) => k === written);
  if (exact) return exact;
  const near = nearNames(LEVER_KINDS, written);
  return near.length === 1 ? LEVER_KINDS.find((k) => k === near[0]) : undefined;
}

/**
 * One lever of a scenario (docs/scenarios.md, "Levers"): its kind's fields, filter, profile and
 * any range simulate draws from, each problem at its JSON path; none when it cannot be read.
 */
export function readLever(
  fields: JsonFields,
  value: JsonValue,
  path: string,
  loadTariff: TariffLoader,
): Lever[] {
  const lever = fields.object(value, path);
  if (!lever) return [];
  fields.knownKeys(lever, path, LEVER_KEYS.lever);
  const id = fields.string(lever, 'id', path);
  const label = fields.string(lever, 'label', path, true) ?? id ?? '';
  const kindText = fields.string(lever, 'kind', path);
  let kind = LEVER_KINDS.find((k) => k === kindText);
  if (kindText !== undefined && !kind) {
    // A slip for one kind ("new-plan", "Move placements") is read as that kind, so that the
    // lever's other problems are said with it, all at once (an officer's trial met its "10%"
    // share only after mending the kind); the error keeps the scenario from being projected.
    const meant = kindMeant(kindText);
    fields.issues.push(
      error(
        'UNKNOWN_LEVER',
        `${path}.kind "${kindText}" is not a lever kind`,
        fields.at(`${path}.kind`),
        `${meant ? `did you mean "${meant}"? ` : ''}expected one of ${LEVER_KINDS.join(', ')}`,
      ),
    );
    if (!meant) return [];
    kind = meant;
  }
  const filter = readFilter(fields, lever['filter'], `${path}.filter`);
  const origin = fields.at(path);
  if (!id || !kind) return [];
  const base = { id, label, filter, origin };
  // A funding lever has no figure to give a range (the others read theirs with it, below).
  if (kind === 'funding') readLeverRange(fields, lever, path, kind, undefined, () => undefined);
  if (kind === 'funding') {
    const rows = (fields.array(lever, 'lines', path) ?? [])
      .flatMap((row, i) => readFundingRow(fields, row, `${path}.lines[${i}]`))
      .map(({ replace: _replace, ...row }) => row);
    return [{ ...base, kind, rows }];
  }
  if (kind === 'tariff') {
    const fromDate = fields.string(lever, 'from', path);
    if (fromDate !== undefined && !isValidDate(fromDate))
      fields.issues.push(
        error(
          'INVALID_DATE',
          `${path}.from "${fromDate}" ${whyNotDate(fromDate)}`,
          fields.at(`${path}.from`),
        ),
      );
    const validFrom = fromDate !== undefined && isValidDate(fromDate) ? fromDate : undefined;
    const startYear = validFrom
      ? Number.parseInt(validFrom.slice(0, 4), 10) - (validFrom.slice(5) < '09-01' ? 1 : 0)
      : undefined;
    const profile = readProfile(fields, lever['profile'], `${path}.profile`, startYear);
    const tariffName = fields.string(lever, 'tariff', path, true);
    const share =
      lever['share'] === undefined ? undefined : readShare(fields, lever, path, LOWEST_SHARE[kind]);
    const { ok, range } =
      tariffName === undefined
        ? readLeverRange(fields, lever, path, kind, share, (key) =>
            readShare(fields, lever, path, LOWEST_SHARE[kind], key),
          )
        : switchRange(fields, lever, path);
    if (tariffName === undefined && lever['share'] === undefined)
      fields.issues.push(
        error('MISSING_VALUE', `${path} needs a "share" or a "tariff" to switch to`, origin),
      );
    const other =
      tariffName === undefined ? undefined : loadTariff(tariffName, fields.at(`${path}.tariff`));
    if (
      !validFrom ||
      !profile ||
      !ok ||
      (tariffName !== undefined && !other) ||
      (tariffName === undefined && !share)
    )
      return [];
    return [
      {
        ...base,
        kind,
        fromDate: validFrom,
        profile,
        ...(share ? { share } : {}),
        ...(range ? { range } : {}),
        ...(other ? { tariff: other } : {}),
      },
    ];
  }
  const profile = readProfile(fields, lever['profile'], `${path}.profile`);
  if (kind === 'places') {
    const setting = fields.string(lever, 'setting', path);
    const places = placesField(fields, lever, path, 'places');
    // Places for capital projects that may slip: a range on the number, read as it is.
    const { ok, range } = readLeverRange(fields, lever, path, kind, places, (key) =>
      placesField(fields, lever, path, key),
    );
    return setting && places && profile && ok
      ? [{ ...base, kind, setting, places, profile, ...(range ? { range } : {}) }]
      : [];
  }
  if (kind === 'new-plans' || kind === 'ceasing') {
    const share = readShare(fields, lever, path, LOWEST_SHARE[kind]);
    const { ok, range } = readLeverRange(fields, lever, path, kind, share, (key) =>
      readShare(fields, lever, path, LOWEST_SHARE[kind], key),
    );
    return share && profile && ok
      ? [{ ...base, kind, share, profile, ...(range ? { range } : {}) }]
      : [];
  }
  const share = readShare(fields, lever, path, LOWEST_SHARE[kind]);
  const to = lever['to'] === undefined ? undefined : fields.object(lever['to'], `${path}.to`);
  if (lever['to'] === undefined)
    fields.issues.push(
      error('MISSING_VALUE', `${path}.to is required: { "setting": "…", "band": "…" }`, origin),
    );
  if (to) fields.knownKeys(to, `${path}.to`, ['setting', 'band']);
  const toSetting = to ? fields.string(to, 'setting', `${path}.to`) : undefined;
  const toBand = to ? fields.string(to, 'band', `${path}.to`, true) : undefined;
  // A move's or a shift's range, within the share's 0 to 1.
  const { ok, range } = readLeverRange(fields, lever, path, kind, share, (key) =>
    readShare(fields, lever, path, LOWEST_SHARE[kind], key),
  );
  if (!share || !profile || !toSetting || !ok) return [];
  return [
    {
      ...base,
      kind,
      share,
      ...(range ? { range } : {}),
      profile,
      toSetting,
      ...(toBand ? { toBand } : {}),
      toOrigin: fields.at(`${path}.to`),
    },
  ];
}

/** A tariff lever that switches to another table has no share, so no range to draw (LEVER_RANGE_UNSUPPORTED). */
function switchRange(
  fields: JsonFields,
  lever: JsonObject,
  path: string,
): { ok: boolean; range?: undefined } {
  const given = LEVER_RANGE_KEYS.find((key) => lever[key] !== undefined);
  if (given === undefined) return { ok: true };
  fields.issues.push(
    error(
      'LEVER_RANGE_UNSUPPORTED',
      `${path}.${given}: a tariff lever that switches to another table has no share for simulate to draw`,
      fields.at(`${path}.${given}`),
      'remove low, high and distribution from this lever; model the other table as another scenario',
    ),
  );
  return { ok: false };
}

/**
 * A places lever's places (or its low or high), opened or closed: held to a count's limit, as
 * places.csv's are. Found by a review: "places" of 309 digits printed balances of 300 digits.
 */
function placesField(
  fields: JsonFields,
  lever: JsonObject,
  path: string,
  key: string,
): Decimal | undefined {
  const places = fields.decimal(lever, key, path, { allowNegative: true });
  const tooLarge =
    places &&
    countTooLarge(
      `${path}.${key}`,
      String(lever[key]),
      places,
      fields.at(`${path}.${key}`),
      'in one lever',
    );
  if (tooLarge) fields.issues.push(tooLarge);
  return tooLarge ? undefined : places;
}
