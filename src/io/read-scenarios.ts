import type { Decimal } from 'decimal.js';
import { error, type Issue, type Location } from '../core/issue.js';
import type { Assumptions, FundingRow } from '../core/model.js';
import {
  type Agreement,
  type Instalment,
  type Lever,
  type Scenario,
} from '../core/scenario/types.js';
import type { JsonFields } from './json-fields.js';
import type { JsonValue } from './json-source.js';
import { financialYearField } from './json-years.js';
import { readFundingRow } from './read-funding-row.js';
import { jsonFields } from './read-json.js';
import { readLever, type TariffLoader } from './read-lever.js';
import { ASSUMPTION_KEYS } from './read-manifest.js';

const KEYS = {
  root: ['scenarios'],
  scenario: ['id', 'label', 'base', 'assumptions', 'funding', 'levers', 'agreement', 'notes'],
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
    // model.json's assumptions but otherSpendGrowth, which spend.csv's lines take from the model alone.
    fields.knownKeys(assumptionsObject, `${path}.assumptions`, ASSUMPTION_KEYS);
    for (const key of ASSUMPTION_KEYS) {
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
      const year = financialYearField(fields, row, 'financialYear', p);
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
      const paidIn = financialYearField(fields, row, 'paidIn', p, status !== 'backdated');
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
      const year = financialYearField(fields, row, 'financialYear', p);
      const amount = fields.decimal(row, 'amount', p);
      return year !== undefined && amount ? [{ financialYear: year, amount }] : [];
    },
  );
  const inYearBalanceBy = financialYearField(fields, object, 'inYearBalanceBy', path);
  const clearDeficitBy = financialYearField(fields, object, 'clearDeficitBy', path, true);
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
