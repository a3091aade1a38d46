import { Dec, sum } from '../core/decimal.js';
import { error, type Issue } from '../core/issue.js';
import { FACTOR_COLUMNS } from '../core/nff/factors.js';
import {
  type FloorCapParameters,
  type FormulaParameters,
  NFF_ELEMENTS,
  type NffElement,
  type NffParameters,
  type ProxyFactorParameter,
  type RolledInGrant,
  type RolloverParameters,
} from '../core/nff/parameters.js';
import { type FinancialYear, formatFinancialYear } from '../core/period.js';
import type { JsonFields, JsonObject } from './json-fields.js';
import { financialYearField } from './json-years.js';
import { NFF_STANDING, readPart, readValue } from './read-nff-values.js';
import { citableIds, readReferences, readStanding } from './read-citations.js';
import { jsonFields } from './read-json.js';

/** The keys each part of a parameters file may have (docs/nff.md); anything else is UNKNOWN_KEY. */
const KEYS = {
  formula: [
    'financialYear',
    'mode',
    'title',
    'references',
    'basicEntitlement',
    'historicSpend',
    'proxyFactors',
    'importExport',
    'floorCap',
    'nationalTotal',
    'notes',
  ],
  rollover: ['financialYear', 'mode', 'title', 'references', 'rollover', 'nationalTotal', 'notes'],
  basicEntitlement: ['rate'],
  historicSpend: ['share'],
  importExport: ['rate'],
  proxyFactors: ['pot', 'factors'],
  factor: ['id', 'label', 'weight', 'unitValue'],
  floorCap: ['floor', 'cap', 'compare'],
  compare: ['elements', 'status', 'reference', 'notes'],
  rolloverPart: ['uplift', 'rolledInGrants'],
  grant: ['id', 'label', 'column', 'status', 'reference', 'notes'],
} as const;

const COLUMN_NAME = /^[a-z][a-z0-9_]*$/;
const FIXED_COLUMNS: ReadonlySet<string> = new Set(Object.values(FACTOR_COLUMNS));

/**
 * Reads nff-parameters/<year>.json for the year asked for. Returns the parameters whenever
 * every part could be read, even with errors such as a floor above the cap, so that the
 * factors file is still checked against them and every problem is reported at once.
 */
export function parseNffParameters(
  text: string,
  file: string,
  year: FinancialYear,
  issues: Issue[],
): NffParameters | undefined {
  const fields = jsonFields(text, file, issues);
  const root = fields?.object(fields.root, '$');
  if (!fields || !root) return undefined;
  const mode = fields.string(root, 'mode', '$');
  if (mode !== undefined && mode !== 'formula' && mode !== 'rollover') {
    issues.push(
      error(
        'INVALID_FIELD',
        `$.mode "${mode}" is not "formula" or "rollover"`,
        fields.at('$.mode'),
      ),
    );
  }
  fields.knownKeys(root, '$', mode === 'rollover' ? KEYS.rollover : KEYS.formula);
  const financialYear = readYear(fields, root, year);
  const title = fields.string(root, 'title', '$');
  const notes = fields.string(root, 'notes', '$', true);
  const references = readReferences(fields, root, {
    idRequired: true,
    empty: 'every value cites a source',
  });
  const citable = citableIds(references);
  const nationalTotal = readValue(fields, root, 'nationalTotal', '$', citable, { optional: true });
  const body =
    mode === 'rollover'
      ? readRollover(fields, root, citable)
      : mode === 'formula'
        ? readFormula(fields, root, citable)
        : undefined;
  if (financialYear === undefined || title === undefined || !body) return undefined;
  return {
    financialYear,
    title,
    references,
    ...(nationalTotal ? { nationalTotal } : {}),
    ...(notes ? { notes } : {}),
    source: file,
    ...body,
  };
}

function readYear(
  fields: JsonFields,
  root: JsonObject,
  year: FinancialYear,
): FinancialYear | undefined {
  const parsed = financialYearField(fields, root, 'financialYear', '$');
  if (parsed === undefined) return undefined;
  if (parsed !== year) {
    fields.issues.push(
      error(
        'NFF_WRONG_YEAR',
        `$.financialYear is ${formatFinancialYear(parsed)}, but the parameters were read for ${formatFinancialYear(year)}`,
        fields.at('$.financialYear'),
        `nff-parameters/${formatFinancialYear(year)}.json must describe ${formatFinancialYear(year)}`,
      ),
    );
  }
  return year;
}

