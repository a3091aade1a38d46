import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { AreaSimulation } from '../../src/core/simulate/simulate-area.js';
import { drawToText } from '../../src/core/simulate/simulate.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { loadModel } from '../../src/io/model-folder.js';
import { loadScenarios } from '../../src/io/scenarios-file.js';
import { drawOnThreads, startDrawWorkers } from '../../src/io/simulate-threads.js';
import { ROOT } from '../helpers/exec.js';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';

describe('draws shared between this thread and a worker, a chunk at a time', () => {
  it('gives every draw once, in draw order, as one thread draws them, whichever thread claimed it', async () => {
    const dir = path.join(ROOT, 'fixtures/example');
    const { simulation } = AreaSimulation.prepare(loadModel(dir).model!);
    const draws = 130;
    const alone = Array.from({ length: draws }, (_, i) => drawToText(simulation!.draw(7, i)));
    let here = 0;
    const figures = await drawOnThreads(
      {
        dir,
        load: { limits: DEFAULT_LIMITS, libraryDir: path.join(ROOT, 'tariffs') },
        seed: 7,
        draws,
      },
      startDrawWorkers(1),
      (from, to) => {
        here += to - from;
        // Slow enough that the worker, once it has read the model, claims some chunks too.
        const until = Date.now() + 150;
        while (Date.now() < until);
        return Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i));
      },
    );
    expect(figures.map(drawToText)).toEqual(alone);
    expect(here).toBeLessThan(draws);
  });
});

describe("a draw's problem with the input on a worker", () => {
  it('reaches the caller as the located input error, as it would from this thread', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-draw-thread-'));
    try {
      // A late rate: a draw that sends new plans to the special school finds none in force.
      lateRateArea(path.join(scratch, 'late'), '901', '2027-09-01');
      lateRateArea(path.join(scratch, 'ready'), '902', '2025-04-01');
      writeFileSync(path.join(scratch, 'scenarios.json'), SPECIAL_MAYBE);
      const file = path.join(scratch, 'scenarios.json');
      const scenario = loadScenarios(scratch, '', file).scenarios![0]!;
      const ready = AreaSimulation.prepare(loadModel(path.join(scratch, 'ready')).model!, scenario);
      const drawing = drawOnThreads(
        {
          dir: path.join(scratch, 'late'),
          load: { limits: DEFAULT_LIMITS, libraryDir: path.join(ROOT, 'tariffs') },
          scenariosFile: file,
          scenario: scenario.id,
          seed: 1,
          draws: 200,
        },
        startDrawWorkers(1),
        // This thread's chunks meet no problem (and are slow): only the worker's draws do.
        (from, to) => {
          const until = Date.now() + 150;
          while (Date.now() < until);
          return Array.from({ length: to - from }, (_, i) => ready.simulation!.draw(1, from + i));
        },
      );
      await expect(drawing).rejects.toBeInstanceOf(InputError);
      await drawing.catch((cause: InputError) =>
        expect(cause.issues.map((issue) => issue.code)).toEqual(['NO_RATE_IN_FORCE']),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
