import { InputError, UsageError } from '../../core/errors.js';
import { formatFinancialYear } from '../../core/period.js';
import type { Decimal } from 'decimal.js';
import { ZERO } from '../../core/decimal.js';
import { toPence } from '../../core/rounding.js';
import type { Model } from '../../core/model.js';
import { poundsOfPence } from '../../core/money-text.js';
import { agreementBasis } from '../../report/headline.js';
import type { Projection } from '../../core/projection.js';
import { ProjectionCache } from '../../core/demand/cache.js';
import { projectScenario } from '../../core/scenario/apply.js';
import { assessAgreement } from '../../core/scenario/agreement.js';
import { hasLeftOutIncome, underlyingInYearBalance } from '../../core/underlying-balance.js';
import { attributeSavings, type Attribution } from '../../core/scenario/attribution.js';
import { shownSavings } from '../../report/shown-savings.js';
import type { Scenario } from '../../core/scenario/types.js';
import { filesIn, lookalikeFiles } from '../../io/lookalike-files.js';
import { checkOutputOption } from '../../io/write-output.js';
import { writeOrPrint } from '../write-or-print.js';
import { fitText } from '../../report/fit-width.js';
import { figure, renderRecords, type Record_ } from '../../report/records.js';
import { jsonText, rawNumber, type JsonOut } from '../../report/json.js';
import { warningsJson } from '../warnings-json.js';
import { findScenarios, type ModelOptions, openModel } from '../open-model.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { scenarioIds, scenariosFromScenario } from '../scenario-spelling.js';
import { tableWidth } from '../terminal.js';
import { defaultModelDir } from '../version.js';
import { printWarnings } from '../print-warnings.js';
import type { Issue } from '../../core/issue.js';

export interface CompareOptions extends ModelOptions {
  readonly scenarios?: string;
  readonly format?: Format;
  readonly savings?: boolean;
  readonly out?: string;
  readonly bom?: boolean;
  readonly quiet?: boolean;
  /** project's spelling, taken as --scenarios. */
  readonly scenario?: string;
}

const ROW_COLUMNS = [
  'scenario',
  'financial_year',
  'spend_total',
  'income_total',
  'in_year_balance',
  'cumulative_balance',
  'spend_change',
  'in_year_change',
  'cumulative_change',
  // Last, so scripts reading columns by position keep working (README, "Output").
  'underlying_in_year_balance',
];
const SAVING_COLUMNS = [
  'scenario',
  'base',
  'lever',
  'label',
  'financial_year',
  'spend_saving',
  'balance_improvement',
];

/**
 * `highneeds compare [model-dir] [--scenarios a,b]`: the scenarios side by side per financial
 * year, with differences from the first; DBV savings by lever for each scenario with a base;
 * Safety Valve targets and instalments at risk for each scenario with an agreement.
 */