function readFormula(
  fields: JsonFields,
  root: JsonObject,
  citable: ReadonlySet<string>,
): FormulaParameters | undefined {
  const part = (key: keyof typeof KEYS) => readPart(fields, root, key, '$', KEYS[key]);
  const basic = part('basicEntitlement');
  const historic = part('historicSpend');
  const importExport = part('importExport');
  const basicEntitlementRate =
    basic && readValue(fields, basic, 'rate', '$.basicEntitlement', citable);
  const historicSpendShare =
    historic && readValue(fields, historic, 'share', '$.historicSpend', citable, { share: true });
  const importExportRate =
    importExport && readValue(fields, importExport, 'rate', '$.importExport', citable);
  const proxies = readProxies(fields, root, citable);
  const floorCap = readFloorCap(fields, root, citable);
  if (!basicEntitlementRate || !historicSpendShare || !importExportRate || !proxies || !floorCap)
    return undefined;
  return {
    mode: 'formula',
    basicEntitlementRate,
    historicSpendShare,
    importExportRate,
    floorCap,
    proxyFactors: proxies.factors,
    ...(proxies.pot ? { proxyPot: proxies.pot } : {}),
  };
}

function readProxies(
  fields: JsonFields,
  root: JsonObject,
  citable: ReadonlySet<string>,
): { pot?: FormulaParameters['proxyPot']; factors: ProxyFactorParameter[] } | undefined {
  const path = '$.proxyFactors';
  const part = readPart(fields, root, 'proxyFactors', '$', KEYS.proxyFactors);
  if (!part) return undefined;
  const pot = readValue(fields, part, 'pot', path, citable, { optional: true });
  const list = fields.array(part, 'factors', path) ?? [];
  const seen = new Set<string>();
  let complete = part['pot'] === undefined || pot !== undefined;
  const factors = list.flatMap((value, i): ProxyFactorParameter[] => {
    const at = `${path}.factors[${i}]`;
    const factor = fields.object(value, at);
    if (!factor) return ((complete = false), []);
    fields.knownKeys(factor, at, KEYS.factor);
    const id = fields.string(factor, 'id', at);
    const label = fields.string(factor, 'label', at, true);
    // With a pot, each factor is paid its weight's share of it; without, its unit value.
    const weight = readValue(fields, factor, 'weight', at, citable, {
      optional: part['pot'] === undefined,
      share: true,
    });
    const unitValue = readValue(fields, factor, 'unitValue', at, citable, {
      optional: part['pot'] !== undefined,
    });
    if (part['pot'] !== undefined && factor['unitValue'] !== undefined) {
      fields.issues.push(
        error(
          'INVALID_FIELD',
          `${at}.unitValue is given as well as $.proxyFactors.pot; give a pot and weights, or unit values`,
          fields.at(`${at}.unitValue`),
        ),
      );
    }
    if (id !== undefined && !validColumn(fields, id, `${at}.id`, id === FACTOR_COLUMNS.population))
      return ((complete = false), []);
    if (id !== undefined && seen.has(id))
      fields.issues.push(
        error(
          'DUPLICATE_ROW',
          `proxy factor "${id}" is listed more than once`,
          fields.at(`${at}.id`),
        ),
      );
    if (id === undefined || seen.has(id) || (part['pot'] !== undefined ? !weight : !unitValue))
      return ((complete = false), []);
    seen.add(id);
    return [
      {
        id,
        label: label ?? id,
        ...(weight ? { weight } : {}),
        ...(unitValue ? { unitValue } : {}),
      },
    ];
  });
  checkWeights(fields, factors, path);
  return complete ? { ...(pot ? { pot } : {}), factors } : undefined;
}

/** Weights are shares of one pot: when any factor has one, they must all, and add up to exactly 1. */
function checkWeights(
  fields: JsonFields,
  factors: readonly ProxyFactorParameter[],
  path: string,
): void {
  const weighted = factors.filter((f) => f.weight);
  if (weighted.length === 0) return;
  if (weighted.length < factors.length) {
    fields.issues.push(
      error(
        'MISSING_VALUE',
        `${path}: ${factors
          .filter((f) => !f.weight)
          .map((f) => f.id)
          .join(
            ', ',
          )} ${factors.length - weighted.length === 1 ? 'has' : 'have'} no weight, but other factors do`,
        fields.at(`${path}.factors`),
      ),
    );
    return;
  }
  const total = sum(weighted.map((f) => f.weight!.value));
  if (!total.equals(new Dec(1))) {
    fields.issues.push(
      error(
        'NFF_WEIGHTS_NOT_ONE',
        `the proxy factors' weights add up to ${total.toFixed()}, not 1`,
        fields.at(`${path}.factors`),
        `weights: ${weighted.map((f) => `${f.id} ${f.weight!.value.toFixed()}`).join(', ')}`,
      ),
    );
  }
}

