import type { Projection } from '../core/projection.js';
import type { JsonOut } from './json.js';

export interface ManifestInput {
  readonly version: string;
  readonly inputs: readonly { readonly path: string; readonly sha256: string }[];
  readonly projection: Projection;
  readonly options: Readonly<Record<string, string | boolean>>;
}

/**
 * What a figure came from: the tool version, the SHA-256 of every input file, the tariff
 * and the effective dates of the rows charged, and the options. Nothing time- or
 * machine-dependent, so two runs on the same inputs write the same bytes.
 */
export function buildManifest({ version, inputs, projection, options }: ManifestInput): JsonOut {
  const { tariff } = projection;
  return {
    tool: 'highneeds',
    version,
    inputs: inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    tariff: { id: tariff.id, source: tariff.source ?? null, effective_dates_used: [...tariff.effectiveDatesUsed] },
    options: { ...options },
  };
}
