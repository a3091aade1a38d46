import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAPACITY_COLUMNS } from '../../src/io/read-capacity.js';
import { COHORT_COLUMNS } from '../../src/io/read-cohort.js';
import {
  CEASING_COLUMNS,
  NEW_PLANS_COLUMNS,
  TRANSITIONS_COLUMNS,
} from '../../src/io/read-flows.js';
import { FUNDING_COLUMNS, PLACES_COLUMNS } from '../../src/io/read-ledger.js';
import { POPULATION_COLUMNS } from '../../src/io/read-population.js';
import { SPEND_COLUMNS } from '../../src/io/read-spend.js';
import { AREAS_COLUMNS } from '../../src/io/batch/areas-table.js';

/*
 * README, "The model folder": each table's row opens with its required columns, in the order the
 * readers name them, and names every optional column it reads. `area` is described once, under
 * "National batch", and the columns of uncertainty (observed, exposure, low, high, distribution)
 * under "Uncertainty: simulate" and docs/simulate.md. Found by this audit: funding.csv's `note`
 * was read and in no doc.
 */
const TABLES = {
  'cohort.csv': COHORT_COLUMNS,
  'new-plans.csv': NEW_PLANS_COLUMNS,
  'ceasing.csv': CEASING_COLUMNS,
  'transitions.csv': TRANSITIONS_COLUMNS,
  'places.csv': PLACES_COLUMNS,
  'population.csv': POPULATION_COLUMNS,
  'capacity.csv': CAPACITY_COLUMNS,
  'funding.csv': FUNDING_COLUMNS,
  'spend.csv': SPEND_COLUMNS,
};
const ELSEWHERE = new Set(['area', 'observed', 'exposure', 'low', 'high', 'distribution']);

const readme = readFileSync('README.md', 'utf8');
const codes = (text: string): string[] =>
  [...text.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1]!.split(/,\s*/));

describe("README's model folder table names the columns each table is read with", () => {
  for (const [file, { required, optional }] of Object.entries(TABLES))
    it(file, () => {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${file}\` |`)) ?? '';
      const cell = row.split(' | ').slice(2).join(' | ');
      expect(/^`([^`]+)`/.exec(cell)?.[1]?.split(', ')).toEqual([...required]);
      const named = new Set(codes(cell));
      expect(optional.filter((column) => !ELSEWHERE.has(column) && !named.has(column))).toEqual([]);
    });

  it('areas.csv, under National batch', () => {
    const item = readme.split('\n').find((line) => line.startsWith('- `areas.csv`:')) ?? '';
    const cell = item.slice('- `areas.csv`: '.length);
    expect(/^`([^`]+)`/.exec(cell)?.[1]?.split(', ')).toEqual([...AREAS_COLUMNS.required]);
    const named = new Set(codes(cell));
    expect(AREAS_COLUMNS.optional.filter((column) => !named.has(column))).toEqual([]);
  });

  it('and the columns it leaves to other sections are there', () => {
    const batch = readme.slice(
      readme.indexOf('## National batch'),
      readme.indexOf('## Uncertainty'),
    );
    expect(batch).toContain('plus an optional `area`');
    const simulate = readFileSync('docs/simulate.md', 'utf8');
    for (const column of ['observed', 'exposure', 'low', 'high', 'distribution'])
      expect(simulate).toContain(`\`${column}\``);
  });
});