export async function runCompare(
  dirArgument: string | undefined,
  given: CompareOptions,
): Promise<number> {
  const options: CompareOptions = { ...given, ...scenariosFromScenario('compare', given) };
  const format = outputFormat(options);
  withBom('', format, options.bom);
  checkOutputOption('--out', options.out);
  const dir = dirArgument ?? defaultModelDir();
  // Before the model is read: an empty --scenarios is a usage error, not "all".
  const ids = scenarioIds(options.scenarios);
  const open = await openModel(dir, {
    ...options,
    reading: { quiet: Boolean(options.quiet), json: format === 'json' },
  });
  const chosen: Scenario[] = ids ? findScenarios(open, ids, '--scenarios') : [...open.scenarios];
  if (chosen.length === 0) {
    // One Notepad saved as scenarios.json.txt is named (found by an officer's trial).
    const named = lookalikeFiles(filesIn(dir), 'scenarios.json')[0];
    throw new UsageError(
      `${dir} has no scenarios.json${named ? ` (${named} is not read: rename it scenarios.json)` : ''}; give --scenarios-file, or see docs/scenarios.md`,
    );
  }
  const cache = new ProjectionCache();
  // The model's and scenarios' warnings, and each projection's, as project prints them.
  const warnings: Issue[] = [...open.issues];
  const projections = chosen.map((scenario) => {
    const outcome = projectScenario(open.model, scenario, undefined, { cache });
    if (!outcome.projection) throw new InputError([...warnings, ...outcome.issues]);
    warnings.push(...outcome.issues);
    return { scenario, projection: outcome.projection };
  });
  await printWarnings(warnings);
  const first = projections[0]!.projection;
  const rows: Record_[] = projections.flatMap(({ scenario, projection }) =>
    projection.years.map((year, i) => ({
      scenario: scenario.id,
      financial_year: formatFinancialYear(year.financialYear),
      spend_total: figure(year.spendTotal),
      income_total: figure(year.income.total),
      in_year_balance: figure(year.inYearBalance),
      cumulative_balance: figure(year.cumulativeBalance),
      spend_change: figure(year.spendTotal.minus(first.years[i]!.spendTotal)),
      in_year_change: figure(year.inYearBalance.minus(first.years[i]!.inYearBalance)),
      cumulative_change: figure(year.cumulativeBalance.minus(first.years[i]!.cumulativeBalance)),
      underlying_in_year_balance: figure(underlyingInYearBalance(year)),
    })),
  );
  // Savings by lever (a projection per lever of each scenario with a base) are worked out only
  // for an output that shows them: the CSV of the rows does not, and they were some 30% of its run.
  let attributed: { scenario: Scenario; base: Scenario; result: Attribution }[] | undefined;
  const attributions = () =>
    (attributed ??= projections.flatMap(({ scenario }) => {
      const base =
        scenario.base === undefined
          ? undefined
          : open.scenarios.find((s) => s.id === scenario.base);
      if (!base || scenario.levers.length === scenario.inheritedLevers) return [];
      const result = attributeSavings(open.model, scenario, base, cache);
      if ('issues' in result) throw new InputError(result.issues);
      return [{ scenario, base, result }];
    }));
  const savingRows = (): Record_[] =>
    attributions().flatMap(({ scenario, base, result }) => savingsRows(scenario, base, result));
  const withAgreement = projections.filter(({ scenario }) => scenario.agreement !== undefined);
  let text: string;
  const width = tableWidth(Boolean(options.out));
  if (options.savings)
    text = renderRecords(format, SAVING_COLUMNS, savingRows(), {
      width,
      keys: ['lever', 'financial_year'],
    });
  else if (format === 'csv') text = renderRecords('csv', ROW_COLUMNS, rows);
  else if (format === 'json') {
    text = `{\n"rows": ${renderRecords('json', ROW_COLUMNS, rows).trimEnd()},\n"savings": ${renderRecords('json', SAVING_COLUMNS, savingRows()).trimEnd()},\n"agreements": ${jsonText(agreements(open.model, projections).map(agreementJson)).trimEnd()},\n${warningsJson(dir, warnings)}\n}\n`;
  } else {
    text = [
      fitText(
        `Scenarios for ${open.model.area.name} (${open.model.area.code}), £; changes against "${chosen[0]!.id}"`,
        width,
      ),
      renderRecords('table', tableColumns(projections), rows, {
        width,
        keys: ['scenario', 'financial_year'],
      }),
      ...attributions().map(
        ({ scenario, base, result }) =>
          `${fitText(`In-year balance improvement by lever, "${scenario.id}" against "${base.id}", £ (sequential in lever order; the levers add up to the total)`, width)}\n${savingsTable(result, width)}`,
      ),
      // One summary per projection with an agreement, in order: its basis is that projection's.
      ...agreements(open.model, withAgreement).map((agreement, i) =>
        fitText(agreementText(agreement, agreementBasis(withAgreement[i]!.projection)), width),
      ),
    ].join('\n');
  }
  text = withBom(text, format, options.bom);
  await writeOrPrint(
    text,
    options.out,
    open.inputs.map((i) => i.path),
  );
  return 0;
}

/**
 * The table's columns: the underlying in-year balance beside the in-year balance, and only where a
 * scenario's differs from it (Safety Valve or write-off income); CSV and JSON always have it, last.
 */
function tableColumns(projections: readonly { projection: Projection }[]): string[] {
  const shown = projections.some(({ projection }) => hasLeftOutIncome(projection.years));
  return ROW_COLUMNS.flatMap((column) =>
    column === 'underlying_in_year_balance'
      ? []
      : column === 'in_year_balance' && shown
        ? [column, 'underlying_in_year_balance']
        : [column],
  );
}

function savingsRows(scenario: Scenario, base: Scenario, result: Attribution): Record_[] {
  return shownSavings(result.savings).flatMap((saving) =>
    saving.byYear.map((year) => ({
      scenario: scenario.id,
      base: base.id,
      lever: saving.id,
      label: saving.label,
      financial_year: formatFinancialYear(year.financialYear),
      spend_saving: figure(year.spendSaving),
      balance_improvement: figure(year.balanceImprovement),
    })),
  );
}

/**
 * Levers down, years across, with each lever's total and the whole difference between the
 * projections. A total is the sum of its row's printed years, so the total column adds up down
 * the levers as each year's does (the difference's exact total rounded once could miss the
 * levers' by a penny; found by a user trial), as the report's "All years" formula does.
 */
