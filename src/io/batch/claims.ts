/**
 * The areas left once the cohort is read, taken one at a time by whichever thread is free: every
 * thread is given the whole list, and an area is the next number of a counter the threads share,
 * so a worker takes its next area without waiting for the main thread to hear it. (Sent areas
 * one or two at a time, a worker sat idle while the main thread modelled an area of its own: its
 * first are cold, about 170 ms against a warm worker's 10 to 40.)
 */
export class Claims {
  private readonly counter: Int32Array;

  /** Made on the main thread; a worker makes its own over the same memory (`shared`). */
  constructor(readonly shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) {
    this.counter = new Int32Array(shared);
  }

  /** The index of the next area no thread has taken, or `count` and beyond once all are taken. */
  next(): number {
    return Atomics.add(this.counter, 0, 1);
  }

  /** No thread takes another area (--fail-fast stopped the run, or it failed). */
  stop(count: number): void {
    Atomics.store(this.counter, 0, count);
  }
}
