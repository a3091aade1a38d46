// node:worker_threads whose threads fail as they start (a module that cannot load, no memory for
// a heap): each Worker runs a script that throws at once. Everything else is node:worker_threads.
import { Worker as RealWorker } from 'node:worker_threads';

export * from 'node:worker_threads';

export class Worker extends RealWorker {
  constructor() {
    super('throw new Error("the worker could not start")', { eval: true });
  }
}
