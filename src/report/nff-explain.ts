import { DEDUCTION_PARTS } from '../core/nff/deductions.js';
import type { Decimal } from 'decimal.js';
import type { AreaFactors } from '../core/nff/factors.js';
import type { NffParameters } from '../core/nff/parameters.js';
import type { FormulaArea, NffResult, RolloverArea } from '../core/nff/result.js';
import { formatFinancialYear } from '../core/period.js';
import { MIN_WIDTH, wrapWords } from './fit-width.js';
import { withThousands } from '../core/thousands.js';
import { percentText } from './nff-rows.js';
import { sourcesLine, standingLine } from './nff-parameters.js';
import { visible } from './visible.js';
import { poundsText } from '../core/money-text.js';

const count = (value: Decimal): string => withThousands(value.toFixed());
const signed = (value: Decimal, places?: number): string =>
  `${value.isNegative() ? '' : '+'}${percentText(value, places)}%`;

/**
 * `--area CODE`: one area's calculation in words and numbers, each step from the ones before.
 * Given a width (a terminal's), a line longer than it wraps at spaces, carrying on under the
 * text of its step; without one each step keeps to one line, however long.
 */
export function explainArea(
  result: NffResult,
  parameters: NffParameters,
  factors: AreaFactors,
  width?: number,
): string {
  const year = formatFinancialYear(result.financialYear);
  const head = [
    `${factors.name} (${factors.code}): high-needs NFF ${year}, step by step`,
    `parameters: ${parameters.source ?? ''} (${parameters.title})`,
    '',
  ];
  let body: string[] = [];
  if (result.mode === 'formula' && parameters.mode === 'formula')
    body = formulaSteps(
      result.areas.find((a) => a.code === factors.code)!,
      result,
      parameters,
      factors,
    );
  if (result.mode === 'rollover' && parameters.mode === 'rollover')
    body = rolloverSteps(
      result.areas.find((a) => a.code === factors.code)!,
      parameters,
      factors,
    );
  const capSolved = result.mode === 'formula' && result.solvedCap !== undefined;
  // An area's name and the parameters' title are read from files: shown, not obeyed (src/report/visible.ts).
  const lines = [
    ...head,
    ...body,
    '',
    `parameter values — ${standingLine(parameters, capSolved)} (docs/nff.md)`,
    ...[sourcesLine(parameters, capSolved)].filter((line) => line !== undefined),
  ].map(visible);
  return `${(width === undefined ? lines : lines.flatMap((line) => wrapStep(line, width))).join('\n')}\n`;
}

/** A line within the width, broken at spaces; its continuation lines start under the step's text (after ` 1. `), two further in. */
function wrapStep(line: string, width: number): string[] {
  // Narrower terminals are treated as MIN_WIDTH wide, as tables are.
  const target = Math.max(width, MIN_WIDTH);
  if (line.length <= target) return [line];
  const lead = /^ *(\d+\. )?/.exec(line)![0];
  const hanging = ' '.repeat(Math.min(lead.length + 2, Math.floor(target / 4)));
  return wrapWords(line.slice(lead.length), target - lead.length, target - hanging.length).map(
    (text, i) => `${i === 0 ? lead : hanging}${text}`,
  );
}

function formulaSteps(
  area: FormulaArea,
  result: Extract<NffResult, { mode: 'formula' }>,
  parameters: Extract<NffParameters, { mode: 'formula' }>,
  factors: AreaFactors,
): string[] {
  const aca = area.aca.toFixed();
  const lines = [
    ` 1. Basic entitlement: ${count(factors.basicEntitlementPupils)} pupils × ${poundsText(parameters.basicEntitlementRate.value)} × ACA ${aca} = ${poundsText(area.basicEntitlement)}`,
    ` 2. Historic spend: ${poundsText(factors.historicSpend)} × ${parameters.historicSpendShare.value.toFixed()} = ${poundsText(area.historicSpend)}`,
    ` 3. Proxy factors, each value × unit value × ACA ${aca}:`,
    ...area.proxies.map((p) => {
      const unit = result.unitValues.find((u) => u.id === p.id)!.unitValue;
      return `      ${p.id}: ${count(factors.proxies.get(p.id)!)} × ${poundsText(unit)}${unit.decimalPlaces() > 2 ? ` (${unit.toDecimalPlaces(6).toFixed()})` : ''} × ${aca} = ${poundsText(p.amount)}`;
    }),
    `    proxy total = ${poundsText(area.proxyTotal)}`,
    ` 4. Hospital education: ${poundsText(area.hospitalEducation)}`,
    ` 5. Formula total (1 + 2 + 3 + 4) = ${poundsText(area.formulaTotal)}`,
    ` 6. Floor and cap on ${parameters.floorCap.compare.elements.join(' + ')} = ${poundsText(area.compared)}:`,
    `      per head of the population aged 2–18: ${poundsText(area.compared)} ÷ ${count(area.population)} = ${poundsText(area.comparedPerHead)}`,
    `      baseline per head: ${poundsText(area.baselineAllocation)} ÷ ${count(area.baselinePopulation)} = ${poundsText(area.baselinePerHead)}`,
    `      change per head ${signed(area.changePerHead, 2)}; floor ${signed(result.floor)}, cap ${signed(result.cap)}: ${limitText(area)}`,
    ` 7. Elements after the floor and cap (5 + 6) = ${poundsText(area.elementsTotal)}`,
    ` 8. Import/export: ${count(factors.netImportedPupils)} net imported pupils × ${poundsText(parameters.importExportRate.value)} = ${poundsText(area.importExport)}`,
    ` 9. Allocation (7 + 8) = ${poundsText(area.allocation)}`,
  ];
  return [...lines, deductionLine(area, factors)];
}

function limitText(area: FormulaArea): string {
  if (area.limit === 'floor')
    return `below the floor, so protected by ${poundsText(area.protection)}`;
  if (area.limit === 'cap')
    return `above the cap, so gains cut by ${poundsText(area.protection.negated())}`;
  return 'between the floor and the cap, so no adjustment';
}

function rolloverSteps(
  area: RolloverArea,
  parameters: Extract<NffParameters, { mode: 'rollover' }>,
  factors: AreaFactors,
): string[] {
  return [
    ` 1. Baseline allocation (last year's): ${poundsText(area.baselineAllocation)}`,
    ` 2. Uplift: ${poundsText(area.baselineAllocation)} × ${parameters.uplift.value.toFixed()} = ${poundsText(area.uplift)}`,
    ` 3. Rolled-in grants: ${area.grants.length ? area.grants.map((g) => `${g.id} ${poundsText(g.amount)}`).join(', ') : 'none'}`,
    ` 4. Import/export (this year's, as given) = ${poundsText(area.importExport)}`,
    ` 5. Allocation (1 + 2 + 3 + 4) = ${poundsText(area.allocation)}`,
    deductionLine(area, factors),
  ];
}

function deductionLine(area: FormulaArea | RolloverArea, factors: AreaFactors): string {
  if (!area.afterDeductions) return '    no place deductions given, so no block after deductions';
  const parts = DEDUCTION_PARTS.flatMap(([key, label]) =>
    factors[key] ? [`${label} ${poundsText(factors[key])}`] : [],
  );
  return `    After place deductions (${parts.join(', ')}) = ${poundsText(area.afterDeductions)}`;
}
