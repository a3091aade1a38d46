import type { Decimal } from 'decimal.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Assumptions, FundingRow } from '../core/model.js';
import { FUNDING_LINES } from '../core/model.js';
import { type Need, parseNeed, NEED_CODES } from '../core/need.js';
import {
  type AcademicYear,
  type FinancialYear,
  isValidDate,
  whyNotDate,
  parseAcademicYear,
  parseFinancialYear,
} from '../core/period.js';
import type { Tariff } from '../core/tariff.js';
import {
  type Agreement,
  type Filter,
  type Instalment,
  LEVER_KINDS,
  type Lever,
  type Profile,
  type Scenario,
} from '../core/scenario/types.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import type { JsonValue } from './json-source.js';
import { LEVER_RANGE_KEYS, readLeverRange } from './read-lever-range.js';
import { jsonFields } from './read-json.js';
import { yearHint } from '../core/year-hint.js';

/** Loads another tariff named by a tariff lever (a file or a library id), or reports why not. */
export type TariffLoader = (argument: string, at: Location) => Tariff | undefined;

const KEYS = {
  root: ['scenarios'],
  scenario: ['id', 'label', 'base', 'assumptions', 'funding', 'levers', 'agreement', 'notes'],
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
  funding: ['financialYear', 'line', 'amount', 'share', 'schoolsBlock', 'replace', 'note'],
  agreement: [
    'total',
    'instalments',
    'localContributions',
    'inYearBalanceBy',
    'clearDeficitBy',
    'conditions',
  ],
  instalment: ['financialYear', 'amount', 'status', 'paidIn', 'note'],
} as const;

interface RawScenario {
  readonly id: string;
  readonly label: string;
  readonly base?: string;
  readonly assumptions: Partial<Assumptions>;
  readonly funding: (FundingRow & { replace?: boolean })[];
  readonly levers: Lever[];
  readonly agreement?: Agreement;
  readonly at: Location;
}

/**
 * Reads scenarios.json (docs/scenarios.md) and resolves each scenario's `base` chain:
 * assumptions and funding accumulate, levers run base-first, an agreement is inherited
 * unless the scenario has its own. Every problem is reported with its JSON path.
 */
