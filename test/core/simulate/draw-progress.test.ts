import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/core/simulate/simulate.js';
import { loadModel } from '../../../src/io/model-folder.js';
import { fixture } from '../../helpers/model.js';

// Found by a review: the spinner of a simulate on this thread alone (--jobs 1, a one-core machine,
// 200 draws or fewer) stood still, as the threaded one did before a user trial's fix: the draws
// never let ora's timer turn it, and nothing told it how far they had gone.
describe("simulate tells a caller how many draws are drawn, and its result doesn't depend on it", () => {
  it('after each draw, in order, up to all of them', () => {
    const model = loadModel(fixture('example')).model!;
    const told: number[] = [];
    const watched = simulate(model, { draws: 6, seed: 3, onDraw: (drawn) => told.push(drawn) });
    expect(told).toEqual([1, 2, 3, 4, 5, 6]);
    expect(watched.simulation).toEqual(simulate(model, { draws: 6, seed: 3 }).simulation);
  });
});
