import type { Projection } from '../core/projection.js';
import { type JsonOut, rawNumber } from './json.js';

export interface ManifestInput {
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  readonly projection: Projection;
  readonly options: Readonly<Record<string, string | boolean>>;
  /** The tariff file as the inputs name it (relative to the model folder), instead of the path it was read by. */
  readonly tariffSource?: string;
}

/**
 * What a figure came from: the tool version, the SHA-256 of every input file, the tariff
 * and the effective dates of the rows charged, and the options. Nothing time- or
 * machine-dependent, so two runs on the same inputs write the same bytes.
 */
export function buildManifest({
  version,
  inputs,
  projection,
  options,
  tariffSource,
}: ManifestInput): JsonOut {
  const { tariff } = projection;
  return {
    tool: 'highneeds',
    version,
    inputs: inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    tariff: {
      id: tariff.id,
      source: tariffSource ?? tariff.source ?? null,
      effective_dates_used: [...tariff.effectiveDatesUsed],
    },
    options: { ...options },
  };
}

export interface BatchManifestInput {
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  /** The scenario ids run, in order ('' when the model has none). */
  readonly scenarios: readonly string[];
  /** Areas of the model modelled and failed, and codes of rows areas.csv does not list (UNKNOWN_AREA), left out. */
  readonly areas: {
    readonly modelled: number;
    readonly failed: number;
    readonly unlisted?: number;
  };
  /** With --draws: how many draws of each area, from which seed (intervals.csv). */
  readonly draws?: { readonly count: number; readonly seed: number };
  /**
   * With --report: its folder, relative to the manifest's own, so that the next run with the same
   * options knows the national report there for its own (src/cli/commands/batch-output-checks.ts).
   */
  readonly report?: string;
}

/**
 * What a national batch's figures came from: the tool version, every file any thread read
 * (the national tables, each area's tariff, a folder's model files) with its SHA-256, the
 * scenarios run, and how many areas were modelled. Like the project manifest, nothing time-,
 * machine- or thread-dependent: the same inputs give the same bytes, whatever --jobs.
 */
export function buildBatchManifest({
  version,
  inputs,
  scenarios,
  areas,
  draws,
  report,
}: BatchManifestInput): JsonOut {
  return {
    ...head('batch', version, inputs),
    scenarios: scenarios.filter((id) => id !== ''),
    areas: {
      modelled: rawNumber(String(areas.modelled)),
      failed: rawNumber(String(areas.failed)),
      // Only when there are any: a run without them writes the bytes it always wrote.
      ...(areas.unlisted ? { unlisted: rawNumber(String(areas.unlisted)) } : {}),
    },
    ...(draws
      ? { draws: rawNumber(String(draws.count)), seed: rawNumber(String(draws.seed)) }
      : {}),
    ...(report !== undefined ? { report } : {}),
  };
}

export interface NffManifestInput {
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  readonly parameters: {
    readonly financialYear: string;
    readonly title: string;
    readonly source?: string;
  };
  readonly options: Readonly<Record<string, string | boolean>>;
}

/**
 * What an nff run's allocations came from: the tool version, the parameters file and factors
 * file with their SHA-256, the parameters' year and title, and the options that change the
 * figures. As with the others, the same inputs and options give the same bytes.
 */
export function buildNffManifest({
  version,
  inputs,
  parameters,
  options,
}: NffManifestInput): JsonOut {
  return {
    ...head('nff', version, inputs),
    parameters: {
      financial_year: parameters.financialYear,
      title: parameters.title,
      source: parameters.source ?? null,
    },
    options: { ...options },
  };
}

/** What the batch and nff manifests begin with: the tool and version, the command, and every input with its SHA-256. */
function head(
  command: string,
  version: string,
  inputs: readonly { readonly path: string; readonly sha256: string }[],
): { [key: string]: JsonOut } {
  return {
    tool: 'highneeds',
    version,
    command,
    inputs: inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
  };
}
