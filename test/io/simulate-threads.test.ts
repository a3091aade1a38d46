import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AreaSimulation } from '../../src/core/simulate/simulate-area.js';
import { drawToText } from '../../src/core/simulate/simulate.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { loadModel } from '../../src/io/model-folder.js';
import { drawOnThreads, startDrawWorkers } from '../../src/io/simulate-threads.js';
import { ROOT } from '../helpers/exec.js';

/** Nothing ever stores to it: Atomics.wait on it sleeps for its whole timeout. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
        // Slow enough that the worker, once it has read the model, claims some chunks too: this
        // thread sleeps (Atomics.wait) rather than spins, leaving the core to the worker (a spin
        // burnt up to a second of CPU here; issue 18, item 5).
        Atomics.wait(PAUSE, 0, 0, 150);
        return Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i));
      },
    );
    expect(figures.map(drawToText)).toEqual(alone);
    expect(here).toBeLessThan(draws);
  });
});
