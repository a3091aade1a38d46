import type { JsonOut } from '../json.js';
import { inputsTable, plain, text } from './reference-sections.js';
import type { ReportSection } from './section.js';

/**
 * The national report's provenance, from what a batch manifest holds (report/manifest.ts,
 * buildBatchManifest): the inputs with their SHA-256 (the national tables, every tariff an
 * area charged, a folder's model files), the scenarios run, the areas modelled and failed, and
 * the draws and seed of --draws. A batch has no one tariff: each area's is among the inputs.
 */
/** A manifest value as text: its numbers are raw JSON literals (report/json.ts's rawNumber). */
const shown = (value: JsonOut | undefined): string =>
  value !== null && typeof value === 'object' && 'text' in value && typeof value.text === 'string'
    ? value.text
    : String(value ?? '');

export function batchProvenanceSection(manifest: JsonOut): ReportSection {
  const m = manifest as { [key: string]: JsonOut };
  const scenarios = (m['scenarios'] as string[] | undefined) ?? [];
  const areas = (m['areas'] as { [key: string]: JsonOut } | undefined) ?? {};
  const run = [
    { item: 'Command', value: `highneeds ${String(m['command'])}` },
    {
      item: 'Scenarios',
      value: scenarios.length ? scenarios.join(', ') : 'the model as given (no scenarios.json)',
    },
    { item: 'Areas modelled', value: shown(areas['modelled']) },
    { item: 'Areas failed', value: shown(areas['failed']) },
    ...(areas['unlisted'] === undefined
      ? []
      : [{ item: 'Codes not in areas.csv, left out', value: shown(areas['unlisted']) }]),
    ...(m['draws'] === undefined
      ? [{ item: 'Draws', value: 'none (no --draws)' }]
      : [
          { item: 'Draws of each area', value: shown(m['draws']) },
          { item: 'Seed', value: shown(m['seed']) },
        ]),
  ];
  return {
    id: 'provenance',
    title: 'Provenance',
    paragraphs: [
      `Made by highneeds ${String(m['version'])} (batch). The same inputs and options give the same report, byte for byte; the SHA-256 of each input identifies the exact file. Each area's tariff (areas.csv's tariff column, else model.json's or --tariff; in a folder of model folders, each folder's) is among the inputs.`,
    ],
    tables: [
      inputsTable(manifest),
      plain('Run', [text('item', 'Item'), text('value', 'Value')], run),
    ],
  };
}
