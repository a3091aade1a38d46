import { describe, expect, it } from 'vitest';
import { AreaSimulation, type DrawFigures } from '../../../src/core/simulate/simulate-area.js';
import { PupilDraws } from '../../../src/core/simulate/pupil-draws.js';
import { loadScenarios } from '../../../src/io/scenarios-file.js';
import { fixture, loadFixture } from '../../helpers/model.js';

/**
 * The lane totals bit for bit (each Float64Array's bytes), and the figures exactly (decimal.js's
 * text of each, with its sign, as toEqual tells -0 from 0): as strict as toEqual on the arrays
 * and Decimals themselves, which walked every Decimal's digits through vitest's deep equality and
 * took some 30% of this file's CPU (issue 18, item 5). A mismatch still shows where it is.
 */
const bits = (pupils: readonly Float64Array[]) =>
  pupils.map((lanes) =>
    Buffer.from(lanes.buffer, lanes.byteOffset, lanes.byteLength).toString('hex'),
  );
const exactly = (figures: DrawFigures) =>
  [figures.pupils, figures.spend, figures.inYear, figures.cumulative].map((values) =>
    values.map((value) => `${value.isNegative() ? '-' : ''}${value.abs().toString()}`).join(' '),
  );

// A simulate worker prepares only the pupils (PupilDraws.prepare, no projection, no costing) and the
// main thread costs what it draws: its pupils must be those of the main thread's AreaSimulation.
describe("a worker's pupils are the main thread's", () => {
  const cases = [
    {
      name: 'demand-example (capacity)',
      dir: 'demand-example',
      scenarios: undefined,
      id: undefined,
    },
    { name: 'example as given', dir: 'example', scenarios: undefined, id: undefined },
    {
      name: 'example, mitigated (every kind of lever)',
      dir: 'example',
      scenarios: undefined,
      id: 'mitigated',
    },
    {
      name: 'example, lever ranges drawn',
      dir: 'example',
      scenarios: fixture('lever-ranges/scenarios.json'),
      id: 'demand-ranges',
    },
  ];
  it.each(cases)('$name: the same pupils by lane, draw by draw', ({ dir, scenarios, id }) => {
    const model = loadFixture(dir);
    const scenario =
      id === undefined
        ? undefined
        : loadScenarios(fixture(dir), '', scenarios).scenarios!.find((s) => s.id === id)!;
    expect(scenario?.id).toBe(id);
    const main = AreaSimulation.prepare(model, scenario).simulation!;
    const worker = PupilDraws.prepare(model, scenario);
    for (let d = 0; d < 30; d += 1) {
      main.drawPupils(5, d);
      worker.draw(5, d);
      expect(bits(worker.pupils)).toEqual(bits(main.pupils));
      expect(exactly(main.figuresOf(worker.pupils, { seed: 5, index: d }))).toEqual(
        exactly(main.draw(5, d)),
      );
    }
  });
});
