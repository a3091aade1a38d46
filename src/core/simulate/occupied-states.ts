/**
 * The states of a counts vector (src/core/demand/lanes.ts) that may hold pupils, as a bitset: one
 * bit per state, 32 to a word. A draw's step visits only these, in ascending order, instead of every
 * state of the plan: an area's states outnumber the occupied ones five to one, and testing each
 * for zero was a quarter of a step's time (mostly mispredicted branches). A bit may be set for a
 * state that is empty (pupils moved on again); none is clear for a state that holds pupils.
 */
export class OccupiedStates {
  readonly words: Int32Array;

  constructor(size: number) {
    this.words = new Int32Array((size + 31) >>> 5);
  }

  clear(): void {
    this.words.fill(0);
  }

  add(s: number): void {
    this.words[s >>> 5]! |= 1 << (s & 31);
  }

  /** Exactly the states of `counts` that hold pupils. */
  setFrom(counts: Float64Array): void {
    this.clear();
    for (let s = 0; s < counts.length; s += 1) if (counts[s] !== 0) this.add(s);
  }
}

/** The index of the lowest bit set in a non-zero word: its states are visited by clearing it (word &= word − 1) until none is left. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}