function savingsTable(result: Attribution, width: number | undefined): string {
  const years = result.scenario.years.map((y) => formatFinancialYear(y.financialYear));
  const row = (lever: string, values: readonly Decimal[]): Record_ => ({
    lever,
    ...Object.fromEntries(values.map((v, i) => [years[i]!, figure(v)])),
    total: figure(values.reduce((t, v) => t.plus(toPence(v)), ZERO)),
  });
  const rows = shownSavings(result.savings).map((saving) =>
    row(
      saving.id,
      saving.byYear.map((y) => y.balanceImprovement),
    ),
  );
  rows.push(
    row(
      'difference between the projections',
      result.scenario.years.map((year, i) =>
        year.inYearBalance.minus(result.base.years[i]!.inYearBalance),
      ),
    ),
  );
  return renderRecords('table', ['lever', ...years, 'total'], rows, { width, keys: ['lever'] });
}

interface AgreementSummary {
  scenario: string;
  first_in_year_balance: string | null;
  targets: { target: string; by: string; met: boolean; missed_in?: string }[];
  instalments_total: string;
  agreed_total: string;
  at_risk: { financial_year: string; amount: string }[];
  cumulative_at_horizon: string;
  cumulative_at_horizon_without_at_risk: string;
}

function agreements(
  model: Model,
  projections: readonly { scenario: Scenario; projection: Projection }[],
): AgreementSummary[] {
  return projections.flatMap(({ scenario, projection }) => {
    const agreement = scenario.agreement;
    if (!agreement) return [];
    const assessment = assessAgreement(agreement, projection);
    // The position without the at-risk instalments is projected, not subtracted: it is the same
    // ledger with those payments left out.
    const without = assessment.atRisk.length
      ? (projectScenario(model, scenario, undefined, {
          dropInstalments: new Set(assessment.atRisk),
        }).projection ?? projection)
      : projection;
    const last = (p: Projection) => toPence(p.years[p.years.length - 1]!.cumulativeBalance);
    return [
      {
        scenario: scenario.id,
        first_in_year_balance:
          assessment.firstInYearBalance === undefined
            ? null
            : formatFinancialYear(assessment.firstInYearBalance),
        targets: assessment.targets.map((t) => ({
          target: t.target,
          by: formatFinancialYear(t.by),
          met: t.met,
          ...(t.missedIn !== undefined ? { missed_in: formatFinancialYear(t.missedIn) } : {}),
        })),
        instalments_total: toPence(assessment.instalmentsTotal),
        agreed_total: toPence(agreement.total),
        at_risk: assessment.atRisk.map((i) => ({
          financial_year: formatFinancialYear(agreement.instalments[i]!.financialYear),
          amount: toPence(agreement.instalments[i]!.amount),
        })),
        cumulative_at_horizon: last(projection),
        cumulative_at_horizon_without_at_risk: last(without),
      },
    ];
  });
}

/**
 * An agreement as JSON, its money as exact number literals as the rows' and savings' are beside
 * it (a scripter's trial found these alone as strings: `"-7520141.07"` beside `-7520141.07`).
 */
function agreementJson(a: AgreementSummary): JsonOut {
  return {
    ...a,
    instalments_total: rawNumber(a.instalments_total),
    agreed_total: rawNumber(a.agreed_total),
    at_risk: a.at_risk.map((r) => ({
      financial_year: r.financial_year,
      amount: rawNumber(r.amount),
    })),
    cumulative_at_horizon: rawNumber(a.cumulative_at_horizon),
    cumulative_at_horizon_without_at_risk: rawNumber(a.cumulative_at_horizon_without_at_risk),
  };
}

function agreementText(a: AgreementSummary, basis: string): string {
  const lines = [
    `Safety Valve agreement in "${a.scenario}": agreed total ${poundsOfPence(a.agreed_total)}, instalments ${poundsOfPence(a.instalments_total)}${a.agreed_total === a.instalments_total ? '' : ' (instalments do not add up to the agreed total)'}`,
  ];
  lines.push(
    `  underlying in-year balance (before ${basis}) first reached: ${a.first_in_year_balance ?? 'not within the projection'}`,
  );
  for (const t of a.targets)
    lines.push(
      `  ${t.target === 'in-year balance' ? `underlying in-year balance from ${t.by} on` : `cumulative deficit cleared by ${t.by}`}: ${t.met ? 'met' : t.missed_in && t.missed_in !== t.by ? `MISSED (first in ${t.missed_in})` : 'MISSED'}`,
    );
  lines.push(
    a.at_risk.length
      ? `  instalments at risk: ${a.at_risk.map((r) => `${poundsOfPence(r.amount)} due ${r.financial_year}`).join(', ')}`
      : '  no instalment at risk',
  );
  lines.push(
    `  cumulative balance at the horizon: ${poundsOfPence(a.cumulative_at_horizon)}${a.at_risk.length ? `; without the at-risk instalments: ${poundsOfPence(a.cumulative_at_horizon_without_at_risk)}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
