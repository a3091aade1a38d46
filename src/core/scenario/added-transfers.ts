import type { Issue } from '../issue.js';
import type { FundingRow, Model } from '../model.js';
import { transferIssues } from '../transfers.js';
import { applyScenario } from './apply.js';
import type { Scenario } from './types.js';

/**
 * The Schools Forum's 0.5% check (src/core/transfers.ts) for the block transfers a scenario adds
 * as a share of a stated schools block (its `funding` rows and funding levers in scenarios.json,
 * solve's `--vary transfer:YEAR:SCHOOLS_BLOCK`): each such year's transfers together, the
 * model's own rows of that year included, as funding.csv's are checked. Warnings only: the
 * model's own rows were checked when it was read.
 */
export function addedTransferWarnings(model: Model, scenario: Scenario): Issue[] {
  const added: FundingRow[] = [
    ...scenario.funding,
    ...scenario.levers.flatMap((lever) => (lever.kind === 'funding' ? lever.rows : [])),
  ];
  const years = new Set(
    added
      .filter((row) => row.line === 'block_transfer' && row.schoolsBlock)
      .map((row) => row.financialYear),
  );
  if (years.size === 0) return [];
  const funding = applyScenario(model, scenario).model.funding;
  return transferIssues(
    funding.filter((row) => years.has(row.financialYear)),
    model.transferLimit,
  ).filter((issue) => issue.severity === 'warning');
}
