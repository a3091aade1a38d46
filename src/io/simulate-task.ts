import type { LoadOptions } from './model-folder.js';
import type { NationalArea } from './national-area.js';

/** Where in DrawTask.shared each thread claims its next chunk, and where a worker that failed counts itself. */
export const NEXT_CHUNK = 0;
export const FAILED = 1;

/**
 * The draws for a worker, given as it starts (workerData): the model to read, the seed, and the
 * draws 0 … draws − 1 cut into chunks of `perChunk`, claimed one at a time from
 * shared[NEXT_CHUNK], which every thread shares.
 */
export interface DrawTask {
  readonly dir: string;
  readonly load: LoadOptions;
  /** --area: the model is this area of a national model, as the main thread read it (src/io/national-area.ts). */
  readonly national?: NationalArea;
  readonly scenariosFile?: string;
  readonly scenario?: string;
  readonly seed: number;
  readonly draws: number;
  readonly perChunk: number;
  readonly shared: Int32Array;
}

/**
 * A worker's answer: each chunk's pupils by lane, draw by draw (draw i of the chunk, January j
 * (the base year's first) and lane l at [(i × januaries + j) × lanes + l]), which the main thread costs;
 * or the bug that stopped it.
 */
export type FromDrawWorker =
  | {
      readonly type: 'done';
      readonly chunks: readonly {
        readonly chunk: number;
        readonly januaries: number;
        readonly pupils: Float64Array;
      }[];
    }
  | { readonly type: 'bug'; readonly message: string; readonly stack: string };