function readFloorCap(
  fields: JsonFields,
  root: JsonObject,
  citable: ReadonlySet<string>,
): FloorCapParameters | undefined {
  const path = '$.floorCap';
  const part = readPart(fields, root, 'floorCap', '$', KEYS.floorCap);
  if (!part) return undefined;
  // A floor may be a cut (negative): a change per head a year, so above -1 and at most 1
  // (src/core/growth.ts). The cap is a change too, but only a ceiling: a large one (100) is how a
  // what-if without a gains cap is written, so it has no upper bound; it is above -1, as it may
  // not be below the floor (NFF_FLOOR_ABOVE_CAP).
  const floor = readValue(fields, part, 'floor', path, citable, { growth: true });
  const cap = readValue(fields, part, 'cap', path, citable, { allowNegative: true });
  if (floor && cap && floor.value.greaterThan(cap.value)) {
    fields.issues.push(
      error(
        'NFF_FLOOR_ABOVE_CAP',
        `the floor ${floor.value.toFixed()} is above the gains cap ${cap.value.toFixed()}`,
        floor.origin,
        'the floor is the least change per head and the cap the most; swap them, or lower the floor',
      ),
    );
  }
  const compare = readCompare(fields, part, citable);
  return floor && cap && compare ? { floor, cap, compare } : undefined;
}

function readCompare(
  fields: JsonFields,
  part: JsonObject,
  citable: ReadonlySet<string>,
): FloorCapParameters['compare'] | undefined {
  const path = '$.floorCap.compare';
  const compare = readPart(fields, part, 'compare', '$.floorCap', KEYS.compare);
  if (!compare) return undefined;
  const list = fields.array(compare, 'elements', path) ?? [];
  if (list.length === 0 && compare['elements'] !== undefined)
    fields.issues.push(
      error(
        'MISSING_VALUE',
        `${path}.elements is empty; name the elements the floor and cap compare`,
        fields.at(`${path}.elements`),
      ),
    );
  const elements: NffElement[] = [];
  list.forEach((value, i) => {
    const element = NFF_ELEMENTS.find((e) => e === value);
    if (!element || elements.includes(element)) {
      fields.issues.push(
        error(
          'INVALID_FIELD',
          `${path}.elements[${i}] ${element ? `"${element}" is listed twice` : `${JSON.stringify(value)} is not an element`}`,
          fields.at(`${path}.elements[${i}]`),
          `elements: ${NFF_ELEMENTS.join(', ')}`,
        ),
      );
      return;
    }
    elements.push(element);
  });
  const { status, reference } = readStanding(fields, compare, path, citable, NFF_STANDING);
  const notes = fields.string(compare, 'notes', path, true);
  if (elements.length !== list.length || elements.length === 0 || !status || !reference)
    return undefined;
  return { elements, status, reference, ...(notes ? { notes } : {}) };
}

function readRollover(
  fields: JsonFields,
  root: JsonObject,
  citable: ReadonlySet<string>,
): RolloverParameters | undefined {
  const path = '$.rollover';
  const part = readPart(fields, root, 'rollover', '$', KEYS.rolloverPart);
  if (!part) return undefined;
  const uplift = readValue(fields, part, 'uplift', path, citable, { growth: true });
  const seen = new Set<string>();
  let complete = true;
  const grants = (fields.array(part, 'rolledInGrants', path) ?? []).flatMap(
    (value, i): RolledInGrant[] => {
      const at = `${path}.rolledInGrants[${i}]`;
      const grant = fields.object(value, at);
      if (!grant) return ((complete = false), []);
      fields.knownKeys(grant, at, KEYS.grant);
      const id = fields.string(grant, 'id', at);
      const label = fields.string(grant, 'label', at, true);
      const column = fields.string(grant, 'column', at);
      const { status, reference } = readStanding(fields, grant, at, citable, NFF_STANDING);
      const notes = fields.string(grant, 'notes', at, true);
      if (column !== undefined && !validColumn(fields, column, `${at}.column`, false))
        return ((complete = false), []);
      for (const [key, text] of [
        ['id', id],
        ['column', column],
      ] as const) {
        if (text !== undefined && seen.has(`${key}\u0000${text}`))
          fields.issues.push(
            error(
              'DUPLICATE_ROW',
              `rolled-in grant ${key} "${text}" is given more than once`,
              fields.at(`${at}.${key}`),
            ),
          );
      }
      if (
        !id ||
        !column ||
        !status ||
        !reference ||
        seen.has(`id\u0000${id}`) ||
        seen.has(`column\u0000${column}`)
      )
        return ((complete = false), []);
      seen.add(`id\u0000${id}`).add(`column\u0000${column}`);
      return [{ id, label: label ?? id, column, status, reference, ...(notes ? { notes } : {}) }];
    },
  );
  return uplift && complete ? { mode: 'rollover', uplift, rolledInGrants: grants } : undefined;
}

/** A factor or grant names a column of nff-factors.csv: lower-case, and not one of the fixed columns. */
function validColumn(
  fields: JsonFields,
  name: string,
  path: string,
  fixedAllowed: boolean,
): boolean {
  if (COLUMN_NAME.test(name) && (fixedAllowed || !FIXED_COLUMNS.has(name))) return true;
  const why = COLUMN_NAME.test(name)
    ? `is one of the fixed columns of nff-factors.csv`
    : 'is not a column name (lower-case letters, digits and _)';
  fields.issues.push(error('INVALID_FIELD', `${path} "${name}" ${why}`, fields.at(path)));
  return false;
}
