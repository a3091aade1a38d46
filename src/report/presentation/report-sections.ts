import { drawnInputs } from '../../core/simulate/drawn-inputs.js';
import { balanceSections, breakdownSections } from './chart-sections.js';
import { dsgPlanSection } from './dsg-plan.js';
import { fanSection } from './fan-section.js';
import { headlineSection } from './headline-section.js';
import {
  assumptionsSection,
  provenanceSection,
  switchedTariffSections,
  tariffSection,
} from './reference-sections.js';
import { safetyValveSection, savingsSection } from './scenario-sections.js';
import type { ReportModel } from './report-model.js';
import type { ReportSection } from './section.js';
import { summarySection } from './summary-section.js';
import { warningsSection } from './warnings-section.js';

/**
 * The HTML report's sections in reading order. The breakdowns are of the last scenario chosen
 * (the plan: scenarios run from unmitigated to mitigated); the balances compare them all.
 */
export function reportSections(report: ReportModel, draws?: string): ReportSection[] {
  const plan = report.scenarios.at(-1)!;
  const labelOf = new Map(report.model.tariff.settings.map((s) => [s.id, s.label]));
  const warnings = warningsSection(report.warnings ?? []);
  return [
    headlineSection(report.scenarios, report.area),
    // Straight after the headline: what the figures may not be, before the figures.
    ...(warnings ? [warnings] : []),
    ...balanceSections(report.scenarios),
    ...(report.fan
      ? [
          fanSection(
            report.fan,
            draws ?? 'the',
            plan.scenario.label,
            drawnInputs(report.model, plan.scenario),
          ),
        ]
      : []),
    ...breakdownSections(plan, (id) => labelOf.get(id) ?? id),
    // After the charts, so the page opens on the headline and the balances.
    summarySection(report.scenarios),
    ...[savingsSection(report.scenarios), safetyValveSection(report.scenarios)].filter(
      (s): s is ReportSection => s !== undefined,
    ),
    dsgPlanSection(report.scenarios, report.model.tariff.settings, report.dsgMap),
    assumptionsSection(report.model, report.scenarios),
    tariffSection(report.model.tariff),
    ...switchedTariffSections(report.scenarios, report.model.tariff),
    provenanceSection(report.manifest),
  ];
}