export function parseScenarios(
  text: string,
  file: string,
  loadTariff: TariffLoader,
  issues: Issue[],
): Scenario[] | undefined {
  const fields = jsonFields(text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return undefined;
  const before = issues.length;
  fields.knownKeys(root, '$', KEYS.root);
  const raw = (fields.array(root, 'scenarios', '$') ?? []).flatMap((value, i) =>
    readScenario(fields, value, `$.scenarios[${i}]`, loadTariff),
  );
  const byId = new Map<string, RawScenario>();
  for (const scenario of raw) {
    if (byId.has(scenario.id))
      fields.issues.push(
        error('DUPLICATE_ID', `scenario id "${scenario.id}" is used more than once`, scenario.at),
      );
    else byId.set(scenario.id, scenario);
  }
  const resolved: Scenario[] = [];
  const cycles = new Set<string>();
  for (const scenario of byId.values()) {
    const chain = baseChain(scenario, byId, fields, cycles);
    if (chain) resolved.push(resolve(chain, fields));
  }
  return issues.slice(before).some((i) => i.severity === 'error') ? undefined : resolved;
}

function baseChain(
  scenario: RawScenario,
  byId: ReadonlyMap<string, RawScenario>,
  fields: JsonFields,
  cycles: Set<string>,
): RawScenario[] | undefined {
  const chain = [scenario];
  const seen = new Set([scenario.id]);
  for (let current = scenario; current.base !== undefined;) {
    const next = byId.get(current.base);
    if (!next) {
      fields.issues.push(
        error(
          'UNKNOWN_SCENARIO',
          `base "${current.base}" of scenario "${current.id}" is not defined`,
          current.at,
          `scenarios: ${[...byId.keys()].join(', ')}`,
        ),
      );
      return undefined;
    }
    if (seen.has(next.id)) {
      // One report per circle, however many scenarios lead into it.
      const circle = chain
        .slice(chain.findIndex((s) => s.id === next.id))
        .map((s) => s.id)
        .sort()
        .join('\u0000');
      if (!cycles.has(circle))
        fields.issues.push(
          error(
            'CIRCULAR_BASE',
            `scenario "${scenario.id}" inherits from itself through ${[...chain.map((s) => s.id), next.id].join(' → ')}`,
            scenario.at,
          ),
        );
      cycles.add(circle);
      return undefined;
    }
    seen.add(next.id);
    chain.push(next);
    current = next;
  }
  return chain.reverse();
}

function resolve(chain: readonly RawScenario[], fields: JsonFields): Scenario {
  const own = chain[chain.length - 1]!;
  const levers = chain.flatMap((s) => s.levers);
  const ids = new Set<string>();
  for (const lever of levers) {
    if (ids.has(lever.id) && own.levers.includes(lever))
      fields.issues.push(
        error(
          'DUPLICATE_ID',
          `lever id "${lever.id}" is used twice in scenario "${own.id}" and its bases`,
          lever.origin,
        ),
      );
    ids.add(lever.id);
  }
  // Spend is linear in one tariff lever's share (docs/simulate.md, "Lever ranges"), not in two.
  const rangedTariffs = levers.filter((lever) => lever.kind === 'tariff' && lever.range);
  for (const lever of rangedTariffs.slice(1))
    if (own.levers.includes(lever))
      fields.issues.push(
        error(
          'LEVER_RANGE_UNSUPPORTED',
          `scenario "${own.id}": tariff lever "${lever.id}" has a range, but so has "${rangedTariffs[0]!.id}": simulate draws one tariff lever's share per scenario`,
          lever.origin,
          'keep the range on one tariff lever; model the other as another scenario',
        ),
      );
  const agreement = [...chain].reverse().find((s) => s.agreement)?.agreement;
  return {
    id: own.id,
    label: own.label,
    ...(own.base !== undefined ? { base: own.base } : {}),
    assumptions: Object.assign({}, ...chain.map((s) => s.assumptions)) as Partial<Assumptions>,
    funding: chain.flatMap((s) => s.funding),
    levers,
    inheritedLevers: levers.length - own.levers.length,
    ...(agreement ? { agreement } : {}),
  };
}

function readScenario(
  fields: JsonFields,
  value: JsonValue,
  path: string,
  loadTariff: TariffLoader,
): RawScenario[] {
  const object = fields.object(value, path);
  if (!object) return [];
  fields.knownKeys(object, path, KEYS.scenario);
  const id = fields.string(object, 'id', path);
  const label = fields.string(object, 'label', path, true);
  const base = fields.string(object, 'base', path, true);
  const assumptionsObject =
    object['assumptions'] === undefined
      ? undefined
      : fields.object(object['assumptions'], `${path}.assumptions`);
  const assumptions: Record<string, Decimal> = {};
  if (assumptionsObject) {
    fields.knownKeys(assumptionsObject, `${path}.assumptions`, [
      'newPlansGrowth',
      'hnbGrowth',
      'tariffUplift',
    ]);
    for (const key of ['newPlansGrowth', 'hnbGrowth', 'tariffUplift']) {
      const v = fields.decimal(assumptionsObject, key, `${path}.assumptions`, {
        optional: true,
        growth: true,
      });
      if (v) assumptions[key] = v;
    }
  }
  const funding = (fields.array(object, 'funding', path, true) ?? []).flatMap((row, i) =>
    readFundingRow(fields, row, `${path}.funding[${i}]`),
  );
  const levers = (fields.array(object, 'levers', path, true) ?? []).flatMap((lever, i) =>
    readLever(fields, lever, `${path}.levers[${i}]`, loadTariff),
  );
  const agreement =
    object['agreement'] === undefined
      ? undefined
      : readAgreement(fields, object['agreement'], `${path}.agreement`);
  if (!id) return [];
  return [
    {
      id,
      label: label ?? id,
      ...(base ? { base } : {}),
      assumptions,
      funding,
      levers,
      ...(agreement ? { agreement } : {}),
      at: fields.at(path),
    },
  ];
}

function academicYear(
  fields: JsonFields,
  object: JsonObject,
  key: string,
  path: string,
  optional = false,
): AcademicYear | undefined {
  const text = fields.string(object, key, path, optional);
  if (text === undefined) return undefined;
  const year = parseAcademicYear(text);
  if (year === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `${path}.${key} "${text}" is not an academic year written like 2026/27`,
        fields.at(`${path}.${key}`),
        yearHint(text, 'academic'),
      ),
    );
  return year;
}

