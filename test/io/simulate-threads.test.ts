import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, InternalError } from '../../src/core/errors.js';
import { AreaSimulation } from '../../src/core/simulate/simulate-area.js';
import { drawToText } from '../../src/core/simulate/simulate.js';
import { DEFAULT_LIMITS } from '../../src/io/limits.js';
import { loadModel } from '../../src/io/model-folder.js';
import { loadScenarios } from '../../src/io/scenarios-file.js';
import { DrawThreads } from '../../src/io/simulate-threads.js';
import { ROOT } from '../helpers/exec.js';
import { lateRateArea, SPECIAL_MAYBE } from '../helpers/late-rate-area.js';

const load = { limits: DEFAULT_LIMITS, libraryDir: path.join(ROOT, 'tariffs') };
/** Blocks this thread for `ms` without using the CPU (the worker gets on meanwhile). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * A pause for each chunk this thread draws, slow enough that the worker, once it has read the
 * model, claims some chunks too: longer while this thread has claimed every chunk so far (the
 * worker is still starting; on a loaded machine that can take seconds), so that it does not draw
 * them all first.
 */
function slowChunks(): (from: number, to: number) => void {
  let alone = 0;
  return (from, to) => {
    const first = from === alone;
    if (first) alone = to;
    pause(first ? 400 : 150);
  };
}

describe('draws shared between this thread and a worker, a chunk at a time', () => {
  it('gives every draw once, in draw order, as one thread draws them, whichever thread claimed it', async () => {
    const dir = path.join(ROOT, 'fixtures/example');
    const draws = 130;
    // Started before this thread reads the model, as the command does.
    const threads = DrawThreads.start(1, { dir, load, seed: 7, draws });
    const { simulation } = AreaSimulation.prepare(loadModel(dir).model!);
    const alone = Array.from({ length: draws }, (_, i) => drawToText(simulation!.draw(7, i)));
    let here = 0;
    const slow = slowChunks();
    try {
      const figures = await threads.draw(
        (from, to) => {
          here += to - from;
          slow(from, to);
          return Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i));
        },
        // The worker draws pupils; this thread costs them.
        (pupils, index) => simulation!.figuresOf(pupils, { seed: 7, index }),
      );
      expect(figures.map(drawToText)).toEqual(alone);
      expect(here).toBeLessThan(draws);
    } finally {
      threads.stop();
    }
  });

  it('hears a worker that fails before it has claimed a draw, though this thread could draw them all', async () => {
    const dir = path.join(ROOT, 'fixtures/example');
    const { simulation } = AreaSimulation.prepare(loadModel(dir).model!);
    // The worker cannot read this folder: an internal error, since this thread read its model.
    const threads = DrawThreads.start(1, {
      dir: path.join(ROOT, 'fixtures/no-such-model'),
      load,
      seed: 7,
      draws: 2000,
    });
    let here = 0;
    try {
      const drawn = threads.draw(
        (from, to) => {
          here += to - from;
          pause(20);
          return Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i));
        },
        (pupils, index) => simulation!.figuresOf(pupils, { seed: 7, index }),
      );
      await expect(drawn).rejects.toThrow(InternalError);
      await expect(drawn).rejects.toThrow(/did not read on a worker/);
      // It stopped drawing once the worker had failed.
      expect(here).toBeLessThan(2000);
    } finally {
      threads.stop();
    }
  });
});

describe('the progress of the draws, for a spinner this thread is too busy to turn', () => {
  it('is told after each chunk this thread draws, the share of the chunks begun, up to all', async () => {
    // No worker: this thread draws the 4 chunks of 65 draws (20 at a time) alone, in order.
    const dir = path.join(ROOT, 'fixtures/example');
    const draws = 65;
    const threads = DrawThreads.start(0, { dir, load, seed: 7, draws });
    const { simulation } = AreaSimulation.prepare(loadModel(dir).model!);
    const shares: number[] = [];
    try {
      await threads.draw(
        (from, to) => Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i)),
        (pupils, index) => simulation!.figuresOf(pupils, { seed: 7, index }),
        (share) => shares.push(share),
      );
    } finally {
      threads.stop();
    }
    expect(shares).toEqual([1 / 4, 2 / 4, 3 / 4, 1]);
  });
});

describe('the event loop, while this thread draws', () => {
  it('gets a turn after each chunk, so a signal handler (Ctrl-C) runs during the draws, not after them', async () => {
    const dir = path.join(ROOT, 'fixtures/example');
    const draws = 65;
    const threads = DrawThreads.start(0, { dir, load, seed: 7, draws });
    const { simulation } = AreaSimulation.prepare(loadModel(dir).model!);
    // What a SIGINT handler would see: how many chunks were drawn before it ran.
    let chunks = 0;
    let atTurn: number | undefined;
    setImmediate(() => (atTurn = chunks));
    try {
      await threads.draw(
        (from, to) => {
          chunks += 1;
          return Array.from({ length: to - from }, (_, i) => simulation!.draw(7, from + i));
        },
        (pupils, index) => simulation!.figuresOf(pupils, { seed: 7, index }),
      );
    } finally {
      threads.stop();
    }
    // The loop turned after the first chunk, with three of the four still to draw.
    expect(atTurn).toBe(1);
  });
});

describe("a draw's problem with the input in a worker's pupils", () => {
  it('reaches the caller as the located input error, as it would from this thread', async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'highneeds-draw-thread-'));
    try {
      // A late rate: a draw that sends new plans to the special school finds none in force.
      lateRateArea(path.join(scratch, 'late'), '901', '2027-09-01');
      lateRateArea(path.join(scratch, 'ready'), '902', '2025-04-01');
      writeFileSync(path.join(scratch, 'scenarios.json'), SPECIAL_MAYBE);
      const file = path.join(scratch, 'scenarios.json');
      const scenario = loadScenarios(scratch, '', file).scenarios![0]!;
      const late = AreaSimulation.prepare(loadModel(path.join(scratch, 'late')).model!, scenario);
      const ready = AreaSimulation.prepare(loadModel(path.join(scratch, 'ready')).model!, scenario);
      const threads = DrawThreads.start(1, {
        dir: path.join(scratch, 'late'),
        load,
        scenariosFile: file,
        scenario: scenario.id,
        seed: 1,
        draws: 200,
      });
      const slow = slowChunks();
      try {
        const drawing = threads.draw(
          // This thread's chunks meet no problem (and are slow): only the worker's pupils do.
          (from, to) => {
            slow(from, to);
            return Array.from({ length: to - from }, (_, i) => ready.simulation!.draw(1, from + i));
          },
          // This thread costs the worker's pupils of the late area, as the command does.
          (pupils, index) => late.simulation!.figuresOf(pupils, { seed: 1, index }),
        );
        await expect(drawing).rejects.toBeInstanceOf(InputError);
        await drawing.catch((cause: InputError) =>
          expect(cause.issues.map((issue) => issue.code)).toEqual(['NO_RATE_IN_FORCE']),
        );
      } finally {
        threads.stop();
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
