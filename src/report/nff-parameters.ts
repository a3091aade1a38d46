import type { Decimal } from 'decimal.js';
import type { NffParameters, ParameterValue } from '../core/nff/parameters.js';
import type { ValueStatus } from '../core/tariff.js';

export interface ListedValue {
  /** Where the value sits in the parameters file, e.g. `basicEntitlement.rate`. */
  readonly name: string;
  readonly value?: Decimal;
  readonly text?: string;
  readonly status: ValueStatus;
  readonly reference: string;
  readonly notes?: string;
}

/** Every value of a year's parameters with its standing, so outputs never pass an assumption off as published. */
export function listParameters(parameters: NffParameters): ListedValue[] {
  const out: ListedValue[] = [];
  const add = (name: string, value: ParameterValue | undefined): void => {
    if (value)
      out.push({
        name,
        value: value.value,
        status: value.status,
        reference: value.reference,
        ...(value.notes ? { notes: value.notes } : {}),
      });
  };
  if (parameters.mode === 'formula') {
    add('basicEntitlement.rate', parameters.basicEntitlementRate);
    add('historicSpend.share', parameters.historicSpendShare);
    add('proxyFactors.pot', parameters.proxyPot);
    for (const factor of parameters.proxyFactors) {
      add(`proxyFactors.${factor.id}.weight`, factor.weight);
      add(`proxyFactors.${factor.id}.unitValue`, factor.unitValue);
    }
    add('importExport.rate', parameters.importExportRate);
    add('floorCap.floor', parameters.floorCap.floor);
    add('floorCap.cap', parameters.floorCap.cap);
    const { compare } = parameters.floorCap;
    out.push({
      name: 'floorCap.compare',
      text: compare.elements.join(' + '),
      status: compare.status,
      reference: compare.reference,
      ...(compare.notes ? { notes: compare.notes } : {}),
    });
  } else {
    add('rollover.uplift', parameters.uplift);
    for (const grant of parameters.rolledInGrants) {
      out.push({
        name: `rollover.rolledInGrants.${grant.id}`,
        text: `per-area column ${grant.column}`,
        status: grant.status,
        reference: grant.reference,
        ...(grant.notes ? { notes: grant.notes } : {}),
      });
    }
  }
  add('nationalTotal', parameters.nationalTotal);
  return out;
}

/**
 * The values the figures were worked out with: with --solve-cap, all but the file's gains cap,
 * which the solved cap replaced (a solved 10.21% was once shown beside "published: floorCap.cap",
 * with the cap's source among the published values' sources).
 */
function usedValues(parameters: NffParameters, capSolved: boolean): ListedValue[] {
  return listParameters(parameters).filter((v) => !(capSolved && v.name === 'floorCap.cap'));
}

/** "published: a, b; assumption: c; illustrative: d": one line for the foot of a table. */
export function standingLine(parameters: NffParameters, capSolved = false): string {
  const byStatus = new Map<string, string[]>();
  for (const value of usedValues(parameters, capSolved)) {
    // One entry for a value every proxy factor has: "proxyFactors.*.weight (7)".
    const name = value.name.replace(
      /^proxyFactors\.[^.]+\.(weight|unitValue)$/,
      'proxyFactors.*.$1',
    );
    byStatus.set(value.status, [...(byStatus.get(value.status) ?? []), name]);
  }
  const names = (list: readonly string[]): string =>
    [...new Set(list)]
      .map((n) => (n.includes('*') ? `${n} (${list.filter((m) => m === n).length})` : n))
      .join(', ');
  return [
    ...['published', 'derived', 'assumption', 'illustrative']
      .filter((s) => byStatus.has(s))
      .map((s) => `${s}: ${names(byStatus.get(s)!)}`),
    ...(capSolved ? ['not used: floorCap.cap (the gains cap is solved for nationalTotal)'] : []),
  ].join('; ');
}

/**
 * "sources of the published values: torbay-dsg-2025 <address>; …": the sources the published and
 * derived values cite, beside the standing line, so a figure shown as published is shown with
 * where it is published (found by the domain audit: the table and the step-by-step gave each
 * value's standing but no source). Undefined when no value is published or derived.
 */
export function sourcesLine(parameters: NffParameters, capSolved = false): string | undefined {
  const cited = new Set(
    usedValues(parameters, capSolved)
      .filter((value) => value.status === 'published' || value.status === 'derived')
      .map((value) => value.reference),
  );
  const sources = parameters.references.filter((r) => r.id !== undefined && cited.has(r.id));
  return sources.length
    ? `sources of the published and derived values: ${sources.map((r) => `${r.id} ${r.url}`).join('; ')}`
    : undefined;
}