function financialYear(
  fields: JsonFields,
  object: JsonObject,
  key: string,
  path: string,
  optional = false,
): FinancialYear | undefined {
  const text = fields.string(object, key, path, optional);
  if (text === undefined) return undefined;
  const year = parseFinancialYear(text);
  if (year === undefined)
    fields.issues.push(
      error(
        'INVALID_YEAR',
        `${path}.${key} "${text}" is not a financial year written like 2026-27`,
        fields.at(`${path}.${key}`),
        yearHint(text, 'financial'),
      ),
    );
  return year;
}

function readFundingRow(
  fields: JsonFields,
  value: JsonValue,
  path: string,
): (FundingRow & { replace?: boolean })[] {
  const row = fields.object(value, path);
  if (!row) return [];
  fields.knownKeys(row, path, KEYS.funding);
  const year = financialYear(fields, row, 'financialYear', path);
  const lineText = fields.string(row, 'line', path);
  const line = FUNDING_LINES.find((l) => l === lineText);
  if (lineText !== undefined && (!line || line === 'opening_balance'))
    fields.issues.push(
      error(
        'UNKNOWN_FUNDING_LINE',
        `${path}.line "${lineText}" is not a funding line a scenario can add`,
        fields.at(`${path}.line`),
        `expected one of ${FUNDING_LINES.filter((l) => l !== 'opening_balance').join(', ')}`,
      ),
    );
  let amount: Decimal | undefined;
  let stated: { share: Decimal; schoolsBlock: Decimal } | undefined;
  if (row['share'] !== undefined || row['schoolsBlock'] !== undefined) {
    // A block transfer as a share of a stated schools block: one year's decision, that year only.
    const share = fields.decimal(row, 'share', path, { allowNegative: true });
    const block = fields.decimal(row, 'schoolsBlock', path);
    if (share && block) {
      amount = share.times(block);
      // Kept, as funding.csv's are, for the Forum's 0.5% check (src/core/scenario/added-transfers.ts).
      stated = { share, schoolsBlock: block };
    }
  } else amount = fields.decimal(row, 'amount', path, { allowNegative: true });
  const replace = row['replace'] === true;
  if (year === undefined || !line || line === 'opening_balance' || !amount) return [];
  return [
    {
      financialYear: year,
      line,
      amount,
      ...stated,
      ...(replace ? { replace } : {}),
      origin: fields.at(path),
    },
  ];
}

