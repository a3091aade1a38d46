import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src/core/decimal.js';
import { ProjectionCache } from '../../../src/core/demand/cache.js';
import type { Scenario } from '../../../src/core/scenario/types.js';
import { AreaSimulation } from '../../../src/core/simulate/simulate-area.js';
import { drawToText } from '../../../src/core/simulate/simulate.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { fixture, loadFixture } from '../../helpers/model.js';

const example = loadFixture('example');
const scenarios = loadScenarios(fixture('example'), '').scenarios!;
const mitigated = scenarios.find((s) => s.id === 'mitigated')!;
const first = mitigated.levers[0]!;
if (!('profile' in first)) throw new Error("mitigated's first lever has a profile");
const profile = first.profile;

/** Top-ups 5% dearer from September 2027: a lever that changes money and leaves every pupil alone. */
const dearer: Scenario = {
  id: 'dearer',
  label: 'Dearer top-ups',
  assumptions: {},
  funding: [],
  inheritedLevers: 0,
  levers: [
    {
      id: 'uplift',
      label: '5% more',
      kind: 'tariff',
      filter: {},
      profile,
      share: new Dec('0.05'),
      fromDate: '2027-09-01',
    },
  ],
};

describe('scenarios that leave pupils alone share each draw’s pupils (batch --draws)', () => {
  const cache = new ProjectionCache();
  const ready = (scenario?: Scenario) =>
    AreaSimulation.prepare(example, scenario, cache).simulation!;
  const base = ready();
  const tariff = ready(dearer);
  const moved = ready(mitigated);

  it('knows which do: a tariff lever does, a scenario that moves pupils does not', () => {
    expect(base.drawsSamePupilsAs(tariff)).toBe(true);
    expect(tariff.drawsSamePupilsAs(base)).toBe(true);
    expect(base.drawsSamePupilsAs(moved)).toBe(false);
  });

  it("costs the base's pupils under the tariff scenario exactly as its own draw would", () => {
    for (const d of [0, 1, 7]) {
      base.drawPupils(11, d);
      const shared = drawToText(tariff.figuresOf(base.pupils, { seed: 11, index: d }));
      expect(shared).toEqual(drawToText(tariff.draw(11, d)));
      // and the money differs: the lever is in force.
      expect(shared).not.toEqual(drawToText(base.draw(11, d)));
    }
  });
});
