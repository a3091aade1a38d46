import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/core/decimal.js';
import { assessAgreement } from '../../src/core/scenario/agreement.js';
import { openModel, projectOpened } from '../../src/io/open-model.js';
import { safetyValveSection } from '../../src/report/presentation/scenario-sections.js';
import { fixture } from '../helpers/model.js';

// The Safety Valve in-year target is on the underlying balance, before Safety Valve payments and
// the write-off grant (core/underlying-balance.ts). compare names both where the projection has
// the grant; the report's targets table said "before Safety Valve payments" only (found by a review).
describe("the report's Safety Valve targets name the in-year balance's basis", () => {
  const targetLabel = (withWriteOff: boolean): string => {
    const open = openModel(fixture('example'));
    const opened = withWriteOff
      ? {
          ...open,
          model: {
            ...open.model!,
            writeOff: { share: new Dec('0.9'), balanceYear: 2025, paidIn: 2026 },
          },
        }
      : open;
    const { projection } = projectOpened(opened, 'safety-valve');
    const scenario = opened.scenarios.find((s) => s.id === 'safety-valve')!;
    expect(projection!.years[0]!.income.writeOff.isZero()).toBe(!withWriteOff);
    const section = safetyValveSection([
      {
        scenario,
        projection: projection!,
        breakdown: [],
        agreement: assessAgreement(scenario.agreement!, projection!),
      },
    ]);
    const targets = section!.tables!.find((t) => t.title.startsWith('Safety Valve targets'))!;
    return String(targets.rows[0]!.cells['target']);
  };

  it('with the write-off grant in the projection, names it beside the Safety Valve payments', () => {
    expect(targetLabel(true)).toBe(
      'Underlying in-year balance (before Safety Valve payments, the write-off grant and local authority contributions), every year from',
    );
  });

  it("without it, the Safety Valve payments and the agreement's local contributions", () => {
    expect(targetLabel(false)).toBe(
      'Underlying in-year balance (before Safety Valve payments and local authority contributions), every year from',
    );
  });
});