function readFilter(fields: JsonFields, value: JsonValue | undefined, path: string): Filter {
  if (value === undefined) return {};
  const filter = fields.object(value, path);
  if (!filter) return {};
  fields.knownKeys(filter, path, KEYS.filter);
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
  fields.knownKeys(profile, path, KEYS.profile);
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
  const from = academicYear(fields, profile, 'from', path);
  const fullBy = academicYear(fields, profile, 'fullBy', path, shape === 'step') ?? from;
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

function readLever(
  fields: JsonFields,
  value: JsonValue,
  path: string,
  loadTariff: TariffLoader,
): Lever[] {
  const lever = fields.object(value, path);
  if (!lever) return [];
  fields.knownKeys(lever, path, KEYS.lever);
  const id = fields.string(lever, 'id', path);
  const label = fields.string(lever, 'label', path, true) ?? id ?? '';
  const kindText = fields.string(lever, 'kind', path);
  const kind = LEVER_KINDS.find((k) => k === kindText);
  if (kindText !== undefined && !kind) {
    fields.issues.push(
      error(
        'UNKNOWN_LEVER',
        `${path}.kind "${kindText}" is not a lever kind`,
        fields.at(`${path}.kind`),
        `expected one of ${LEVER_KINDS.join(', ')}`,
      ),
    );
    return [];
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
    const share = lever['share'] === undefined ? undefined : readShare(fields, lever, path, -1);
    const { ok, range } =
      tariffName === undefined
        ? readLeverRange(fields, lever, path, kind, share, (key) =>
            readShare(fields, lever, path, -1, key),
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
    const places = fields.decimal(lever, 'places', path, { allowNegative: true });
    // Places for capital projects that may slip: a range on the number, read as it is.
    const { ok, range } = readLeverRange(fields, lever, path, kind, places, (key) =>
      fields.decimal(lever, key, path, { allowNegative: true }),
    );
    return setting && places && profile && ok
      ? [{ ...base, kind, setting, places, profile, ...(range ? { range } : {}) }]
      : [];
  }
  if (kind === 'new-plans' || kind === 'ceasing') {
    const share = readShare(fields, lever, path, -1);
    const { ok, range } = readLeverRange(fields, lever, path, kind, share, (key) =>
      readShare(fields, lever, path, -1, key),
    );
    return share && profile && ok
      ? [{ ...base, kind, share, profile, ...(range ? { range } : {}) }]
      : [];
  }
  const share = readShare(fields, lever, path, 0);
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
    readShare(fields, lever, path, 0, key),
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

function readAgreement(fields: JsonFields, value: JsonValue, path: string): Agreement | undefined {
  const object = fields.object(value, path);
  if (!object) return undefined;
  fields.knownKeys(object, path, KEYS.agreement);
  const total = fields.decimal(object, 'total', path);
  const instalments = (fields.array(object, 'instalments', path) ?? []).flatMap(
    (v, i): Instalment[] => {
      const p = `${path}.instalments[${i}]`;
      const row = fields.object(v, p);
      if (!row) return [];
      fields.knownKeys(row, p, KEYS.instalment);
      const year = financialYear(fields, row, 'financialYear', p);
      const amount = fields.decimal(row, 'amount', p);
      const statusText = fields.string(row, 'status', p, true) ?? 'due';
      const status = (['paid', 'due', 'withheld', 'backdated'] as const).find(
        (s) => s === statusText,
      );
      if (!status)
        fields.issues.push(
          error(
            'INVALID_FIELD',
            `${p}.status "${statusText}" is not paid, due, withheld or backdated`,
            fields.at(`${p}.status`),
          ),
        );
      const paidIn = financialYear(fields, row, 'paidIn', p, status !== 'backdated');
      if (year === undefined || !amount || !status) return [];
      return [
        {
          financialYear: year,
          amount,
          status,
          ...(paidIn !== undefined ? { paidIn } : {}),
          origin: fields.at(p),
        },
      ];
    },
  );
  const localContributions = (fields.array(object, 'localContributions', path, true) ?? []).flatMap(
    (v, i) => {
      const p = `${path}.localContributions[${i}]`;
      const row = fields.object(v, p);
      if (!row) return [];
      fields.knownKeys(row, p, ['financialYear', 'amount', 'note']);
      const year = financialYear(fields, row, 'financialYear', p);
      const amount = fields.decimal(row, 'amount', p);
      return year !== undefined && amount ? [{ financialYear: year, amount }] : [];
    },
  );
  const inYearBalanceBy = financialYear(fields, object, 'inYearBalanceBy', path);
  const clearDeficitBy = financialYear(fields, object, 'clearDeficitBy', path, true);
  const conditions = (fields.array(object, 'conditions', path, true) ?? []).flatMap((c) =>
    typeof c === 'string' ? [c] : [],
  );
  if (!total || inYearBalanceBy === undefined) return undefined;
  return {
    total,
    instalments,
    localContributions,
    inYearBalanceBy,
    ...(clearDeficitBy !== undefined ? { clearDeficitBy } : {}),
    conditions,
  };
}
