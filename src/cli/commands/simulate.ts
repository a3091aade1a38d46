import { availableParallelism } from 'node:os';
import { limitsFromEnvironment } from '../../io/limits.js';
import { DrawThreads, drawWorkers } from '../../io/simulate-threads.js';
import type { NationalArea } from '../../io/national-area.js';
import { checkOutputOption } from '../../io/write-output.js';
import { type Format, outputFormat, withBom } from '../output-format.js';
import { cliIo } from '../cli-io.js';
import { jobsNote } from '../jobs-note.js';
import { defaultModelDir, defaultTariffDir } from '../version.js';
import { thresholdOption } from '../threshold-option.js';
import { wholeOption } from '../whole-option.js';

export interface SimulateCommandOptions {
  readonly draws?: string;
  readonly seed?: string;
  readonly scenario?: string;
  readonly scenariosFile?: string;
  readonly threshold?: readonly string[];
  readonly jobs?: string;
  readonly tariff?: string;
  /** highneeds nff outputs supplying hnb_allocation, as project's (and batch's, which draws each area so). */
  readonly hnbFrom?: readonly string[];
  /** --area: one area of a national model. */
  readonly area?: string;
  readonly format?: Format;
  readonly out?: string;
  readonly bom?: boolean;
  readonly quiet?: boolean;
  /** --allow-outside, as project's: the workers read the model so too. */
  readonly allowOutside?: boolean;
}

/** Draws at most; a million draws of a median area is a quarter of an hour. */
const MAX_DRAWS = 1_000_000;

/** `highneeds simulate [model-dir]`: read, check, draw (on threads), summarise, render, write. */
export async function runSimulate(
  dirArgument: string | undefined,
  options: SimulateCommandOptions,
): Promise<number> {
  const draws = wholeOption('--draws', options.draws, 1000, [1, MAX_DRAWS]);
  const seed = wholeOption('--seed', options.seed, 1, [0, Number.MAX_SAFE_INTEGER]);
  const jobs = wholeOption('--jobs', options.jobs, availableParallelism(), [1, 1024]);
  const limits = thresholdOption(options.threshold);
  checkOutputOption('--out', options.out);
  const format = outputFormat(options);
  withBom('', format, options.bom);
  // Threads beyond the cores or the draws are not started (drawWorkers): said once, as batch says it
  // (simulate clamped without a word; found by a probe of issue 18's defects).
  const used = drawWorkers(draws, jobs) + 1;
  if (options.jobs !== undefined && used < jobs && !options.quiet)
    cliIo().stderr.write(jobsNote(jobs, used, draws, 'draw'));
  const dir = dirArgument ?? defaultModelDir();
  const tariffFile =
    options.tariff === undefined
      ? undefined
      : (await import('../../io/tariff-library.js')).resolveTariff(
          options.tariff,
          defaultTariffDir(),
        );
  // This thread draws too. The others start now with their task, reading the model while this one
  // reads and checks it; a problem found here stops them (finally). One area of a national model
  // (--area) is read here first and handed to them, as batch hands its workers their areas: each
  // would otherwise read the whole national cohort again.
  const task = {
    dir,
    load: {
      limits: limitsFromEnvironment(cliIo().env),
      libraryDir: defaultTariffDir(),
      // A --tariff that names nothing leaves it out here: reading the model says so, and stops the workers.
      ...(tariffFile ? { tariffFile } : {}),
      ...(options.hnbFrom ? { hnbFrom: options.hnbFrom } : {}),
      ...(options.allowOutside ? { allowOutside: true } : {}),
    },
    ...(options.scenariosFile ? { scenariosFile: options.scenariosFile } : {}),
    ...(options.scenario !== undefined ? { scenario: options.scenario } : {}),
    seed,
    draws,
  };
  const threads = new StartOnce((national) =>
    DrawThreads.start(drawWorkers(draws, jobs), { ...task, ...(national ? { national } : {}) }),
  );
  if (options.area === undefined) threads.start();
  try {
    // Read only now, so that the workers load their modules while this thread loads these.
    const { simulateModel } = await import('./simulate-model.js');
    return await simulateModel(dir, options, { draws, seed, limits, format }, threads);
  } finally {
    threads.stop();
  }
}

/** simulate's draw threads, started once: at once for a model folder, for --area once the area is read. */
export class StartOnce {
  private threads?: DrawThreads;
  constructor(private readonly begin: (national?: NationalArea) => DrawThreads) {}

  start(national?: NationalArea): DrawThreads {
    return (this.threads ??= this.begin(national));
  }

  stop(): void {
    this.threads?.stop();
  }
}
