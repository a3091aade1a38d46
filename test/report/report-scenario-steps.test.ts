import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/io/scenarios-file.js';
import { reportScenarioSteps } from '../../src/report/presentation/report-model.js';
import { fixture, loadFixture } from '../helpers/model.js';

const model = loadFixture('example');
const scenarios = loadScenarios(fixture('example'), fixture('../tariffs')).scenarios ?? [];

// Left at the last stop: `report` projected every scenario, its savings and breakdowns in one
// synchronous call, so a Ctrl-C there was heard only once all were done (1-3 s on a big model).
// The work now yields between its steps, where the command gives the event loop a turn.
describe("the report's scenarios, built step by step", () => {
  it('yield after each projection, so that no two scenarios are projected in one turn', () => {
    expect(scenarios.length).toBeGreaterThan(1);
    const steps = reportScenarioSteps(model, scenarios, scenarios);
    let yields = 0;
    let result = steps.next();
    for (; !result.done; result = steps.next()) yields += 1;
    // One after each projection, one after each breakdown (and one after each attribution).
    expect(yields).toBeGreaterThanOrEqual(2 * scenarios.length);
    expect(result.value.map((s) => s.scenario.id)).toEqual(scenarios.map((s) => s.id));
  });
});
